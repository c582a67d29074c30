package dev.cairn.internal.dispatch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Wakes a waiting thread (a partition processor, ...): a signal sent while nobody waits is kept for the next wait. */
final class WorkSignal {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private boolean pending;

  void signal() {
    lock.lock();
    try {
      pending = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until signalled or until {@code max} has passed; returns whether it was signalled. */
  boolean await(Duration max) {
    lock.lock();
    try {
      if (!pending && max.isPositive()) {
        changed.await(max.toNanos(), TimeUnit.NANOSECONDS);
      }
      return pending;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return pending;
    } finally {
      pending = false;
      lock.unlock();
    }
  }
}
