package dev.cairn.sqlite;

import dev.cairn.store.Store;
import dev.cairn.testing.StoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store keeps the store contract, also across a reopen of its file. */
class SqliteStoreContractTest extends StoreContractTest {
  @TempDir
  Path directory;

  @Override
  protected Store createStore() {
    return SqliteStore.open(directory.resolve("contract.db"));
  }

  @Override
  protected Store reopen(Store previous) {
    previous.close();
    return SqliteStore.open(directory.resolve("contract.db"));
  }
}
