package dev.cairn.sqlite;

import dev.cairn.failure.StoreException;
import dev.cairn.jdbc.JdbcStore;
import dev.cairn.jdbc.JdbcStoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * The embedded default store: one SQLite file (WAL journal), written by one process at a time, every commit
 * durable before it returns ({@link Synchronous#FULL}) unless told otherwise, and commits of concurrent work
 * shared (group commit).
 *
 * <pre>{@code
 * Store store = SqliteStore.open(Path.of("cairn-data/cairn.db"));
 * Store fast = SqliteStore.builder(Path.of("cairn-data/cairn.db")).synchronous(Synchronous.NORMAL).open();
 * }</pre>
 */
public final class SqliteStore {
  private SqliteStore() {}

  /** Where the default store lives: {@code ./cairn-data/cairn.db}. */
  public static Path defaultPath() {
    return Path.of("cairn-data", "cairn.db");
  }

  /** Opens (or creates) the store at {@code file} with the defaults. */
  public static JdbcStore open(Path file) {
    return builder(file).open();
  }

  /** A builder for the store at {@code file}. */
  public static Builder builder(Path file) {
    return new Builder(file);
  }

  /** Options of a SQLite store. */
  public static final class Builder {
    private final Path file;
    private Synchronous synchronous = Synchronous.FULL;
    private JdbcStoreOptions options = JdbcStoreOptions.defaults();

    private Builder(Path file) {
      this.file = file;
    }

    /** How commits are flushed (default {@link Synchronous#FULL}). */
    public Builder synchronous(Synchronous value) {
      this.synchronous = value;
      return this;
    }

    /** The number of partitions of a new store (default 8; an existing store keeps its own). */
    public Builder partitions(int count) {
      this.options = options.withPartitions(count);
      return this;
    }

    /** The clock for leases and bookkeeping (default: the system clock). */
    public Builder clock(InstantSource clock) {
      this.options = options.withClock(clock);
      return this;
    }

    /**
     * Opens the store: creates the directory and file if needed, takes the process lock, and brings the schema
     * up to date.
     *
     * @throws StoreException when another process has the store open, or the file cannot be opened
     */
    public JdbcStore open() {
      Path absolute = file.toAbsolutePath();
      try {
        Files.createDirectories(absolute.getParent());
      } catch (IOException e) {
        throw new StoreException("Cannot create the directory of the Cairn store " + absolute + ": " + e, e);
      }
      ProcessLock lock = ProcessLock.acquire(absolute);
      return JdbcStore.open(new SqliteDialect(absolute, synchronous, lock), options);
    }
  }
}
