package dev.cairn.examples;

import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.orchestration.Task;
import dev.cairn.runtime.Cairn;
import java.time.Duration;

/**
 * Human interaction: waits for the event {@code Approval}; output {@code "approved"} when it arrives within
 * {@code timeoutSeconds}, else {@code "escalated"}. Input {@code {"timeoutSeconds": s}}.
 */
public final class ApprovalWorkflow {
  private ApprovalWorkflow() {}

  /** The input. */
  public record Input(long timeoutSeconds) {}

  /** Registers the orchestration {@code ApprovalWorkflow}. */
  public static Cairn.Builder register(Cairn.Builder builder) {
    return builder.orchestration("ApprovalWorkflow", (OrchestrationContext ctx, Input input) -> {
      long seconds = input == null ? 3_600 : input.timeoutSeconds();
      if (seconds < 0) {
        throw new IllegalArgumentException("timeoutSeconds must not be negative, got " + seconds);
      }
      ctx.setCustomStatus("waiting for approval");
      Task<Object> approval = ctx.waitForExternalEvent("Approval", Object.class);
      Task<Void> deadline = ctx.createTimer(Duration.ofSeconds(seconds));
      boolean approved = ctx.anyOf(approval, deadline).await() == approval;
      ctx.setCustomStatus(null);
      return approved ? "approved" : "escalated";
    });
  }

  /** Runs one instance, approves it, and prints its output. */
  public static void main(String[] args) throws Exception {
    ExampleRunner.run("ApprovalWorkflow", cairn -> ExampleRunner.startAndWait(cairn, "ApprovalWorkflow",
        new Input(60), id -> {
          cairn.client().waitForStart(id, Duration.ofSeconds(10));
          cairn.client().raiseEvent(id, "Approval", "alice");
        }));
  }
}
