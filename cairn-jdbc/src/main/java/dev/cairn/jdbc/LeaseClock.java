package dev.cairn.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The time leases are measured by: the database's clock when several processes share the store (their own
 * clocks may disagree), else the store's clock. Reading the database's clock costs a round trip, so besides the
 * exact reading ({@link #now}) it keeps the offset between the database's clock and this machine's, measured at
 * each exact reading, for writes that must not pay for one ({@link #estimate}): an estimate is off by at most
 * the round trip it was measured with, a few milliseconds against leases of seconds.
 */
final class LeaseClock {
  private final String query;
  private final InstantSource storeClock;
  private volatile long offsetMicros;

  /** A clock read by {@code query} (null: the store's own clock). */
  LeaseClock(String query, InstantSource storeClock) {
    this.query = query;
    this.storeClock = storeClock;
  }

  /** The lease time now, read from the database when it keeps the time. */
  Instant now(Sql sql) throws SQLException {
    if (query == null) {
      return storeClock.instant();
    }
    try (ResultSet rows = sql.prepare(query).executeQuery()) {
      rows.next();
      long database = rows.getLong(1);
      offsetMicros = database - Times.micros(Instant.now());
      return Times.instant(database);
    }
  }

  /** The lease time now, estimated from the last reading when the database keeps the time. */
  Instant estimate() {
    if (query == null) {
      return storeClock.instant();
    }
    return Times.instant(Times.micros(Instant.now()) + offsetMicros);
  }
}
