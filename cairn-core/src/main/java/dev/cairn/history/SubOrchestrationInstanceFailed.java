package dev.cairn.history;

import dev.cairn.failure.FailureDetails;
import java.time.Instant;

/**
 * A sub-orchestration failed or was terminated.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param taskScheduledId the task id of its SubOrchestrationInstanceCreated event
 * @param failure what went wrong
 */
public record SubOrchestrationInstanceFailed(
    int eventId,
    Instant timestamp,
    int taskScheduledId,
    FailureDetails failure)
    implements HistoryEvent {

  @Override
  public SubOrchestrationInstanceFailed withEventId(int id) {
    return new SubOrchestrationInstanceFailed(id, timestamp, taskScheduledId, failure);
  }
}
