package dev.cairn.postgres;

import dev.cairn.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server tests run against: {@code CAIRN_PG_URL} (default: the local server, database {@code test},
 * user {@code postgres}). When it cannot be reached, the tests that need it are skipped, with a note saying so,
 * or fail when {@code CAIRN_REQUIRE_PG=1} (as in CI). Each test gets a schema of its own, dropped afterwards.
 */
public final class TestDatabase {
  /** The URL tests connect to. */
  public static final String URL = System.getenv().getOrDefault("CAIRN_PG_URL",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  private static Boolean reachable;

  private TestDatabase() {}

  /** Whether the server answers; prints why not, once. */
  public static synchronized boolean available() {
    if (reachable == null) {
      try (Connection ignored = DriverManager.getConnection(URL)) {
        reachable = true;
      } catch (SQLException e) {
        reachable = false;
        if (required()) {
          throw new IllegalStateException("PostgreSQL at " + URL + " is required (CAIRN_REQUIRE_PG=1) but cannot"
              + " be reached: " + e.getMessage(), e);
        }
        System.err.println("SKIPPING the PostgreSQL tests: cannot reach " + URL + " (" + e.getMessage()
            + "). Set CAIRN_PG_URL to a server, or CAIRN_REQUIRE_PG=1 to make this a failure.");
      }
    }
    return reachable;
  }

  /** Whether PostgreSQL must be there ({@code CAIRN_REQUIRE_PG=1}). */
  public static boolean required() {
    return "1".equals(System.getenv("CAIRN_REQUIRE_PG"));
  }

  /** Skips the current test when the server cannot be reached (and it is not required). */
  public static void assume() {
    Assumptions.assumeTrue(available(), "PostgreSQL cannot be reached at " + URL);
  }

  /** A fresh schema name for one test. */
  public static String newSchema() {
    return "cairn_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
  }

  /** A store in a schema. */
  public static JdbcStore open(String schema) {
    return PostgresStore.builder(URL).schema(schema).partitions(8).readerConnections(3).build();
  }

  /** Runs one statement on a plain connection (set-up, and faults the store cannot cause itself). */
  public static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(URL);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot run: " + sql, e);
    }
  }

  /** Drops a test's schema and everything in it. */
  public static void drop(String schema) {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  /**
   * Lets every lease of a schema expire and every worker's heartbeat with it, as if the workers had been gone for
   * longer than their leases.
   */
  public static void expireLeases(String schema) {
    execute("UPDATE " + schema + ".partitions SET lease_expires_at = 0");
    execute("UPDATE " + schema + ".workers SET heartbeat_at = 0");
  }
}
