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
 * --workers W} (PostgreSQL only), W worker processes share the work, as W services would: this one and W-1 others,
 * each starting and awaiting its part of the instances through its own client (N/W, at most C/W at once). The
 * measurement starts once every worker owns its share of the partitions and unmeasured rounds have warmed the new
 * worker processes up (for {@code --cluster-warmup-seconds}, default 20, and at least one round: a worker process
 * needs about that long to reach compiled code on two cores), and ends when the last worker is done.
 */
final class HelloThroughput implements Workload {

  @Override
  public String name() {
    return "hello-throughput";
  }

  @Override
  public Map<String, Object> parameters(Options options) {
    return Map.of("n", options.integer("n", 5_000), "steps", 5, "concurrency", options.integer("concurrency", 500),
        "workers", options.integer("workers", 1),
        "cluster-warmup-seconds", options.integer("cluster-warmup-seconds", 20));
  }

  @Override
  public Result run(Store store, Options options) throws Exception {
    int n = options.integer("n", 5_000);
    try (Cairn cairn = Functions.start(store, options)) {
      long commitsBefore = cairn.metrics().commits();
      double seconds = load(cairn, n, options.integer("concurrency", 500));
      return result(n, seconds).with("commits", cairn.metrics().commits() - commitsBefore);
    }
  }

  @Override
  public Result run(StoreChoice stores, int run, Store store, Options options) throws Exception {
    int workers = options.integer("workers", 1);
    if (workers == 1) {
      return run(store, options);
    }
    int n = options.integer("n", 5_000);
    int each = n / workers;
    int concurrency = Math.max(1, options.integer("concurrency", 500) / workers);
    List<WorkerProcess> others = new ArrayList<>();
    try (Cairn cairn = Functions.builder(store, options).workerId("w0").start()) {
      for (int w = 1; w < workers; w++) {
        others.add(WorkerProcess.start(stores, run, "w" + w, cairn.partitionLease()));
      }
      Cluster.awaitFairShare(store, workers, Duration.ofMinutes(1));
      long warmUntil = System.nanoTime() + options.integer("cluster-warmup-seconds", 20) * 1_000_000_000L;
      do {
        allAtOnce(cairn, others, each, concurrency);
      } while (System.nanoTime() < warmUntil);
      double seconds = allAtOnce(cairn, others, each, concurrency);
      return result(each * workers, seconds).with("workers", workers);
    } finally {
      for (WorkerProcess other : others) {
        other.close();
      }
    }
  }

  /** Every worker runs its part of the load at the same time; returns the seconds until the last is done. */
  private static double allAtOnce(Cairn cairn, List<WorkerProcess> others, int each, int concurrency)
      throws Exception {
    long start = System.nanoTime();
    for (WorkerProcess other : others) {
      other.run(each, concurrency);
    }
    load(cairn, each, concurrency);
    for (WorkerProcess other : others) {
      other.done(Duration.ofMinutes(5));
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static Result result(int n, double seconds) {
    return Result.of("orchestrations_per_second", Stats.round(n / seconds, 1), "orchestrations/s")
        .with("seconds", Stats.round(seconds, 3))
        .with("activities_per_second", Stats.round(5 * n / seconds, 1));
  }

  /**
   * Starts {@code n} 5-activity sequences through a runtime's client, at most {@code concurrency} at once, and
   * waits for each; returns the seconds it took. A wrong result fails.
   */
  static double load(Cairn cairn, int n, int concurrency) throws Exception {
    Semaphore inFlight = new Semaphore(concurrency);
    List<Future<InstanceStatus>> results = new ArrayList<>(n);
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
    return (System.nanoTime() - start) / 1e9;
  }
}
