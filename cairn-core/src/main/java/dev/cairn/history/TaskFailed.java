package dev.cairn.history;

import dev.cairn.failure.FailureDetails;
import java.time.Instant;

/**
 * An activity failed.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param taskScheduledId the task id of its TaskScheduled event
 * @param failure what went wrong
 */
public record TaskFailed(
    int eventId,
    Instant timestamp,
    int taskScheduledId,
    FailureDetails failure)
    implements HistoryEvent {

  @Override
  public TaskFailed withEventId(int id) {
    return new TaskFailed(id, timestamp, taskScheduledId, failure);
  }
}
