package dev.cairn.history;

import dev.cairn.entity.EntityId;
import java.time.Instant;
import java.util.List;

/**
 * The orchestration asked to lock a set of entities (a critical section).
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param taskId the action's sequence number
 * @param requestId the critical section's id
 * @param lockSet the entities, de-duplicated and sorted
 */
public record EntityLockRequested(
    int eventId,
    Instant timestamp,
    int taskId,
    String requestId,
    List<EntityId> lockSet)
    implements HistoryEvent {

  @Override
  public EntityLockRequested withEventId(int id) {
    return new EntityLockRequested(id, timestamp, taskId, requestId, lockSet);
  }
}
