package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.activity.ActivityContext;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.history.TaskCompleted;
import dev.cairn.history.TaskScheduled;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** SPEC 8 claim 13: an activity whose worker dies is run again, and its result is recorded once. */
class ActivityRecoveryTest extends EngineTestBase {

  @Test
  void activityInterruptedByACrash_runsAgainAfterRecovery_andItsResultIsRecordedOnce() throws Exception {
    List<String> runs = new CopyOnWriteArrayList<>();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    Cairn first = start(b -> b
        .activity("Charge", (ActivityContext ctx, Integer amount) -> {
          runs.add(ctx.idempotencyKey() + " redelivery " + ctx.redeliveryCount());
          started.countDown();
          never.await();
          return "charged " + amount;
        })
        .orchestration("Pay", (OrchestrationContext ctx, Integer amount) ->
            ctx.callActivity("Charge", amount, String.class).await()));
    String id = first.client().start("Pay", 42);
    assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
    // An activity may start before the commit that schedules it is durable; crash only once it is.
    Awaitility.await().atMost(WAIT).until(() -> first.client().getStatus(id, true).orElseThrow().history().stream()
        .anyMatch(TaskScheduled.class::isInstance));

    crash(first);
    Cairn second = start(b -> b
        .activity("Charge", (ActivityContext ctx, Integer amount) -> {
          runs.add(ctx.idempotencyKey() + " redelivery " + ctx.redeliveryCount());
          return "charged " + amount;
        })
        .orchestration("Pay", (OrchestrationContext ctx, Integer amount) ->
            ctx.callActivity("Charge", amount, String.class).await()));
    InstanceStatus status = second.client().waitForCompletion(id, WAIT);

    assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(status.outputAs(String.class)).isEqualTo("charged 42");
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0)).endsWith("redelivery 0");
    assertThat(runs.get(1)).startsWith(runs.get(0).substring(0, runs.get(0).indexOf(' '))).endsWith("redelivery 1");
    assertThat(second.client().getStatus(id, true).orElseThrow().history())
        .filteredOn(e -> e instanceof TaskCompleted).hasSize(1);
  }
}
