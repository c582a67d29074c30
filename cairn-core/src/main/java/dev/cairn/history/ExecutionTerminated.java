package dev.cairn.history;

import java.time.Instant;

/**
 * A request to terminate the instance.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param reason why, or null
 * @param recursive whether running sub-orchestrations are terminated too
 */
public record ExecutionTerminated(
    int eventId,
    Instant timestamp,
    String reason,
    boolean recursive)
    implements HistoryEvent {

  @Override
  public ExecutionTerminated withEventId(int id) {
    return new ExecutionTerminated(id, timestamp, reason, recursive);
  }
}
