package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.activity.ActivityContext;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.orchestration.Orchestration;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.orchestration.Task;
import dev.cairn.runtime.Cairn;
import dev.cairn.testing.HistoryReplayer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** SPEC 8 claim 2 and SPEC 2.1: fan-out / fan-in, also of 10,000 tasks. */
class FanOutTest extends EngineTestBase {

  private static final Orchestration<Integer, Long> SUM_OF_SQUARES = (OrchestrationContext ctx, Integer n) -> {
    List<Task<Long>> tasks = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      tasks.add(ctx.callActivity("Square", i, Long.class));
    }
    long sum = 0;
    for (long value : ctx.allOf(tasks).await()) {
      sum += value;
    }
    return sum;
  };

  @Test
  void fanOut_activitiesFinishingInRandomOrder_giveTheSameAggregate_andReplayGivesIt() {
    Cairn cairn = start(b -> b
        .activity("Square", (ActivityContext ctx, Integer i) -> {
          Thread.sleep(ThreadLocalRandom.current().nextInt(20));
          return (long) i * i;
        })
        .orchestration("SumOfSquares", SUM_OF_SQUARES));

    String id = cairn.client().start("SumOfSquares", 50);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    long expected = 50L * 51 * 101 / 6;
    assertThat(status.runtimeStatus()).as("%s", status.failure()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(status.outputAs(Long.class)).isEqualTo(expected);
    HistoryReplayer.Result replayed = HistoryReplayer.builder()
        .orchestration("SumOfSquares", SUM_OF_SQUARES).build()
        .replay(cairn.client().getStatus(id, true).orElseThrow().history());
    assertThat(replayed.status()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(replayed.output()).isEqualTo(String.valueOf(expected));
  }

  @Test
  void fanOut_of10000Activities_completesInOneOrchestration() {
    Cairn cairn = start(b -> b
        .activity("Square", (ActivityContext ctx, Integer i) -> (long) i * i)
        .orchestration("SumOfSquares", SUM_OF_SQUARES));

    String id = cairn.client().start("SumOfSquares", 10_000);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT.multipliedBy(4));

    assertThat(status.runtimeStatus()).as("%s", status.failure()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(status.outputAs(Long.class)).isEqualTo(10_000L * 10_001 * 20_001 / 6);
  }

  @Test
  void anyOf_returnsTheFirstTaskToFinish() {
    Cairn cairn = start(b -> b
        .activity("Slow", (ActivityContext ctx, Integer ms) -> {
          Thread.sleep(ms);
          return ms;
        })
        .orchestration("Race", (OrchestrationContext ctx, Void in) -> {
          Task<Integer> slow = ctx.callActivity("Slow", 2_000, Integer.class);
          Task<Integer> fast = ctx.callActivity("Slow", 10, Integer.class);
          Task<Integer> winner = ctx.anyOf(List.of(slow, fast)).await();
          return winner.await();
        }));

    String id = cairn.client().start("Race", null);

    assertThat(cairn.client().waitForCompletion(id, WAIT).outputAs(Integer.class)).isEqualTo(10);
  }
}
