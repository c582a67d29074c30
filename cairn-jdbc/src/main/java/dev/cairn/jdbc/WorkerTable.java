package dev.cairn.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code workers} table: the registry of live workers, by their heartbeats. */
final class WorkerTable {
  private static final String BEAT = """
      INSERT INTO workers (worker_id, heartbeat_at) VALUES (?, ?)
      ON CONFLICT (worker_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at""";
  private static final String LIVE = "SELECT worker_id FROM workers WHERE heartbeat_at > ? ORDER BY worker_id";
  private static final String PRUNE = "DELETE FROM workers WHERE heartbeat_at < ?";
  private static final String LEAVE = "DELETE FROM workers WHERE worker_id = ?";
  private static final String ALL = "SELECT worker_id, heartbeat_at FROM workers";
  private static final String CLEAR = "DELETE FROM workers";

  private WorkerTable() {}

  /** Records a heartbeat at {@code now}, forgets workers silent for ten lifetimes, and returns the live ones. */
  static List<String> beat(Sql sql, String worker, Instant now, Instant aliveSince, Instant forgetBefore)
      throws SQLException {
    PreparedStatement beat = sql.prepare(BEAT);
    beat.setString(1, worker);
    beat.setLong(2, Times.micros(now));
    beat.executeUpdate();
    PreparedStatement prune = sql.prepare(PRUNE);
    prune.setLong(1, Times.micros(forgetBefore));
    prune.executeUpdate();
    PreparedStatement live = sql.prepare(LIVE);
    live.setLong(1, Times.micros(aliveSince));
    List<String> workers = new ArrayList<>();
    try (ResultSet rows = live.executeQuery()) {
      while (rows.next()) {
        workers.add(rows.getString(1));
      }
    }
    return workers;
  }

  static void leave(Sql sql, String worker) throws SQLException {
    PreparedStatement leave = sql.prepare(LEAVE);
    leave.setString(1, worker);
    leave.executeUpdate();
  }

  static Map<String, Instant> all(Sql sql) throws SQLException {
    Map<String, Instant> workers = new HashMap<>();
    try (ResultSet rows = sql.prepare(ALL).executeQuery()) {
      while (rows.next()) {
        workers.put(rows.getString(1), Times.instant(rows.getLong(2)));
      }
    }
    return workers;
  }

  /** Forgets every worker (a store that one process owns, opened by a new process). */
  static void clear(Sql sql) throws SQLException {
    sql.prepare(CLEAR).executeUpdate();
  }
}
