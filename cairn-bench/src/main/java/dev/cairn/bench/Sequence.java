package dev.cairn.bench;

import dev.cairn.client.InstanceStatus;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import java.time.Duration;
import java.util.Map;

/**
 * One orchestration of n sequential activities, and one of n/10: steps per second for n, and the ratio of the
 * two times (10 for perfect linearity).
 */
final class Sequence implements Workload {

  @Override
  public String name() {
    return "sequence";
  }

  @Override
  public Map<String, Object> parameters(Options options) {
    return Map.of("n", options.integer("n", 10_000));
  }

  private static double seconds(Cairn cairn, int n) {
    long start = System.nanoTime();
    String id = cairn.client().start("Sequence", n);
    InstanceStatus status = cairn.client().waitForCompletion(id, Duration.ofMinutes(30));
    double seconds = (System.nanoTime() - start) / 1e9;
    Functions.check(String.valueOf(n).equals(status.output()), "sequence of " + n + ": " + status);
    return seconds;
  }

  @Override
  public Result run(Store store, Options options) throws InterruptedException {
    int n = options.integer("n", 10_000);
    try (Cairn cairn = Functions.start(store, options)) {
      seconds(cairn, 200);
      double small = seconds(cairn, n / 10);
      double large = seconds(cairn, n);
      return Result.of("steps_per_second", Stats.round(n / large, 1), "steps/s")
          .with("seconds_" + n, Stats.round(large, 3))
          .with("seconds_" + (n / 10), Stats.round(small, 3))
          .with("ratio", Stats.round(large / small, 2))
          .with("replayed_events", cairn.metrics().replayedEvents());
    }
  }
}
