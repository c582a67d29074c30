package dev.cairn.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * What differs between SQL databases: how to connect, which migrations create the schema, whether one process
 * owns the store, and where ids and times come from. Everything else (the queries) is the same SQL for every
 * database.
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
   * How many connections write, each in a group transaction of its own for a fixed share of the partitions: 1 for
   * a database that serializes writers anyway (an embedded file), more for a server, where commits of different
   * partitions then run in parallel.
   */
  default int writerConnections() {
    return 1;
  }

  /**
   * Whether one process at a time owns the store (an embedded database, guarded by a lock): opening it then drops
   * every partition lease, since the process that held them is gone.
   */
  boolean singleProcess();

  /** Takes the lock that serializes migrations between processes, inside the current transaction. */
  void lockForMigration(Connection connection) throws SQLException;

  /**
   * The largest message id the database ever assigned, including messages since deleted, or 0 if it cannot
   * tell (then the largest id still in the tables counts). Used when the store counts ids itself.
   */
  long highestAssignedMessageId(Connection connection) throws SQLException;

  /**
   * A query that hands out new message ids: one parameter (how many), one row per id, each larger than every id
   * handed out before, in every process. Null when one process owns the store and counts ids in memory.
   */
  String messageIdsQuery();

  /**
   * A query for the database's clock in microseconds since the epoch, which every worker's leases are measured
   * by; null when the store's own clock serves (one process owns the store).
   */
  String clockQuery();

  /** Whether a set of keys binds as one array parameter ({@code key = ANY(?)}, a {@code text[]}). */
  default boolean bindsKeyArrays() {
    return false;
  }

  /**
   * Makes the database plan a statement for the values of each run, never caching a plan made for no values in
   * particular. A statement that looks up many keys at once needs it: a cached plan made while the table was nearly
   * empty scans the whole table, and goes on doing so long after the table has grown. Nothing by default.
   */
  default void planEachRun(PreparedStatement statement) throws SQLException {}

  /**
   * What a select appends so that rows locked by another transaction are skipped rather than waited for, and
   * those it returns stay locked until its transaction ends (competing workers claiming activity tasks); empty
   * when one writer serves the store.
   */
  String skipLocked();

  /**
   * Opens the channel that carries hints between the processes sharing the store, delivering the hints every
   * process publishes (this one's too) to {@code onHint}; null when one process owns the store and hands its hints
   * to its own listeners.
   */
  HintChannel openHintChannel(Consumer<String> onHint);

  /** Releases what the dialect holds beyond connections (a lock file, a pool). */
  void close();
}
