package dev.cairn.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** A connection with its prepared statements kept for reuse. Used by one thread at a time. */
final class Sql implements AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

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
