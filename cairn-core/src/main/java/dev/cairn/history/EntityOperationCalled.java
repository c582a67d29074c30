package dev.cairn.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.cairn.entity.EntityId;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The orchestration called an entity operation and awaits its result.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param taskId the action's sequence number
 * @param requestId the id the entity's answer refers back to
 * @param entity the target entity
 * @param operation the operation's name
 * @param input the input as JSON, or null
 * @param lockRequestId the critical section the call runs in, or null
 */
public record EntityOperationCalled(
    int eventId,
    Instant timestamp,
    int taskId,
    String requestId,
    EntityId entity,
    String operation,
    @JsonRawValue @JsonDeserialize(using = RawJson.class) String input,
    String lockRequestId)
    implements HistoryEvent {

  @Override
  public EntityOperationCalled withEventId(int id) {
    return new EntityOperationCalled(id, timestamp, taskId, requestId, entity, operation, input, lockRequestId);
  }
}
