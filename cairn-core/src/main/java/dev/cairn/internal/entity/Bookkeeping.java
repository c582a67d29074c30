package dev.cairn.internal.entity;

import dev.cairn.store.EntityMessage;
import java.util.List;

/**
 * The engine's bookkeeping of an entity, stored as JSON next to its state: the lock, the requests waiting
 * for the lock, and scheduled operations waiting for their time.
 *
 * @param lock the lock holder, or null
 * @param queue requests of other senders waiting while the entity is locked, in arrival order
 * @param deferred scheduled operations not yet due
 * @param sent the sequence number of the last message this entity sent
 */
record Bookkeeping(LockHolder lock, List<EntityMessage> queue, List<DeferredOperation> deferred, long sent) {

  Bookkeeping {
    queue = queue == null ? List.of() : List.copyOf(queue);
    deferred = deferred == null ? List.of() : List.copyOf(deferred);
  }

  boolean isEmpty() {
    return lock == null && queue.isEmpty() && deferred.isEmpty() && sent == 0;
  }
}
