package dev.cairn.bench;

import dev.cairn.postgres.PostgresStore;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import java.io.IOException;
import java.time.Duration;

/**
 * A worker process for the workloads that spread over several processes ({@link WorkerProcess}): a runtime with
 * the workloads' functions on a PostgreSQL schema. It prints {@code ready} once started, and stops gracefully when
 * its standard input closes. Arguments: JDBC URL, schema, worker id, lease in milliseconds.
 */
public final class BenchWorker {
  private BenchWorker() {}

  /** Runs the worker until its standard input closes. */
  public static void main(String[] args) throws IOException {
    Duration lease = Duration.ofMillis(Long.parseLong(args[3]));
    try (Store store = PostgresStore.builder(args[0]).schema(args[1]).build();
        Cairn cairn = Functions.builder(store, Options.parse(new String[0], 0)).workerId(args[2])
            .partitionLease(lease).activityLease(lease).start()) {
      System.out.println("ready " + cairn.workerId());
      System.out.flush();
      while (System.in.read() >= 0) {
        // Runs until the parent closes the pipe (or kills this process).
      }
    }
  }
}
