package dev.cairn.client;

import dev.cairn.entity.EntityId;
import dev.cairn.serialization.DataConverter;
import java.time.Instant;

/**
 * An entity's last committed state and bookkeeping, as a client sees it.
 *
 * @param id the entity
 * @param state its state as JSON, or null when it has none
 * @param lastModified when it last changed
 * @param lockedBy the orchestration instance holding its lock, or null
 * @param backlog how many requests wait for its lock to be released
 * @param converter reads the state as a Java value
 */
public record EntityMetadata(
    EntityId id, String state, Instant lastModified, String lockedBy, int backlog, DataConverter converter) {

  /** The state read as a Java value. */
  public <T> T stateAs(Class<T> type) {
    return converter.deserialize(state, type);
  }

  /** Whether the entity has state. */
  public boolean exists() {
    return state != null;
  }
}
