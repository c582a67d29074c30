package dev.cairn.history;

import dev.cairn.entity.EntityId;
import java.time.Instant;
import java.util.List;

/**
 * The orchestration released the locks of a critical section.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param taskId the action's sequence number
 * @param requestId the critical section's id
 * @param lockSet the entities released
 */
public record EntityUnlockSent(
    int eventId,
    Instant timestamp,
    int taskId,
    String requestId,
    List<EntityId> lockSet)
    implements HistoryEvent {

  @Override
  public EntityUnlockSent withEventId(int id) {
    return new EntityUnlockSent(id, timestamp, taskId, requestId, lockSet);
  }
}
