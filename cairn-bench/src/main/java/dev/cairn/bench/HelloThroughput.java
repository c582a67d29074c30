package dev.cairn.bench;

import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * N instances of a 5-activity sequence, at most C in flight; orchestrations completed per second. With {@code
 * --workers W} (PostgreSQL only), W worker processes share the work: this one, which starts the instances, and
 * W-1 others; the measurement starts once every worker owns its share of the partitions and an unmeasured round
 * has warmed the worker processes up.
 */
final class HelloThroughput implements Workload {

  @Override
  public String name() {
    return "hello-throughput";
  }

  @Override
  public Map<String, Object> parameters(Options options) {
    return Map.of("n", options.integer("n", 5_000), "steps", 5, "concurrency", options.integer("concurrency", 500),
        "workers", options.integer("workers", 1));
  }

  @Override
  public Result run(Store store, Options options) throws Exception {
    try (Cairn cairn = Functions.start(store, options)) {
      return measure(cairn, options);
    }
  }

  @Override
  public Result run(StoreChoice stores, int run, Store store, Options options) throws Exception {
    int workers = options.integer("workers", 1);
    if (workers == 1) {
      return run(store, options);
    }
    List<WorkerProcess> others = new ArrayList<>();
    try (Cairn cairn = Functions.builder(store, options).workerId("w0").start()) {
      for (int w = 1; w < workers; w++) {
        others.add(WorkerProcess.start(stores, run, "w" + w, cairn.partitionLease()));
      }
      Cluster.awaitFairShare(store, workers, Duration.ofMinutes(1));
      // The worker processes are new JVMs: a first, unmeasured round compiles their code, as the warm-up runs
      // do for this one.
      measure(cairn, options);
      return measure(cairn, options).with("workers", workers);
    } finally {
      for (WorkerProcess other : others) {
        other.close();
      }
    }
  }

  private static Result measure(Cairn cairn, Options options) throws Exception {
    int n = options.integer("n", 5_000);
    int concurrency = options.integer("concurrency", 500);
    Semaphore inFlight = new Semaphore(concurrency);
    List<Future<InstanceStatus>> results = new ArrayList<>(n);
    long commitsBefore = cairn.metrics().commits();
    long start = System.nanoTime();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < n; i++) {
        inFlight.acquire();
        results.add(threads.submit(() -> {
          try {
            String id = cairn.client().start("HelloSequence", 5);
            return cairn.client().waitForCompletion(id, Duration.ofMinutes(5));
          } finally {
            inFlight.release();
          }
        }));
      }
      for (Future<InstanceStatus> result : results) {
        InstanceStatus status = result.get();
        Functions.check(status.runtimeStatus() == RuntimeStatus.COMPLETED && status.output().contains("city-4"),
            "instance " + status.instanceId() + " ended " + status);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return Result.of("orchestrations_per_second", Stats.round(n / seconds, 1), "orchestrations/s")
        .with("seconds", Stats.round(seconds, 3))
        .with("activities_per_second", Stats.round(5 * n / seconds, 1))
        .with("commits", cairn.metrics().commits() - commitsBefore);
  }
}
