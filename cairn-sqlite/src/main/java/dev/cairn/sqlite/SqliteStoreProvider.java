package dev.cairn.sqlite;

import dev.cairn.store.Store;
import dev.cairn.store.StoreProvider;

/** Makes the SQLite store at {@code ./cairn-data/cairn.db} the default store of runtimes built without one. */
public final class SqliteStoreProvider implements StoreProvider {

  /** Created by {@link java.util.ServiceLoader}. */
  public SqliteStoreProvider() {}

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public Store openDefault() {
    return SqliteStore.open(SqliteStore.defaultPath());
  }
}
