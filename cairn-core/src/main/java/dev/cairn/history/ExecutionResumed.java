package dev.cairn.history;

import java.time.Instant;

/**
 * A suspended instance was resumed: the events kept meanwhile are processed now.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param reason why, or null
 */
public record ExecutionResumed(
    int eventId,
    Instant timestamp,
    String reason)
    implements HistoryEvent {

  @Override
  public ExecutionResumed withEventId(int id) {
    return new ExecutionResumed(id, timestamp, reason);
  }
}
