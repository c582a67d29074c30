package dev.cairn.examples;

import dev.cairn.activity.ActivityContext;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.orchestration.Task;
import dev.cairn.runtime.Cairn;
import java.util.ArrayList;
import java.util.List;

/**
 * Fan-out / fan-in: input n; n activities in parallel, activity i returns i; output their sum (n(n+1)/2). Run
 * it with {@code java -cp cairn.jar dev.cairn.examples.FanOutFanIn 100}.
 */
public final class FanOutFanIn {
  private FanOutFanIn() {}

  /** Registers the activity {@code ReturnNumber} and the orchestration {@code FanOutFanIn}. */
  public static Cairn.Builder register(Cairn.Builder builder) {
    return builder
        .activity("ReturnNumber", (ActivityContext ctx, Long i) -> i)
        .orchestration("FanOutFanIn", (OrchestrationContext ctx, Long n) -> {
          if (n == null || n < 0 || n > 100_000) {
            throw new IllegalArgumentException("FanOutFanIn needs a number between 0 and 100000, got " + n);
          }
          List<Task<Long>> tasks = new ArrayList<>();
          for (long i = 1; i <= n; i++) {
            tasks.add(ctx.callActivity("ReturnNumber", i, Long.class));
          }
          long sum = 0;
          for (long value : ctx.allOf(tasks).await()) {
            sum += value;
          }
          return sum;
        });
  }

  /** Runs one instance (n from the first argument, default 100) and prints its output. */
  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 100;
    ExampleRunner.run("FanOutFanIn(" + n + ")", cairn -> ExampleRunner.startAndWait(cairn, "FanOutFanIn", n, id -> { }));
  }
}
