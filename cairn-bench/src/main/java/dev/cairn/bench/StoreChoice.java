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
    return SqliteStore.builder(file(run)).synchronous(synchronous).open();
  }

  /** Deletes the files of a run's store once it is closed. */
  void delete(int run) throws IOException {
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

  /** How the store is named in the output. */
  String label() {
    return kind.equals("memory") ? "memory" : "sqlite(synchronous=" + synchronous + ")";
  }
}
