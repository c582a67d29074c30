package dev.cairn.history;

import java.time.Instant;

/**
 * The orchestration created a durable timer.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param taskId the id its TimerFired event refers back to
 * @param fireAt when it is due
 */
public record TimerCreated(
    int eventId,
    Instant timestamp,
    int taskId,
    Instant fireAt)
    implements HistoryEvent {

  @Override
  public TimerCreated withEventId(int id) {
    return new TimerCreated(id, timestamp, taskId, fireAt);
  }
}
