package dev.cairn.history;

import dev.cairn.entity.EntityId;
import java.time.Instant;
import java.util.List;

/**
 * The last entity of a lock set granted the critical section.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param requestId the critical section's id
 * @param lockSet the entities locked, so that a grant nobody waits for can be released
 */
public record EntityLockGranted(
    int eventId,
    Instant timestamp,
    String requestId,
    List<EntityId> lockSet)
    implements HistoryEvent {

  @Override
  public EntityLockGranted withEventId(int id) {
    return new EntityLockGranted(id, timestamp, requestId, lockSet);
  }
}
