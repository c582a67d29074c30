package dev.cairn.bench;

import dev.cairn.client.InstanceStatus;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import java.time.Duration;
import java.util.Map;

/** One orchestration of n parallel activities; wall time from start to result. */
final class FanOut implements Workload {

  @Override
  public String name() {
    return "fanout";
  }

  @Override
  public Map<String, Object> parameters(Options options) {
    return Map.of("n", options.integer("n", 1_000));
  }

  @Override
  public Result run(Store store, Options options) throws InterruptedException {
    int n = options.integer("n", 1_000);
    try (Cairn cairn = Functions.start(store, options)) {
      long start = System.nanoTime();
      String id = cairn.client().start("FanOut", n);
      InstanceStatus status = cairn.client().waitForCompletion(id, Duration.ofMinutes(10));
      double seconds = (System.nanoTime() - start) / 1e9;
      Functions.check(String.valueOf((long) n * (n + 1) / 2).equals(status.output()), "sum " + status);
      return Result.of("seconds", Stats.round(seconds, 4), "s")
          .with("activities_per_second", Stats.round(n / seconds, 1))
          .with("commits", cairn.metrics().commits());
    }
  }
}
