package dev.cairn.store;

import java.time.Instant;

/**
 * A partition as the store sees it: who holds its lease, and how much waits in its queue.
 *
 * @param partition the partition
 * @param owner the worker holding or last holding the lease, or null when released or never taken
 * @param epoch the lease's epoch (fencing token)
 * @param leaseExpiresAt when the lease ends unless renewed, or null
 * @param backlog messages queued for the partition, visible now or later
 */
public record PartitionState(int partition, String owner, long epoch, Instant leaseExpiresAt, long backlog) {

  /** Whether the lease is held at {@code now} (measured by the store's clock, see {@link ClusterSnapshot#now()}). */
  public boolean leaseLiveAt(Instant now) {
    return owner != null && leaseExpiresAt != null && leaseExpiresAt.isAfter(now);
  }
}
