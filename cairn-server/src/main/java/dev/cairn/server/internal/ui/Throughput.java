package dev.cairn.server.internal.ui;

import dev.cairn.runtime.Cairn;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/** Recent throughput for the overview: instances finished per second over the last minute. */
public final class Throughput {
  private record Sample(long nanos, long finished) {}

  private static final long WINDOW_NANOS = 60_000_000_000L;

  private final Cairn cairn;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();

  /** A meter over a runtime's counters. */
  public Throughput(Cairn cairn) {
    this.cairn = cairn;
  }

  /** Records the current count and returns the rate over the samples of the last minute. */
  double finishedPerSecond() {
    long now = System.nanoTime();
    long finished = cairn.metrics().instancesFinished();
    lock.lock();
    try {
      samples.addLast(new Sample(now, finished));
      while (samples.size() > 2 && now - samples.peekFirst().nanos() > WINDOW_NANOS) {
        samples.removeFirst();
      }
      Sample first = samples.peekFirst();
      double seconds = (now - first.nanos()) / 1e9;
      return seconds < 0.5 ? 0 : (finished - first.finished()) / seconds;
    } finally {
      lock.unlock();
    }
  }
}
