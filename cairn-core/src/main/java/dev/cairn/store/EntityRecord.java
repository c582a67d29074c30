package dev.cairn.store;

import dev.cairn.entity.EntityId;
import java.time.Instant;
import java.util.Objects;

/**
 * An entity's row: its user state and the engine's bookkeeping (lock, queued requests, scheduled operations).
 *
 * @param id the entity
 * @param version incremented by every write; commits compare it
 * @param state the user state as JSON, or null when the entity has none
 * @param lockedBy the orchestration instance holding its lock, or null
 * @param internals the engine's bookkeeping as JSON (opaque to stores), or null when there is none
 * @param backlog how many requests wait in its queue (for listings)
 * @param updatedAt when it last changed
 */
public record EntityRecord(
    EntityId id,
    long version,
    String state,
    String lockedBy,
    String internals,
    int backlog,
    Instant updatedAt) {

  /** Checks the required fields. */
  public EntityRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** Whether nothing is left: no state, no lock, no bookkeeping. Such a row may be deleted. */
  public boolean isEmpty() {
    return state == null && lockedBy == null && internals == null;
  }
}
