package dev.cairn.jdbc;

import java.time.Instant;

/** Instants as microseconds since the epoch, the way the schema stores them. */
final class Times {
  private Times() {}

  private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000L - 1;

  /** Microseconds since the epoch; instants beyond the range saturate (a query for "visible by the end of time"). */
  static long micros(Instant instant) {
    if (instant.getEpochSecond() >= MAX_SECONDS) {
      return Long.MAX_VALUE;
    }
    if (instant.getEpochSecond() <= -MAX_SECONDS) {
      return Long.MIN_VALUE;
    }
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
  }

  /** The instant truncated to what the store keeps, so that cursors and comparisons agree with stored rows. */
  static Instant stored(Instant instant) {
    return instant(micros(instant));
  }
}
