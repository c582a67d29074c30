package dev.cairn.testing;

import dev.cairn.failure.CommitRejectedException;
import dev.cairn.store.CommitChains;
import dev.cairn.store.PartitionCommit;
import dev.cairn.store.Store;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A store that rejects some commits at random, from a seed, as a store does when another owner took the
 * partition or a version check failed: the commit is not applied, and (by the chain rule of {@link
 * Store#commitAsync}) neither is any later commit under the same lease. The runtime then takes its partition over
 * again, so a test on this store runs the take-over path many times.
 */
public final class RejectingStore extends ForwardingStore {
  private final SplittableRandom random;
  private final double rate;
  private final ReentrantLock lock = new ReentrantLock();
  private final CommitChains chains = new CommitChains();
  private int rejected;

  /**
   * Rejects each commit of {@code delegate} with probability {@code rate}.
   *
   * @param seed the seed of the choices; the same seed rejects the same commits in the order they arrive
   */
  public RejectingStore(Store delegate, long seed, double rate) {
    super(delegate);
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("rate must be in [0, 1), got " + rate);
    }
    this.random = new SplittableRandom(seed);
    this.rate = rate;
  }

  /** How many commits this store rejected at random so far (not counting those the chain rule rejected). */
  public int rejected() {
    lock.lock();
    try {
      return rejected;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public CompletableFuture<Void> commitAsync(PartitionCommit commit) {
    lock.lock();
    try {
      chains.requireUnbroken(commit.lease());
      if (!commit.isEmpty() && random.nextDouble() < rate) {
        chains.broken(commit.lease());
        rejected++;
        return CompletableFuture.failedFuture(new CommitRejectedException("Injected rejection of a commit of"
            + " partition " + commit.lease().partition() + " at epoch " + commit.lease().epoch() + "."));
      }
      return delegate().commitAsync(commit);
    } catch (CommitRejectedException e) {
      return CompletableFuture.failedFuture(e);
    } finally {
      lock.unlock();
    }
  }
}
