package dev.cairn.internal.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This worker's fair share of the partitions. It beats in the store's registry of workers ({@link
 * dev.cairn.store.Store#heartbeat}) every third of a lease; with N live workers sorted by id, the first {@code P mod
 * N} may own {@code ceil(P/N)} partitions and the others {@code floor(P/N)}. Partition processors claim a place in
 * the share before they ask for their partition, and give one up when the share shrank (a worker joined): then
 * they finish what they started and release the partition, so that the new worker takes it without waiting for a
 * lease to run out. A worker that dies stops beating; once its heartbeat is older than a lease, the others' shares
 * grow, and they take its partitions as its leases run out.
 */
final class Ownership {
  private static final Logger LOG = LoggerFactory.getLogger(Ownership.class);

  private final EngineConfig config;
  private final int partitions;
  private final AtomicInteger claimed = new AtomicInteger();
  private final Runnable onShareChanged;
  private volatile int share;

  /** Ownership for a worker; {@code onShareChanged} wakes the processors, which claim or shed places at once. */
  Ownership(EngineConfig config, Runnable onShareChanged) {
    this.config = config;
    this.onShareChanged = onShareChanged;
    this.partitions = config.store().partitionCount();
    this.share = partitions;
  }

  /** Beats once and recomputes the share; a failing store leaves the share as it was. */
  void beat() {
    try {
      List<String> live = config.store().heartbeat(config.workerId(), config.partitionLease());
      int workers = Math.max(1, live.size());
      int index = Math.max(0, live.indexOf(config.workerId()));
      int next = partitions / workers + (index < partitions % workers ? 1 : 0);
      if (next != share) {
        LOG.info("{} live workers share {} partitions: this one ({}) takes {}", workers, partitions,
            config.workerId(), next);
        share = next;
        onShareChanged.run();
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not record this worker's heartbeat: {}", e.getMessage());
    }
  }

  /** Beats until interrupted. */
  void beatForever() {
    Duration every = config.partitionLease().dividedBy(3);
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(every);
      } catch (InterruptedException e) {
        return;
      }
      beat();
    }
  }

  /** Claims a place in the share for a partition about to be asked for; false when the share is full. */
  boolean tryClaim() {
    while (true) {
      int now = claimed.get();
      if (now >= share) {
        return false;
      }
      if (claimed.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Gives a claimed place back (the partition was refused, lost or released). */
  void unclaim() {
    claimed.decrementAndGet();
  }

  /** Gives a claimed place back if more are claimed than the share allows; the caller then releases its partition. */
  boolean tryShed() {
    while (true) {
      int now = claimed.get();
      if (now <= share) {
        return false;
      }
      if (claimed.compareAndSet(now, now - 1)) {
        return true;
      }
    }
  }

  /** Leaves the registry (a graceful stop). */
  void leave() {
    try {
      config.store().leave(config.workerId());
    } catch (RuntimeException e) {
      LOG.warn("Could not take this worker out of the registry: {}", e.getMessage());
    }
  }
}
