package dev.cairn.bench;

import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A worker process for the workloads that spread over several processes ({@link WorkerProcess}): a runtime with
 * the workloads' functions on a PostgreSQL schema. It prints {@code ready} once started, runs the load each line
 * of its standard input asks for ({@code hello N C}: N 5-activity sequences, C at once) and prints {@code done} (or
 * {@code failed} and why) after each, and stops gracefully when its standard input closes. Arguments: JDBC URL,
 * schema, worker id, lease in milliseconds, writer connections (0: the store's default).
 */
public final class BenchWorker {
  private BenchWorker() {}

  /** Runs the worker until its standard input closes. */
  public static void main(String[] args) throws IOException {
    Duration lease = Duration.ofMillis(Long.parseLong(args[3]));
    try (Store store = StoreChoice.postgres(args[0], args[1], Integer.parseInt(args[4]));
        Cairn cairn = Functions.builder(store, Options.parse(new String[0], 0)).workerId(args[2])
            .partitionLease(lease).activityLease(lease).start()) {
      System.out.println("ready " + cairn.workerId());
      System.out.flush();
      BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String command;
      while ((command = commands.readLine()) != null) {
        String[] words = command.split(" ");
        try {
          if (words[0].equals("hello")) {
            HelloThroughput.load(cairn, Integer.parseInt(words[1]), Integer.parseInt(words[2]));
          }
          System.out.println("done " + command);
        } catch (Exception | AssertionError e) {
          System.out.println("failed " + command + ": " + e);
        }
        System.out.flush();
      }
    }
  }
}
