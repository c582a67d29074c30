package dev.cairn.testing;

import dev.cairn.runtime.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to, so that a test of a 30-day timer runs in milliseconds. Give it to the
 * runtime with {@code Cairn.builder().clock(clock)}; moving it wakes the runtime, and due timers fire at once.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.startingAt(Instant.parse("2030-01-01T00:00:00Z"));
 * ...
 * clock.advance(Duration.ofDays(30));
 * }</pre>
 */
public final class ManualClock implements AdjustableClock {
  private final AtomicReference<Instant> now;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  private ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** A clock showing {@code start}. */
  public static ManualClock startingAt(Instant start) {
    return new ManualClock(start);
  }

  /** A clock showing the current system time (truncated to milliseconds), from then on moved by hand. */
  public static ManualClock startingNow() {
    return new ManualClock(Instant.ofEpochMilli(System.currentTimeMillis()));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /** Moves the time forward (never backward) and wakes the runtime. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("A clock cannot move backwards: " + duration);
    }
    now.updateAndGet(t -> t.plus(duration));
    listeners.forEach(Runnable::run);
  }

  /** Sets the time, which must not be earlier than now, and wakes the runtime. */
  public void set(Instant time) {
    advance(Duration.between(now.get(), time));
  }

  @Override
  public void addListener(Runnable onChange) {
    listeners.add(onChange);
  }
}
