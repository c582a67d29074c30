package dev.cairn.bench;

import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.ArrayList;

/** N instances of a 5-activity sequence, at most C in flight; orchestrations completed per second. */
final class HelloThroughput implements Workload {

  @Override
  public String name() {
    return "hello-throughput";
  }

  @Override
  public Map<String, Object> parameters(Options options) {
    return Map.of("n", options.integer("n", 5_000), "steps", 5, "concurrency", options.integer("concurrency", 500));
  }

  @Override
  public Result run(Store store, Options options) throws Exception {
    int n = options.integer("n", 5_000);
    int concurrency = options.integer("concurrency", 500);
    try (Cairn cairn = Functions.start(store, options)) {
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
      double seconds = (System.nanoTime() - start) / 1e9;
      return Result.of("orchestrations_per_second", Stats.round(n / seconds, 1), "orchestrations/s")
          .with("seconds", Stats.round(seconds, 3))
          .with("activities_per_second", Stats.round(5 * n / seconds, 1))
          .with("commits", cairn.metrics().commits());
    }
  }
}
