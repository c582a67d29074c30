package dev.cairn.store;

import java.util.Map;

/**
 * A change to one entity within a commit.
 *
 * @param record the new row (deleted when {@link EntityRecord#isEmpty()}); its version must be {@code
 *     expectedVersion + 1}
 * @param expectedVersion the version the change is based on, or 0 when the row must not exist yet
 * @param senderWatermarks the new last processed sequence number of each sender whose messages were processed
 */
public record EntityWrite(EntityRecord record, long expectedVersion, Map<String, Long> senderWatermarks) {

  /** Copies the map. */
  public EntityWrite {
    senderWatermarks = Map.copyOf(senderWatermarks);
  }
}
