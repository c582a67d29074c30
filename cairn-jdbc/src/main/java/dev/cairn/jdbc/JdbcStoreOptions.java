package dev.cairn.jdbc;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Options of a JDBC store.
 *
 * @param partitionCount the number of partitions of a new store (an existing store keeps its own)
 * @param clock the time source for leases and bookkeeping
 * @param deduplicationWindow how long an entity remembers a quiet sender's last sequence number; a duplicate
 *     delivered later than this after the original would not be recognised
 */
public record JdbcStoreOptions(int partitionCount, InstantSource clock, Duration deduplicationWindow) {

  /** Checks the values. */
  public JdbcStoreOptions {
    if (partitionCount < 1 || partitionCount > 1_024) {
      throw new IllegalArgumentException("partitionCount must be between 1 and 1024, got " + partitionCount);
    }
  }

  /** 8 partitions, the system clock, a one-day deduplication window. */
  public static JdbcStoreOptions defaults() {
    return new JdbcStoreOptions(8, InstantSource.system(), Duration.ofDays(1));
  }

  /** The same options with another partition count. */
  public JdbcStoreOptions withPartitions(int count) {
    return new JdbcStoreOptions(count, clock, deduplicationWindow);
  }

  /** The same options with another clock. */
  public JdbcStoreOptions withClock(InstantSource value) {
    return new JdbcStoreOptions(partitionCount, value, deduplicationWindow);
  }
}
