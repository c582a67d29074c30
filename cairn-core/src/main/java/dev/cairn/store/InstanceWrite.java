package dev.cairn.store;

import dev.cairn.history.HistoryEvent;
import java.util.List;

/**
 * A change to one orchestration instance within a commit.
 *
 * @param record the new row; its version must be larger than {@code expectedVersion} (several changes may be
 *     committed as one write). A write that
 *     keeps the execution ({@code replaceHistory} false, on an existing row) changes only the execution's
 *     progress (status, output, custom status, failure, update time); its name, execution id, input, parent and
 *     creation time must be the row's, and stores may leave those columns alone
 * @param expectedVersion the version the change is based on, or 0 when the row must not exist yet
 * @param replaceHistory when true, {@code history} is the whole new history (continue-as-new, a new
 *     execution); when false, it is appended to the existing history
 * @param history the events to append, or the whole new history; event ids must follow on without gaps
 */
public record InstanceWrite(
    InstanceRecord record, long expectedVersion, boolean replaceHistory, List<HistoryEvent> history) {

  /** Copies the list. */
  public InstanceWrite {
    history = List.copyOf(history);
  }
}
