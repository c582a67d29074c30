package dev.cairn.bench;

import dev.cairn.sqlite.SqliteStore;
import dev.cairn.sqlite.Synchronous;
import dev.cairn.store.Store;
import dev.cairn.testing.InMemoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;

/** Which store a run uses: {@code memory}, or {@code sqlite[:DIRECTORY]} (a fresh file per run). */
record StoreChoice(String kind, Path directory, Synchronous synchronous) {

  static StoreChoice parse(String text, String synchronous) throws IOException {
    Synchronous mode = Synchronous.valueOf(synchronous.toUpperCase(java.util.Locale.ROOT));
    if (text.equals("memory")) {
      return new StoreChoice("memory", null, mode);
    }
    if (text.equals("sqlite")) {
      return new StoreChoice("sqlite", Files.createTempDirectory("cairn-bench"), mode);
    }
    if (text.startsWith("sqlite:")) {
      Path directory = Path.of(text.substring("sqlite:".length()));
      Files.createDirectories(directory);
      return new StoreChoice("sqlite", directory, mode);
    }
    throw new IllegalArgumentException("--store must be memory, sqlite or sqlite:DIRECTORY, not '" + text + "'");
  }

  /** A new, empty store for one run. */
  Store open(int run) {
    if (kind.equals("memory")) {
      return InMemoryStore.create(8, InstantSource.system());
    }
    return SqliteStore.builder(directory.resolve("bench-" + ProcessHandle.current().pid() + "-" + run + ".db"))
        .synchronous(synchronous).open();
  }

  /** How the store is named in the output. */
  String label() {
    return kind.equals("memory") ? "memory" : "sqlite(synchronous=" + synchronous + ")";
  }
}
