package dev.cairn.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A connection with its prepared statements kept for reuse, and the hints ({@link dev.cairn.store.StoreHints}) that
 * the writes of its current transaction give. Used by one thread at a time.
 */
final class Sql implements AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final Set<String> hints = new LinkedHashSet<>();
  private boolean trial;

  Sql(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  /** The prepared statement for a query, prepared once. */
  PreparedStatement prepare(String query) throws SQLException {
    PreparedStatement statement = statements.get(query);
    if (statement == null) {
      statement = connection.prepareStatement(query);
      statements.put(query, statement);
    }
    return statement;
  }

  /**
   * Drops what a write added to the batches of its statements and did not execute (it failed in between), so that
   * the next write does not run it.
   */
  void clearBatches() {
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.clearBatch();
      } catch (SQLException ignored) {
        // A closed statement has no batch left.
      }
    }
  }

  /**
   * Whether the writes run as a trial: the transaction is rolled back and run again if one of them fails, so a
   * failure must not be recorded beyond the transaction.
   */
  boolean trial() {
    return trial;
  }

  void trial(boolean value) {
    trial = value;
  }

  /** Notes hints that the current transaction gives once committed. */
  void hint(Collection<String> more) {
    hints.addAll(more);
  }

  /** Notes a hint that the current transaction gives once committed. */
  void hint(String hint) {
    hints.add(hint);
  }

  /** The hints noted since the last call. */
  Set<String> takeHints() {
    Set<String> taken = Set.copyOf(hints);
    hints.clear();
    return taken;
  }

  @Override
  public void close() {
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException ignored) {
        // Closing anyway.
      }
    }
    statements.clear();
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Closing anyway.
    }
  }
}
