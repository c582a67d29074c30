package dev.cairn.history;

import dev.cairn.failure.FailureDetails;
import java.time.Instant;

/**
 * An entity operation that was called failed.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param requestId the id of the call
 * @param failure what went wrong
 */
public record EntityOperationFailed(
    int eventId,
    Instant timestamp,
    String requestId,
    FailureDetails failure)
    implements HistoryEvent {

  @Override
  public EntityOperationFailed withEventId(int id) {
    return new EntityOperationFailed(id, timestamp, requestId, failure);
  }
}
