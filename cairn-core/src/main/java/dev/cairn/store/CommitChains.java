package dev.cairn.store;

import dev.cairn.failure.CommitRejectedException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the chain rule of {@link Store#commitAsync} for a store implementation: once a commit under a lease
 * failed, every later commit under that lease is rejected, until the partition is acquired with a new epoch.
 * The store calls {@link #requireUnbroken} before applying a commit and {@link #broken} when one failed, in the
 * order it applies them.
 */
public final class CommitChains {
  private final ConcurrentHashMap<Integer, Long> brokenEpochs = new ConcurrentHashMap<>();

  /**
   * Rejects a commit whose lease already saw a failed commit.
   *
   * @throws CommitRejectedException when an earlier commit under the same lease failed
   */
  public void requireUnbroken(PartitionLease lease) {
    Long broken = brokenEpochs.get(lease.partition());
    if (broken != null && broken == lease.epoch()) {
      throw new CommitRejectedException("An earlier commit of partition " + lease.partition() + " at epoch "
          + lease.epoch() + " failed; the commits built on it are rejected until the partition is acquired again.");
    }
  }

  /** Records that a commit under this lease failed. */
  public void broken(PartitionLease lease) {
    brokenEpochs.merge(lease.partition(), lease.epoch(), Math::max);
  }
}
