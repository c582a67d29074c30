package dev.cairn.history;

import java.time.Instant;

/**
 * Marks the start of an episode; its timestamp is the orchestration's current time.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 */
public record OrchestratorStarted(
    int eventId,
    Instant timestamp)
    implements HistoryEvent {

  @Override
  public OrchestratorStarted withEventId(int id) {
    return new OrchestratorStarted(id, timestamp);
  }
}
