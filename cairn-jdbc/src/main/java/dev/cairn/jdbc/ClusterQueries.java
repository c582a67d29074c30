package dev.cairn.jdbc;

import dev.cairn.store.PartitionState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads for the cluster view: partitions with their owners and backlogs, and activity tasks by name and worker. */
final class ClusterQueries {
  private static final String PARTITIONS =
      "SELECT partition_id, owner, epoch, lease_expires_at FROM partitions ORDER BY partition_id";
  private static final String BACKLOGS = "SELECT partition_id, COUNT(*) FROM messages GROUP BY partition_id";
  private static final String BY_NAME = "SELECT name, COUNT(*) FROM activity_tasks GROUP BY name";
  private static final String BY_WORKER = """
      SELECT lease_owner, COUNT(*) FROM activity_tasks WHERE lease_owner IS NOT NULL GROUP BY lease_owner""";

  private ClusterQueries() {}

  static List<PartitionState> partitions(Sql sql) throws SQLException {
    Map<Integer, Long> backlogs = new HashMap<>();
    try (ResultSet rows = sql.prepare(BACKLOGS).executeQuery()) {
      while (rows.next()) {
        backlogs.put(rows.getInt(1), rows.getLong(2));
      }
    }
    List<PartitionState> partitions = new ArrayList<>();
    try (ResultSet rows = sql.prepare(PARTITIONS).executeQuery()) {
      while (rows.next()) {
        int partition = rows.getInt(1);
        Long expires = Rows.nullableLong(rows, "lease_expires_at");
        partitions.add(new PartitionState(partition, rows.getString(2), rows.getLong(3),
            expires == null ? null : Times.instant(expires), backlogs.getOrDefault(partition, 0L)));
      }
    }
    return partitions;
  }

  static Map<String, Long> activitiesByName(Sql sql) throws SQLException {
    return counts(sql, BY_NAME);
  }

  static Map<String, Long> activitiesByWorker(Sql sql) throws SQLException {
    return counts(sql, BY_WORKER);
  }

  private static Map<String, Long> counts(Sql sql, String query) throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (ResultSet rows = sql.prepare(query).executeQuery()) {
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getLong(2));
      }
    }
    return counts;
  }
}
