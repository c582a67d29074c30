package dev.cairn.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.jdbc.Dialect;
import dev.cairn.jdbc.HintChannel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.postgresql.PGStatement;

/**
 * PostgreSQL: connections from a HikariCP pool, one schema, several processes. Message ids come from a sequence
 * and lease times from the database's clock, so that every worker agrees on both.
 */
final class PostgresDialect implements Dialect {
  /** The advisory lock key that serializes migrations ("cairn" in ASCII). */
  private static final long MIGRATION_LOCK = 0x636169726EL;

  private final HikariDataSource pool;
  private final String schema;
  private final int readers;
  private final int writers;

  PostgresDialect(HikariDataSource pool, String schema, int readers, int writers) {
    this.pool = pool;
    this.schema = schema;
    this.readers = readers;
    this.writers = writers;
  }

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public Connection openWriter() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public Connection openReader() throws SQLException {
    Connection connection = pool.getConnection();
    try {
      connection.setAutoCommit(true);
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public int readerConnections() {
    return readers;
  }

  @Override
  public int writerConnections() {
    return writers;
  }

  @Override
  public boolean singleProcess() {
    return false;
  }

  /**
   * Takes a transaction-scoped advisory lock, so that workers starting at once migrate one after the other, and
   * creates the schema under it.
   */
  @Override
  public void lockForMigration(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, MIGRATION_LOCK);
      lock.execute();
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    }
  }

  @Override
  public long highestAssignedMessageId(Connection connection) {
    return 0;
  }

  @Override
  public String messageIdsQuery() {
    return "SELECT nextval('cairn_message_ids') FROM generate_series(1, CAST(? AS INTEGER))";
  }

  @Override
  public String clockQuery() {
    return "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)";
  }

  @Override
  public boolean bindsKeyArrays() {
    return true;
  }

  /** A statement pgjdbc never prepares on the server is planned with its values each time it runs. */
  @Override
  public void planEachRun(PreparedStatement statement) throws SQLException {
    statement.unwrap(PGStatement.class).setPrepareThreshold(0);
  }

  @Override
  public String skipLocked() {
    return " FOR UPDATE SKIP LOCKED";
  }

  /** Hints travel by {@code NOTIFY} on a channel named like the schema, on a connection of the pool kept for it. */
  @Override
  public HintChannel openHintChannel(Consumer<String> onHint) {
    return NotifyChannel.start(pool, schema, onHint);
  }

  @Override
  public void close() {
    pool.close();
  }
}
