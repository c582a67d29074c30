package dev.cairn.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.cairn.entity.EntityId;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The orchestration signalled an entity operation (one way).
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param taskId the action's sequence number
 * @param requestId the request's id
 * @param entity the target entity
 * @param operation the operation's name
 * @param input the input as JSON, or null
 * @param scheduledTime when the operation may run, or null for at once
 */
public record EntityOperationSignaled(
    int eventId,
    Instant timestamp,
    int taskId,
    String requestId,
    EntityId entity,
    String operation,
    @JsonRawValue @JsonDeserialize(using = RawJson.class) String input,
    Instant scheduledTime)
    implements HistoryEvent {

  @Override
  public EntityOperationSignaled withEventId(int id) {
    return new EntityOperationSignaled(id, timestamp, taskId, requestId, entity, operation, input, scheduledTime);
  }
}
