package dev.cairn.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An entity answered a call with a result.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param requestId the id of the call
 * @param result the result as JSON, or null
 */
public record EntityOperationCompleted(
    int eventId,
    Instant timestamp,
    String requestId,
    @JsonRawValue @JsonDeserialize(using = RawJson.class) String result)
    implements HistoryEvent {

  @Override
  public EntityOperationCompleted withEventId(int id) {
    return new EntityOperationCompleted(id, timestamp, requestId, result);
  }
}
