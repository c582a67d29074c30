package dev.cairn.tests;

import dev.cairn.sqlite.SqliteStore;
import dev.cairn.store.Store;
import dev.cairn.testing.InMemoryStore;
import java.nio.file.Path;
import java.time.InstantSource;

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
  };

  /** A new, empty store. */
  abstract Store open(Path directory, InstantSource clock);

  /** The same store again after a crash (same file, or same in-memory object). */
  abstract Store reopen(Store previous, Path directory, InstantSource clock);
}
