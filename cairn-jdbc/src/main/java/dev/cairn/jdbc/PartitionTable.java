package dev.cairn.jdbc;

import dev.cairn.failure.CommitRejectedException;
import dev.cairn.store.PartitionLease;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The {@code partitions} table: ownership leases and their epochs (fencing tokens). */
final class PartitionTable {
  private static final String ENSURE = """
      INSERT INTO partitions (partition_id, owner, epoch, lease_expires_at) VALUES (?, NULL, 0, NULL)
      ON CONFLICT (partition_id) DO NOTHING""";
  private static final String SELECT = "SELECT owner, epoch, lease_expires_at FROM partitions WHERE partition_id = ?";
  private static final String TAKE = """
      UPDATE partitions SET owner = ?, epoch = epoch + 1, lease_expires_at = ? WHERE partition_id = ?""";
  private static final String RENEW = """
      UPDATE partitions SET lease_expires_at = ? WHERE partition_id = ? AND owner = ? AND epoch = ?""";
  private static final String RELEASE = """
      UPDATE partitions SET owner = NULL, lease_expires_at = NULL WHERE partition_id = ? AND epoch = ?""";

  private PartitionTable() {}

  static void ensure(Sql sql, int count) throws SQLException {
    PreparedStatement insert = sql.prepare(ENSURE);
    for (int p = 0; p < count; p++) {
      insert.setInt(1, p);
      insert.addBatch();
    }
    insert.executeBatch();
  }

  /**
   * Takes a partition with a new epoch; under shared ownership only when nobody else holds a live lease.
   *
   * @return the lease, or null when another owner holds it
   */
  static PartitionLease acquire(Sql sql, int partition, String owner, Instant now, Instant until, boolean singleOwner)
      throws SQLException {
    PreparedStatement select = sql.prepare(SELECT);
    select.setInt(1, partition);
    try (ResultSet rows = select.executeQuery()) {
      if (!rows.next()) {
        throw new IllegalStateException("Partition " + partition + " does not exist in this store");
      }
      String current = rows.getString("owner");
      Long expires = Rows.nullableLong(rows, "lease_expires_at");
      boolean live = current != null && !current.equals(owner) && expires != null && expires > Times.micros(now);
      if (live && !singleOwner) {
        return null;
      }
    }
    PreparedStatement take = sql.prepare(TAKE);
    take.setString(1, owner);
    take.setLong(2, Times.micros(until));
    take.setInt(3, partition);
    take.executeUpdate();
    return new PartitionLease(partition, owner, epoch(sql, partition), Times.stored(until));
  }

  private static long epoch(Sql sql, int partition) throws SQLException {
    PreparedStatement select = sql.prepare(SELECT);
    select.setInt(1, partition);
    try (ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong("epoch");
    }
  }

  /** Checks that a lease is the partition's current one; rejects the commit otherwise. */
  static void requireCurrent(Sql sql, PartitionLease lease) throws SQLException {
    PreparedStatement select = sql.prepare(SELECT);
    select.setInt(1, lease.partition());
    try (ResultSet rows = select.executeQuery()) {
      if (!rows.next() || rows.getLong("epoch") != lease.epoch() || !lease.owner().equals(rows.getString("owner"))) {
        throw new CommitRejectedException("Partition " + lease.partition() + " is no longer owned by "
            + lease.owner() + " at epoch " + lease.epoch() + ".");
      }
    }
  }

  static PartitionLease renew(Sql sql, PartitionLease lease, Instant until) throws SQLException {
    PreparedStatement renew = sql.prepare(RENEW);
    renew.setLong(1, Times.micros(until));
    renew.setInt(2, lease.partition());
    renew.setString(3, lease.owner());
    renew.setLong(4, lease.epoch());
    if (renew.executeUpdate() != 1) {
      throw new CommitRejectedException("Partition " + lease.partition() + " is no longer owned by "
          + lease.owner() + " at epoch " + lease.epoch() + ".");
    }
    return new PartitionLease(lease.partition(), lease.owner(), lease.epoch(), Times.stored(until));
  }

  static void release(Sql sql, PartitionLease lease) throws SQLException {
    PreparedStatement release = sql.prepare(RELEASE);
    release.setInt(1, lease.partition());
    release.setLong(2, lease.epoch());
    release.executeUpdate();
  }
}
