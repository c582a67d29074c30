package dev.cairn.store;

import java.time.Instant;

/**
 * Ownership of a partition. The epoch is a fencing token: every commit names it, and the store rejects a
 * commit whose epoch is not the partition's current one, so an owner that lost the partition (paused past its
 * lease, or replaced after a crash) can never commit again.
 *
 * @param partition the partition
 * @param owner the owning worker's id
 * @param epoch the fencing token; a new owner always gets a larger one
 * @param expiresAt when the lease ends unless renewed
 */
public record PartitionLease(int partition, String owner, long epoch, Instant expiresAt) {}
