package dev.cairn.jdbc;

import dev.cairn.store.ActivityTask;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code activity_tasks} table. */
final class ActivityTable {
  private static final String COLUMNS = """
      task_key, partition_id, instance_id, execution_id, task_id, name, input, attempt, timeout_micros,
      created_at, lease_owner, lease_expires_at, dispatch_count""";
  private static final String INSERT = "INSERT INTO activity_tasks (" + COLUMNS + """
      ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (task_key) DO NOTHING""";
  private static final String DELETE = "DELETE FROM activity_tasks WHERE task_key = ?";
  private static final String OF_OWNER =
      "SELECT " + COLUMNS + " FROM activity_tasks WHERE partition_id = ? AND lease_owner = ?";
  private static final String CLAIMABLE = "SELECT " + COLUMNS + " FROM activity_tasks"
      + " WHERE lease_expires_at IS NULL OR lease_expires_at <= ? ORDER BY created_at LIMIT ?";
  private static final String LEASE = """
      UPDATE activity_tasks SET lease_owner = ?, lease_expires_at = ?, dispatch_count = dispatch_count + 1
      WHERE task_key = ? AND (lease_expires_at IS NULL OR lease_expires_at <= ?)""";
  /**
   * Renewing and giving up leases never wait for a row another transaction holds (a commit deleting the finished
   * task, a claim): such a wait could close a cycle with writers of other partitions. A renewal skipped is made
   * again at the next round; a task left leased by a worker that gave it up waits for its lease to run out.
   */
  private static final String RENEW = """
      UPDATE activity_tasks SET lease_expires_at = ?
      WHERE task_key IN (SELECT task_key FROM activity_tasks WHERE task_key = ? AND lease_owner = ?%s)""";
  private static final String ABANDON = """
      UPDATE activity_tasks SET lease_owner = NULL, lease_expires_at = NULL
      WHERE task_key IN (SELECT task_key FROM activity_tasks WHERE lease_owner = ?%s)""";
  private static final String ABANDON_ALL =
      "UPDATE activity_tasks SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner IS NOT NULL";

  private ActivityTable() {}

  private static ActivityTask read(ResultSet rows) throws SQLException {
    Long timeout = Rows.nullableLong(rows, "timeout_micros");
    Long leaseEnd = Rows.nullableLong(rows, "lease_expires_at");
    return new ActivityTask(rows.getString("task_key"), rows.getInt("partition_id"), rows.getString("instance_id"),
        rows.getString("execution_id"), rows.getInt("task_id"), rows.getString("name"), rows.getString("input"),
        rows.getInt("attempt"), timeout == null ? null : Duration.ofNanos(timeout * 1_000),
        Times.instant(rows.getLong("created_at")), rows.getString("lease_owner"),
        leaseEnd == null ? null : Times.instant(leaseEnd), rows.getInt("dispatch_count"));
  }

  static void insert(Sql sql, List<ActivityTask> tasks) throws SQLException {
    if (tasks.isEmpty()) {
      return;
    }
    PreparedStatement insert = sql.prepare(INSERT);
    for (ActivityTask task : tasks) {
      insert.setString(1, task.taskKey());
      insert.setInt(2, task.partition());
      insert.setString(3, task.instanceId());
      insert.setString(4, task.executionId());
      insert.setInt(5, task.taskId());
      insert.setString(6, task.name());
      insert.setString(7, task.input());
      insert.setInt(8, task.attempt());
      Rows.setNullableLong(insert, 9, task.timeout() == null ? null : task.timeout().toNanos() / 1_000);
      insert.setLong(10, Times.micros(task.createdAt()));
      insert.setString(11, task.leaseOwner());
      Rows.setNullableLong(insert, 12, task.leaseExpiresAt() == null ? null : Times.micros(task.leaseExpiresAt()));
      insert.setInt(13, task.dispatchCount());
      insert.addBatch();
    }
    insert.executeBatch();
  }

  /** Deletes tasks; returns how many existed. */
  static int delete(Sql sql, List<String> keys) throws SQLException {
    if (keys.isEmpty()) {
      return 0;
    }
    PreparedStatement delete = sql.prepare(DELETE);
    for (String key : keys) {
      delete.setString(1, key);
      delete.addBatch();
    }
    int deleted = 0;
    for (int count : delete.executeBatch()) {
      deleted += count;
    }
    return deleted;
  }

  static List<ActivityTask> ofOwner(Sql sql, int partition, String owner) throws SQLException {
    PreparedStatement select = sql.prepare(OF_OWNER);
    select.setInt(1, partition);
    select.setString(2, owner);
    List<ActivityTask> tasks = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        tasks.add(read(rows));
      }
    }
    return tasks;
  }

  /**
   * Leases up to {@code max} tasks no worker holds at {@code now}, oldest first. {@code lockRows} is what the
   * database appends to the select so that concurrent claimers skip each other's rows instead of waiting.
   */
  static List<ActivityTask> claim(Sql sql, String worker, Instant now, Instant until, int max, String lockRows)
      throws SQLException {
    PreparedStatement select = sql.prepare(CLAIMABLE + lockRows);
    select.setLong(1, Times.micros(now));
    select.setInt(2, max);
    List<ActivityTask> claimable = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        claimable.add(read(rows));
      }
    }
    if (claimable.isEmpty()) {
      return claimable;
    }
    PreparedStatement update = sql.prepare(LEASE);
    for (ActivityTask task : claimable) {
      update.setString(1, worker);
      update.setLong(2, Times.micros(until));
      update.setString(3, task.taskKey());
      update.setLong(4, Times.micros(now));
      update.addBatch();
    }
    int[] counts = update.executeBatch();
    List<ActivityTask> leased = new ArrayList<>(claimable.size());
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 1) {
        leased.add(claimable.get(i).leasedTo(worker, Times.stored(until)));
      }
    }
    return leased;
  }

  /** Extends a worker's leases; returns the keys it still holds. */
  static Set<String> renew(Sql sql, String worker, Collection<String> keys, Instant until, String skipLocked)
      throws SQLException {
    List<String> ordered = List.copyOf(keys);
    Set<String> held = new HashSet<>();
    if (ordered.isEmpty()) {
      return held;
    }
    PreparedStatement update = sql.prepare(RENEW.formatted(skipLocked));
    for (String key : ordered) {
      update.setLong(1, Times.micros(until));
      update.setString(2, key);
      update.setString(3, worker);
      update.addBatch();
    }
    int[] counts = update.executeBatch();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 1) {
        held.add(ordered.get(i));
      }
    }
    return held;
  }

  /** Releases every lease of a worker. */
  static void abandon(Sql sql, String worker, String skipLocked) throws SQLException {
    PreparedStatement update = sql.prepare(ABANDON.formatted(skipLocked));
    update.setString(1, worker);
    update.executeUpdate();
  }

  /** Releases every lease (the store's only process starts: whoever held them is gone). */
  static void abandonAll(Sql sql) throws SQLException {
    sql.prepare(ABANDON_ALL).executeUpdate();
  }
}
