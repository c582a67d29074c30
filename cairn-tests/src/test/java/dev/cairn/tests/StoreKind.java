package dev.cairn.tests;

import dev.cairn.postgres.PostgresStore;
import dev.cairn.postgres.TestDatabase;
import dev.cairn.sqlite.SqliteStore;
import dev.cairn.store.Store;
import dev.cairn.testing.InMemoryStore;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;

/** The stores the engine suite runs on. */
public enum StoreKind {
  MEMORY {
    @Override
    Store open(Path directory, InstantSource clock) {
      return InMemoryStore.create(8, clock);
    }

    @Override
    Store reopen(Store previous, Path directory, InstantSource clock) {
      return ((InMemoryStore) previous).reopen();
    }
  },
  SQLITE {
    @Override
    Store open(Path directory, InstantSource clock) {
      return SqliteStore.builder(directory.resolve("cairn.db")).clock(clock).open();
    }

    @Override
    Store reopen(Store previous, Path directory, InstantSource clock) {
      previous.close();
      return open(directory, clock);
    }
  },
  /**
   * A schema of its own per test, named after the test's directory, dropped by {@link #dispose}; with two writer
   * connections, so that every engine test also hands messages between partitions of different writers (the
   * cluster and contract tests use the default, one).
   */
  POSTGRES {
    @Override
    Store open(Path directory, InstantSource clock) {
      TestDatabase.drop(schemaOf(directory));
      return openAgain(directory, clock);
    }

    private Store openAgain(Path directory, InstantSource clock) {
      return PostgresStore.builder(TestDatabase.URL).schema(schemaOf(directory)).partitions(8)
          .readerConnections(3).writerConnections(2).clock(clock).build();
    }

    /** A restarted worker: its leases have run out (the wait for that is left out). */
    @Override
    Store reopen(Store previous, Path directory, InstantSource clock) {
      previous.close();
      TestDatabase.expireLeases(schemaOf(directory));
      return openAgain(directory, clock);
    }

    @Override
    void dispose(Path directory) {
      TestDatabase.drop(schemaOf(directory));
    }

    private static String schemaOf(Path directory) {
      return "cairn_e_" + Integer.toHexString(directory.toAbsolutePath().toString().hashCode());
    }
  };

  /** The stores to run on: PostgreSQL only where a server can be reached (see {@link TestDatabase}). */
  static List<StoreKind> available() {
    return TestDatabase.available() ? List.of(values()) : List.of(MEMORY, SQLITE);
  }

  /** Removes what {@link #open} made outside the test's directory (after the store is closed). */
  void dispose(Path directory) {}

  /** A new, empty store. */
  abstract Store open(Path directory, InstantSource clock);

  /** The same store again after a crash (same file, or same in-memory object). */
  abstract Store reopen(Store previous, Path directory, InstantSource clock);
}
