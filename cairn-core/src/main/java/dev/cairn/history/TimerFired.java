package dev.cairn.history;

import java.time.Instant;

/**
 * A durable timer came due.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param timerId the task id of its TimerCreated event
 * @param fireAt when it was due
 */
public record TimerFired(
    int eventId,
    Instant timestamp,
    int timerId,
    Instant fireAt)
    implements HistoryEvent {

  @Override
  public TimerFired withEventId(int id) {
    return new TimerFired(id, timestamp, timerId, fireAt);
  }
}
