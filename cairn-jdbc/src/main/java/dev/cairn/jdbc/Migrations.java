package dev.cairn.jdbc;

import dev.cairn.failure.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date at start-up: numbered, forward-only SQL scripts ({@code V<n>__<what>.sql},
 * listed in {@code migrations.txt}), each applied once, in order, in its own transaction, under the dialect's
 * migration lock. A store created by a newer Cairn is refused rather than touched.
 */
final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private record Script(int version, String file) {}

  private Migrations() {}

  static void apply(Connection connection, Dialect dialect) throws SQLException {
    String base = "dev/cairn/jdbc/migrations/" + dialect.name() + "/";
    List<Script> scripts = list(base);
    try (Statement statement = connection.createStatement()) {
      dialect.lockForMigration(connection);
      statement.execute("""
          CREATE TABLE IF NOT EXISTS cairn_schema_version (
            version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at BIGINT NOT NULL)""");
      int current = currentVersion(connection);
      int latest = scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
      if (current > latest) {
        throw new StoreException("The store's schema is at version " + current + ", newer than this Cairn knows ("
            + latest + "). It was written by a newer Cairn: upgrade Cairn, or use another store.");
      }
      for (Script script : scripts) {
        if (script.version() > current) {
          run(connection, statement, base, script);
        }
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    }
  }

  private static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM cairn_schema_version")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  private static void run(Connection connection, Statement statement, String base, Script script)
      throws SQLException {
    for (String part : statements(read(base + script.file()))) {
      statement.execute(part);
    }
    try (PreparedStatement record = connection.prepareStatement(
        "INSERT INTO cairn_schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
      record.setInt(1, script.version());
      record.setString(2, script.file());
      record.setLong(3, System.currentTimeMillis());
      record.executeUpdate();
    }
    LOG.info("Applied schema migration {}", script.file());
  }

  private static List<Script> list(String base) {
    List<Script> scripts = new ArrayList<>();
    for (String line : read(base + "migrations.txt").split("\n")) {
      String file = line.strip();
      if (!file.isEmpty()) {
        int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
        if (!scripts.isEmpty() && version != scripts.get(scripts.size() - 1).version() + 1) {
          throw new IllegalStateException("Migration " + file + " does not follow on from the one before");
        }
        scripts.add(new Script(version, file));
      }
    }
    return scripts;
  }

  /** The script's statements: comment lines dropped, split at semicolons that end a line. */
  static List<String> statements(String script) {
    StringBuilder text = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) {
        text.append(line).append('\n');
      }
    }
    List<String> parts = new ArrayList<>();
    for (String part : text.toString().split(";\\s*\n")) {
      if (!part.isBlank()) {
        parts.add(part.strip());
      }
    }
    return parts;
  }

  private static String read(String resource) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing migration resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + resource, e);
    }
  }
}
