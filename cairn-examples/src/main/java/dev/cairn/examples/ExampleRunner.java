package dev.cairn.examples;

import dev.cairn.client.InstanceStatus;
import dev.cairn.runtime.Cairn;
import dev.cairn.sqlite.SqliteStore;
import dev.cairn.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** Runs one example on its own: a runtime with the bundled examples on a throwaway SQLite file. */
final class ExampleRunner {
  private ExampleRunner() {}

  /** Starts a runtime, lets {@code script} drive it, and prints what it returns. */
  static void run(String title, ScriptWithClient script) throws IOException {
    Path directory = Files.createTempDirectory("cairn-example");
    try (Store store = SqliteStore.open(directory.resolve("cairn.db"));
        Cairn cairn = new ExamplesApplication().registerAll(Cairn.builder().store(store)).start()) {
      InstanceStatus status = script.run(cairn);
      System.out.println(title + ": " + status.runtimeStatus().displayName() + " " + status.output());
    }
  }

  /** What an example's {@code main} does with the runtime. */
  @FunctionalInterface
  interface ScriptWithClient {
    InstanceStatus run(Cairn cairn) throws IOException;
  }

  static InstanceStatus startAndWait(Cairn cairn, String name, Object input, Consumer<String> whileRunning) {
    String id = cairn.client().start(name, input);
    whileRunning.accept(id);
    return cairn.client().waitForCompletion(id, Duration.ofMinutes(2));
  }
}
