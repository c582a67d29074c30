package dev.cairn.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.failure.FailureDetails;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The last event of an execution: how it ended and with what.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param status COMPLETED, FAILED or TERMINATED
 * @param result the output as JSON (COMPLETED), the termination reason (TERMINATED), or null
 * @param failure what went wrong (FAILED), else null
 */
public record ExecutionCompleted(
    int eventId,
    Instant timestamp,
    RuntimeStatus status,
    @JsonRawValue @JsonDeserialize(using = RawJson.class) String result,
    FailureDetails failure)
    implements HistoryEvent {

  @Override
  public ExecutionCompleted withEventId(int id) {
    return new ExecutionCompleted(id, timestamp, status, result, failure);
  }
}
