package dev.cairn.store;

import java.util.Map;

/**
 * A change to one entity within a commit.
 *
 * @param record the new row (an empty one stays until {@link Store#deleteEmptyEntities} removes it); its
 *     version must be larger than {@code expectedVersion} (several changes may be committed as one write)
 * @param expectedVersion the version the change is based on, or 0 when the row must not exist yet
 * @param senderWatermarks the new last processed sequence number of each sender whose messages were processed
 */
public record EntityWrite(EntityRecord record, long expectedVersion, Map<String, Long> senderWatermarks) {

  /** Copies the map. */
  public EntityWrite {
    senderWatermarks = Map.copyOf(senderWatermarks);
  }
}
