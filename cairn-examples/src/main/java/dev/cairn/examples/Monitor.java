package dev.cairn.examples;

import dev.cairn.activity.ActivityContext;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import java.time.Duration;

/**
 * The monitor pattern: a timer loop that continues as new after every check, so its history never grows.
 * Input {@code {"intervalSeconds": s, "iterations": k}}; output the number of checks made (k).
 */
public final class Monitor {
  private Monitor() {}

  /**
   * The input: {@code completed} counts the checks made so far (0 to begin with, carried from one generation to
   * the next).
   */
  public record Input(long intervalSeconds, int iterations, int completed) {}

  /** Registers the activity {@code CheckStatus} and the orchestration {@code Monitor}. */
  public static Cairn.Builder register(Cairn.Builder builder) {
    return builder
        .activity("CheckStatus", (ActivityContext ctx, Integer check) -> "check " + check + " ok")
        .orchestration("Monitor", (OrchestrationContext ctx, Input input) -> {
          if (input == null || input.iterations() < 0 || input.intervalSeconds() < 0) {
            throw new IllegalArgumentException(
                "Monitor needs {\"intervalSeconds\": s, \"iterations\": k} with s and k not negative");
          }
          if (input.completed() >= input.iterations()) {
            return input.completed();
          }
          ctx.createTimer(Duration.ofSeconds(input.intervalSeconds())).await();
          String result = ctx.callActivity("CheckStatus", input.completed() + 1, String.class).await();
          ctx.setCustomStatus(result);
          ctx.continueAsNew(new Input(input.intervalSeconds(), input.iterations(), input.completed() + 1));
          return null;
        });
  }

  /** Runs three one-second checks and prints the output. */
  public static void main(String[] args) throws Exception {
    ExampleRunner.run("Monitor", cairn -> ExampleRunner.startAndWait(cairn, "Monitor", new Input(1, 3, 0), id -> { }));
  }
}
