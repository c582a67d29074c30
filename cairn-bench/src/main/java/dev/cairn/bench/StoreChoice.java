package dev.cairn.bench;

import dev.cairn.postgres.PostgresStore;
import dev.cairn.sqlite.SqliteStore;
import dev.cairn.sqlite.Synchronous;
import dev.cairn.store.Store;
import dev.cairn.testing.InMemoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;

/**
 * Which store a run uses: {@code memory}, {@code sqlite[:DIRECTORY]} (a fresh file per run) or {@code
 * postgres:JDBC_URL} (a fresh schema per run, dropped afterwards), and for PostgreSQL how many connections write
 * ({@code --pg-writers}, the store's default when 0).
 */
record StoreChoice(String kind, Path directory, Synchronous synchronous, String url, int writers) {

  static StoreChoice parse(String text, String synchronous, int writers) throws IOException {
    Synchronous mode = Synchronous.valueOf(synchronous.toUpperCase(java.util.Locale.ROOT));
    if (text.equals("memory")) {
      return new StoreChoice("memory", null, mode, null, writers);
    }
    if (text.equals("sqlite")) {
      return new StoreChoice("sqlite", Files.createTempDirectory("cairn-bench"), mode, null, writers);
    }
    if (text.startsWith("sqlite:")) {
      Path directory = Path.of(text.substring("sqlite:".length()));
      Files.createDirectories(directory);
      return new StoreChoice("sqlite", directory, mode, null, writers);
    }
    if (text.startsWith("postgres:jdbc:postgresql:")) {
      return new StoreChoice("postgres", null, mode, text.substring("postgres:".length()), writers);
    }
    throw new IllegalArgumentException("--store must be memory, sqlite, sqlite:DIRECTORY or"
        + " postgres:jdbc:postgresql://HOST:PORT/DATABASE?user=USER, not '" + text + "'");
  }

  /** A new, empty store for one run. */
  Store open(int run) {
    if (kind.equals("memory")) {
      return InMemoryStore.create(8, InstantSource.system());
    }
    if (kind.equals("postgres")) {
      return postgres(url, schema(run), writers);
    }
    return SqliteStore.builder(file(run)).synchronous(synchronous).open();
  }

  /** A PostgreSQL store in a schema, with {@code writers} writer connections (the default when 0). */
  static Store postgres(String url, String schema, int writers) {
    PostgresStore.Builder builder = PostgresStore.builder(url).schema(schema);
    return (writers > 0 ? builder.writerConnections(writers) : builder).build();
  }

  /** Deletes the files of a run's store once it is closed. */
  void delete(int run) throws IOException {
    if (kind.equals("postgres")) {
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema(run) + " CASCADE");
      } catch (SQLException e) {
        throw new IOException("Cannot drop the benchmark's schema " + schema(run) + ": " + e.getMessage(), e);
      }
    }
    if (kind.equals("sqlite")) {
      for (String suffix : new String[] {"", "-wal", "-shm", ".lock"}) {
        Files.deleteIfExists(Path.of(file(run) + suffix));
      }
    }
  }

  private Path file(int run) {
    return directory.resolve("bench-" + ProcessHandle.current().pid() + "-" + (run < 0 ? "warmup" + -run : run)
        + ".db");
  }

  /** The PostgreSQL schema of a run. */
  static String schema(int run) {
    return "cairn_bench_" + ProcessHandle.current().pid() + "_" + (run < 0 ? "w" + -run : String.valueOf(run));
  }

  /** How the store is named in the output. */
  String label() {
    return switch (kind) {
      case "memory" -> "memory";
      case "postgres" -> "postgres";
      default -> "sqlite(synchronous=" + synchronous + ")";
    };
  }
}
