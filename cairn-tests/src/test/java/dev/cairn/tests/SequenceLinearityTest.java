package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.activity.ActivityContext;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import dev.cairn.runtime.RuntimeMetrics;
import org.junit.jupiter.api.Test;

/**
 * SPEC 2.3: an orchestration of n sequential steps costs O(n) in the cached mode. Checked by counting the
 * events the engine replays and appends, not by timing. The replay-only mode replays the whole history every
 * episode by definition; there the count is checked to be exactly that.
 */
class SequenceLinearityTest extends EngineTestBase {

  @Test
  void sequentialSteps_cachedModeReplaysNothing_replayOnlyModeReplaysEachHistoryOnce() {
    int steps = mode == ExecutionMode.CACHED ? 5_000 : 300;
    Cairn cairn = start(b -> b
        .activity("Inc", (ActivityContext ctx, Integer i) -> i + 1)
        .orchestration("Counter", (OrchestrationContext ctx, Integer n) -> {
          int value = 0;
          for (int i = 0; i < n; i++) {
            value = ctx.callActivity("Inc", value, Integer.class).await();
          }
          return value;
        }));

    String id = cairn.client().start("Counter", steps);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT.multipliedBy(4));
    RuntimeMetrics metrics = cairn.metrics();

    assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(status.outputAs(Integer.class)).isEqualTo(steps);
    long historyLength = cairn.client().getStatus(id, true).orElseThrow().history().size();
    // One episode per step plus the first: each appends OrchestratorStarted, an input, an action, OrchestratorCompleted.
    assertThat(metrics.episodes()).isEqualTo(steps + 1);
    assertThat(metrics.appendedEvents()).isEqualTo(historyLength);
    if (mode == ExecutionMode.CACHED) {
      assertThat(metrics.replayedEvents()).isZero();
    } else {
      // Episode k replays the 4k events recorded before it (the first episode appends 4: start and an action).
      long expected = 0;
      for (long k = 1; k <= steps; k++) {
        expected += 4 * k;
      }
      assertThat(metrics.replayedEvents()).isEqualTo(expected);
    }
  }
}
