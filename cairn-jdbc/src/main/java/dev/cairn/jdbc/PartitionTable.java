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
  /**
   * Takes the partition unless another owner's lease is live, or a commit of it is in flight (its fence holds the
   * row): such a partition is busy, and the taker does not wait for it (where the database can skip locked rows),
   * so that one partition's stalled owner never holds up the taker's other leases.
   */
  private static final String TAKE = """
      UPDATE partitions SET owner = ?, epoch = epoch + 1, lease_expires_at = ?
      WHERE partition_id = (SELECT partition_id FROM partitions WHERE partition_id = ?
        AND (owner IS NULL OR owner = ? OR lease_expires_at IS NULL OR lease_expires_at <= ?)%s)""";
  /**
   * The fence every commit passes, in its own transaction: it locks the partition's row, so that a takeover waits
   * for the commit, or the commit finds the new epoch and fails.
   */
  private static final String FENCE = """
      UPDATE partitions SET epoch = epoch WHERE partition_id = ? AND owner = ? AND epoch = ?""";
  private static final String RENEW = """
      UPDATE partitions SET lease_expires_at = ? WHERE partition_id = ? AND owner = ? AND epoch = ?""";
  private static final String RELEASE = """
      UPDATE partitions SET owner = NULL, lease_expires_at = NULL WHERE partition_id = ? AND epoch = ?""";
  private static final String RELEASE_ALL = "UPDATE partitions SET owner = NULL, lease_expires_at = NULL";

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
   * Takes a partition with a new epoch, unless another owner holds a live lease.
   *
   * @param skipLocked the dialect's clause that skips a row another transaction holds, or nothing
   * @return the lease, or null when another owner holds it or a commit of it is in flight
   */
  static PartitionLease acquire(Sql sql, int partition, String owner, Instant now, Instant until, String skipLocked)
      throws SQLException {
    PreparedStatement take = sql.prepare(TAKE.formatted(skipLocked));
    take.setString(1, owner);
    take.setLong(2, Times.micros(until));
    take.setInt(3, partition);
    take.setString(4, owner);
    take.setLong(5, Times.micros(now));
    if (take.executeUpdate() == 0) {
      requireExists(sql, partition);
      return null;
    }
    return new PartitionLease(partition, owner, epoch(sql, partition), Times.stored(until));
  }

  private static void requireExists(Sql sql, int partition) throws SQLException {
    PreparedStatement select = sql.prepare(SELECT);
    select.setInt(1, partition);
    try (ResultSet rows = select.executeQuery()) {
      if (!rows.next()) {
        throw new IllegalStateException("Partition " + partition + " does not exist in this store");
      }
    }
  }

  private static long epoch(Sql sql, int partition) throws SQLException {
    PreparedStatement select = sql.prepare(SELECT);
    select.setInt(1, partition);
    try (ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong("epoch");
    }
  }

  /** Checks, holding the partition's row lock until the transaction ends, that a lease is the current one. */
  static void requireCurrent(Sql sql, PartitionLease lease) throws SQLException {
    PreparedStatement fence = sql.prepare(FENCE);
    fence.setInt(1, lease.partition());
    fence.setString(2, lease.owner());
    fence.setLong(3, lease.epoch());
    if (fence.executeUpdate() != 1) {
      throw notOwned(lease);
    }
  }

  private static CommitRejectedException notOwned(PartitionLease lease) {
    return new CommitRejectedException("Partition " + lease.partition() + " is no longer owned by "
        + lease.owner() + " at epoch " + lease.epoch() + ".");
  }

  /** Drops every lease (a store that one process owns, opened by a new process). */
  static void releaseAll(Sql sql) throws SQLException {
    sql.prepare(RELEASE_ALL).executeUpdate();
  }

  static PartitionLease renew(Sql sql, PartitionLease lease, Instant until) throws SQLException {
    PreparedStatement renew = sql.prepare(RENEW);
    renew.setLong(1, Times.micros(until));
    renew.setInt(2, lease.partition());
    renew.setString(3, lease.owner());
    renew.setLong(4, lease.epoch());
    if (renew.executeUpdate() != 1) {
      throw notOwned(lease);
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
