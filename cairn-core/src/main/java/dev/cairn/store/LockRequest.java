package dev.cairn.store;

import dev.cairn.entity.EntityId;
import java.util.List;

/**
 * A critical section's lock request, travelling along the sorted lock set: each entity locks itself for the
 * holder and forwards the request to the next; the last one grants the section to the orchestration.
 *
 * @param requestId the critical section's id
 * @param sender who sent this hop: the orchestration for the first entity, the previous entity after that
 * @param sequence the sender's sequence number
 * @param holderInstanceId the orchestration that asked for the locks
 * @param holderExecutionId its execution
 * @param lockSet the entities to lock, de-duplicated and sorted
 * @param position the index in {@code lockSet} of the entity this hop is for
 */
public record LockRequest(
    String requestId,
    String sender,
    long sequence,
    String holderInstanceId,
    String holderExecutionId,
    List<EntityId> lockSet,
    int position)
    implements EntityMessage {

  /** Copies the lock set. */
  public LockRequest {
    lockSet = List.copyOf(lockSet);
  }
}
