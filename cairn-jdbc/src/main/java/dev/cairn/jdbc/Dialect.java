package dev.cairn.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between SQL databases: how to connect, which migrations create the schema, and whether one
 * process owns the store. Everything else (the queries) is the same SQL for every database.
 */
public interface Dialect {

  /** A short name; the migrations are read from {@code dev/cairn/jdbc/migrations/<name>/}. */
  String name();

  /** Opens a connection for writing (the store keeps one, in a transaction at all times). */
  Connection openWriter() throws SQLException;

  /** Opens a connection for reading (the store keeps a few). */
  Connection openReader() throws SQLException;

  /** How many reader connections to keep. */
  int readerConnections();

  /**
   * Whether a single process owns the store (an embedded database): partitions are then always granted to
   * whoever asks, and a new owner takes over every activity task at once.
   */
  boolean singleOwner();

  /** Takes the lock that serializes migrations between processes, inside the current transaction. */
  void lockForMigration(Connection connection) throws SQLException;

  /**
   * The largest message id the database ever assigned, including messages since deleted, or 0 if it cannot
   * tell (then the largest id still in the tables counts).
   */
  long highestAssignedMessageId(Connection connection) throws SQLException;

  /** Releases what the dialect holds beyond connections (a lock file, a pool). */
  void close();
}
