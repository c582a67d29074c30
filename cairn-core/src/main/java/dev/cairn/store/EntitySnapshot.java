package dev.cairn.store;

import java.util.Map;

/**
 * An entity as loaded for processing: its row (null when it has none yet) and, for the senders asked about,
 * the sequence number of the last message of each that it processed.
 *
 * @param record the row, or null
 * @param senderWatermarks sender to last processed sequence number, for the senders asked about that have one
 */
public record EntitySnapshot(EntityRecord record, Map<String, Long> senderWatermarks) {

  /** Copies the map. */
  public EntitySnapshot {
    senderWatermarks = Map.copyOf(senderWatermarks);
  }
}
