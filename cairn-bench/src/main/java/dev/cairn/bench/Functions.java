package dev.cairn.bench;

import dev.cairn.activity.ActivityContext;
import dev.cairn.examples.Bank;
import dev.cairn.examples.Counter;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.orchestration.Task;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions the workloads run, and a runtime to run them: the bundled examples' {@code Counter} entity and
 * bank ({@code Account}, {@code TransferFunds}), and a few orchestrations of the workloads' own.
 */
final class Functions {
  private Functions() {}

  /**
   * Starts a runtime on its own and waits until it owns every partition, so that no workload measures a runtime
   * taking its partitions (on PostgreSQL, one lease write each).
   */
  static Cairn start(Store store, Options options) throws InterruptedException {
    Cairn cairn = builder(store, options).start();
    try {
      Cluster.awaitFairShare(store, 1, Duration.ofMinutes(1));
    } catch (RuntimeException | InterruptedException e) {
      cairn.close();
      throw e;
    }
    return cairn;
  }

  /** A runtime's builder with the workloads' functions, on a store. */
  static Cairn.Builder builder(Store store, Options options) {
    return Counter.register(Bank.register(Cairn.builder()))
        .store(store)
        .instanceCacheSize(options.integer("cache", 10_000))
        .activity("SayHello", (ActivityContext ctx, String city) -> "Hello " + city + "!")
        .activity("Number", (ActivityContext ctx, Integer i) -> i)
        .orchestration("HelloSequence", (OrchestrationContext ctx, Integer steps) -> {
          List<String> greetings = new ArrayList<>(steps);
          for (int i = 0; i < steps; i++) {
            greetings.add(ctx.callActivity("SayHello", "city-" + i, String.class).await());
          }
          return greetings;
        })
        .orchestration("FanOut", (OrchestrationContext ctx, Integer n) -> {
          List<Task<Integer>> tasks = new ArrayList<>(n);
          for (int i = 1; i <= n; i++) {
            tasks.add(ctx.callActivity("Number", i, Integer.class));
          }
          long sum = 0;
          for (int value : ctx.allOf(tasks).await()) {
            sum += value;
          }
          return sum;
        })
        .orchestration("Sequence", (OrchestrationContext ctx, Integer n) -> {
          int value = 0;
          for (int i = 0; i < n; i++) {
            value = ctx.callActivity("Number", value + 1, Integer.class).await();
          }
          return value;
        })
        .orchestration("AwaitEvent", (OrchestrationContext ctx, Void in) ->
            ctx.waitForExternalEvent("go", Integer.class).await());
  }

  /** Checks a condition of a run's result; a wrong answer fails the run. */
  static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("Wrong result: " + what);
    }
  }
}
