package dev.cairn.testing;

import dev.cairn.runtime.SchedulingProbe;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link SchedulingProbe} that pauses the runtime's threads at random, from a seed, where they hand work to
 * each other: mostly not at all, often a yield, sometimes a few microseconds to a few milliseconds. It widens
 * the windows in which races happen, so that a test finds in seconds what a busy machine finds once in a while.
 *
 * <p>The n-th call at a point always makes the same choice for the same seed, so a seed that failed replays
 * the same pauses at the same places (the threads' own timing still varies).
 */
public final class ContentionProbe implements SchedulingProbe {
  private final long seed;
  private final Map<Point, AtomicLong> calls = new EnumMap<>(Point.class);

  private ContentionProbe(long seed) {
    this.seed = seed;
    for (Point point : Point.values()) {
      calls.put(point, new AtomicLong());
    }
  }

  /** A probe whose pauses follow the seed. */
  public static ContentionProbe seeded(long seed) {
    return new ContentionProbe(seed);
  }

  /** The seed the pauses follow. */
  public long seed() {
    return seed;
  }

  @Override
  public void at(Point point) {
    long n = calls.get(point).getAndIncrement();
    long draw = mix(seed ^ mix(point.ordinal() + 1L) ^ mix(n + 0x9E3779B97F4A7C15L));
    int choice = (int) Long.remainderUnsigned(draw, 100);
    long amount = (draw >>> 32) & 0xFFFF;
    if (choice < 55) {
      return;
    }
    if (choice < 80) {
      Thread.yield();
    } else if (choice < 95) {
      LockSupport.parkNanos(1_000 + amount * 3);
    } else {
      LockSupport.parkNanos(1_000_000 + amount * 60);
    }
  }

  /** SplitMix64's finalizer: a well-spread 64-bit hash. */
  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public String toString() {
    return "ContentionProbe(seed=" + seed + ")";
  }
}
