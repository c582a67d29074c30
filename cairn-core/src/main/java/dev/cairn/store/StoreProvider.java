package dev.cairn.store;

/**
 * Supplies the default store when a runtime is built without one. Found with {@link java.util.ServiceLoader};
 * {@code cairn-sqlite} provides the embedded SQLite store at {@code ./cairn-data/cairn.db}.
 */
public interface StoreProvider {

  /** A short name, e.g. {@code sqlite}. */
  String name();

  /** Opens the default store; the runtime closes it when it stops. */
  Store openDefault();
}
