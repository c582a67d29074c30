package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.activity.ActivityContext;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.history.HistoryEvent;
import dev.cairn.history.TaskScheduled;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** SPEC 8 claim 7: replay rebuilds the state before the crash and sends nothing already recorded. */
class ReplayTest extends EngineTestBase {

  @Test
  void crashMidway_replayRebuildsState_andNoActivityIsScheduledTwice() throws Exception {
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    CountDownLatch thirdStarted = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    Cairn first = start(b -> registrations(b, runs, step -> {
      if (step == 3) {
        thirdStarted.countDown();
        never.await();
      }
    }));
    String id = first.client().start("Steps", null);
    assertThat(thirdStarted.await(20, TimeUnit.SECONDS)).isTrue();
    // An activity may start before the commit that scheduled it is durable; crash once it is.
    Awaitility.await().atMost(WAIT).until(() -> first.client().getStatus(id, true).orElseThrow().history().stream()
        .filter(e -> e instanceof TaskScheduled).count() == 3);

    crash(first);
    Cairn second = start(b -> registrations(b, runs, step -> { }));
    InstanceStatus status = second.client().waitForCompletion(id, WAIT);

    assertThat(status.runtimeStatus()).as("%s", status.failure()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(status.output()).isEqualTo("[\"step1\",\"step2\",\"step3\",\"step4\"]");
    assertThat(runs.get("step1").get()).isEqualTo(1);
    assertThat(runs.get("step2").get()).isEqualTo(1);
    assertThat(runs.get("step3").get()).isEqualTo(2);
    assertThat(runs.get("step4").get()).isEqualTo(1);
    List<HistoryEvent> history = second.client().getStatus(id, true).orElseThrow().history();
    assertThat(history.stream().filter(e -> e instanceof TaskScheduled).count()).isEqualTo(4);
  }

  interface StepHook {
    void run(int step) throws Exception;
  }

  private static Cairn.Builder registrations(Cairn.Builder b, Map<String, AtomicInteger> runs, StepHook hook) {
    return b
        .activity("Step", (ActivityContext ctx, Integer step) -> {
          runs.computeIfAbsent("step" + step, k -> new AtomicInteger()).incrementAndGet();
          hook.run(step);
          return "step" + step;
        })
        .orchestration("Steps", (OrchestrationContext ctx, Void in) -> List.of(
            ctx.callActivity("Step", 1, String.class).await(),
            ctx.callActivity("Step", 2, String.class).await(),
            ctx.callActivity("Step", 3, String.class).await(),
            ctx.callActivity("Step", 4, String.class).await()));
  }
}
