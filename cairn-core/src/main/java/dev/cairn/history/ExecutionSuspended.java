package dev.cairn.history;

import java.time.Instant;

/**
 * The instance was suspended: new events are kept but not processed until it is resumed.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param reason why, or null
 */
public record ExecutionSuspended(
    int eventId,
    Instant timestamp,
    String reason)
    implements HistoryEvent {

  @Override
  public ExecutionSuspended withEventId(int id) {
    return new ExecutionSuspended(id, timestamp, reason);
  }
}
