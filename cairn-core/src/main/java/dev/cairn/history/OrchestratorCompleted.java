package dev.cairn.history;

import java.time.Instant;

/**
 * Marks the end of an episode.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 */
public record OrchestratorCompleted(
    int eventId,
    Instant timestamp)
    implements HistoryEvent {

  @Override
  public OrchestratorCompleted withEventId(int id) {
    return new OrchestratorCompleted(id, timestamp);
  }
}
