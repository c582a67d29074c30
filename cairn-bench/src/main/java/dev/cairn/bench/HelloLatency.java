package dev.cairn.bench;

import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import java.time.Duration;
import java.util.Map;

/** Instances of a 3- and a 5-activity sequence run one after the other; start-to-result percentiles. */
final class HelloLatency implements Workload {

  @Override
  public String name() {
    return "hello-latency";
  }

  @Override
  public Map<String, Object> parameters(Options options) {
    return Map.of("instances", options.integer("n", 200), "warmup", options.integer("warmup", 100));
  }

  private static double[] measure(Cairn cairn, int steps, int count) {
    double[] millis = new double[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      String id = cairn.client().start("HelloSequence", steps);
      InstanceStatus status = cairn.client().waitForCompletion(id, Duration.ofMinutes(1));
      millis[i] = (System.nanoTime() - start) / 1e6;
      Functions.check(status.runtimeStatus() == RuntimeStatus.COMPLETED, "instance " + id + " ended " + status);
    }
    return millis;
  }

  @Override
  public Result run(Store store, Options options) throws InterruptedException {
    int count = options.integer("n", 200);
    try (Cairn cairn = Functions.start(store, options)) {
      measure(cairn, 5, options.integer("warmup", 100));
      double[] three = measure(cairn, 3, count);
      double[] five = measure(cairn, 5, count);
      return Result.of("p50_ms_5_activities", Stats.round(Stats.percentile(five, 50), 3), "ms")
          .with("p95_ms_5_activities", Stats.round(Stats.percentile(five, 95), 3))
          .with("p99_ms_5_activities", Stats.round(Stats.percentile(five, 99), 3))
          .with("p50_ms_3_activities", Stats.round(Stats.percentile(three, 50), 3))
          .with("p95_ms_3_activities", Stats.round(Stats.percentile(three, 95), 3))
          .with("p99_ms_3_activities", Stats.round(Stats.percentile(three, 99), 3));
    }
  }
}
