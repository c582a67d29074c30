package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.activity.ActivityContext;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.failure.NonRetriableFailure;
import dev.cairn.failure.TaskFailedException;
import dev.cairn.history.TaskScheduled;
import dev.cairn.history.TimerCreated;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.orchestration.RetryPolicy;
import dev.cairn.orchestration.TaskOptions;
import dev.cairn.runtime.Cairn;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SPEC 8 claim 12: no retries without a policy; with one, retries wait on durable timers. */
class RetryTest extends EngineTestBase {

  static final class Flaky extends IllegalStateException {
    Flaky(String message) {
      super(message);
    }
  }

  static final class Refused extends IllegalArgumentException implements NonRetriableFailure {
    Refused(String message) {
      super(message);
    }
  }

  @Test
  void failingActivity_withoutPolicy_runsOnce_andTheOrchestrationSeesItsFailure() {
    AtomicInteger calls = new AtomicInteger();
    Cairn cairn = start(b -> b
        .activity("Fail", (ActivityContext ctx, String in) -> {
          calls.incrementAndGet();
          throw new Flaky("disk full on " + in);
        })
        .orchestration("Caller", (OrchestrationContext ctx, Void in) -> {
          try {
            ctx.callActivity("Fail", "node-7", String.class).await();
            return "no failure";
          } catch (TaskFailedException e) {
            return e.details().errorType() + "|" + e.details().errorMessage() + "|" + e.taskName()
                + "|" + e.details().stackTrace().contains("RetryTest");
          }
        }));

    String id = cairn.client().start("Caller", null);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.outputAs(String.class))
        .isEqualTo(Flaky.class.getName() + "|disk full on node-7|Fail|true");
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void failingActivity_withPolicy_isRetriedOnDurableTimersUntilItSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    Cairn cairn = start(b -> b
        .activity("FlakyThrice", (ActivityContext ctx, Void in) -> {
          if (calls.incrementAndGet() <= 3) {
            throw new Flaky("attempt " + ctx.attempt());
          }
          return "ok on attempt " + ctx.attempt();
        })
        .orchestration("Caller", (OrchestrationContext ctx, Void in) -> ctx.callActivity("FlakyThrice", null,
            TaskOptions.retry(RetryPolicy.of(5, Duration.ofMillis(50)).withBackoffCoefficient(2)),
            String.class).await()));

    String id = cairn.client().start("Caller", null);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.outputAs(String.class)).isEqualTo("ok on attempt 4");
    List<?> history = cairn.client().getStatus(id, true).orElseThrow().history();
    assertThat(history).filteredOn(e -> e instanceof TaskScheduled).hasSize(4);
    assertThat(history).filteredOn(e -> e instanceof TimerCreated).hasSize(3);
  }

  @Test
  void retries_stopAtMaxAttempts_andAtNonRetriableFailures() {
    AtomicInteger flakyCalls = new AtomicInteger();
    AtomicInteger refusedCalls = new AtomicInteger();
    Cairn cairn = start(b -> b
        .activity("AlwaysFlaky", (ActivityContext ctx, Void in) -> {
          flakyCalls.incrementAndGet();
          throw new Flaky("still broken");
        })
        .activity("Refuse", (ActivityContext ctx, Void in) -> {
          refusedCalls.incrementAndGet();
          throw new Refused("bad input");
        })
        .orchestration("Caller", (OrchestrationContext ctx, Void in) -> {
          TaskOptions options = TaskOptions.retry(RetryPolicy.of(3, Duration.ofMillis(10)));
          String first;
          try {
            ctx.callActivity("AlwaysFlaky", null, options, String.class).await();
            first = "?";
          } catch (TaskFailedException e) {
            first = e.details().errorMessage();
          }
          try {
            ctx.callActivity("Refuse", null, options, String.class).await();
            return first + "|?";
          } catch (TaskFailedException e) {
            return first + "|" + e.details().errorMessage();
          }
        }));

    String id = cairn.client().start("Caller", null);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.outputAs(String.class)).isEqualTo("still broken|bad input");
    assertThat(flakyCalls.get()).isEqualTo(3);
    assertThat(refusedCalls.get()).isEqualTo(1);
  }

  @Test
  void uncaughtActivityFailure_failsTheOrchestrationWithTheCauseChain() {
    Cairn cairn = start(b -> b
        .activity("Fail", (ActivityContext ctx, Void in) -> {
          throw new IllegalStateException("outer", new java.io.IOException("inner cause"));
        })
        .orchestration("Caller", (OrchestrationContext ctx, Void in) ->
            ctx.callActivity("Fail", null, String.class).await()));

    String id = cairn.client().start("Caller", null);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.FAILED);
    assertThat(status.failure().errorType()).isEqualTo(TaskFailedException.class.getName());
    assertThat(status.failure().cause().errorType()).isEqualTo(IllegalStateException.class.getName());
    assertThat(status.failure().cause().cause().errorMessage()).isEqualTo("inner cause");
    assertThat(status.failure().isCausedBy(java.io.IOException.class)).isTrue();
  }
}
