package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.activity.ActivityContext;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The instance cache is bounded: evicted instances are rebuilt by replay and finish as if nothing happened. */
class InstanceCacheTest extends EngineTestBase {

  @Test
  void tinyCache_evictsInstances_whichAreReplayedAndFinishCorrectly() {
    CountDownLatch allStarted = new CountDownLatch(1);
    Cairn cairn = Cairn.builder().store(store()).instanceCacheSize(mode == ExecutionMode.CACHED ? 2 : 0)
        .activity("Inc", (ActivityContext ctx, Integer i) -> {
          // Hold every instance until all are running, so that they interleave and the tiny cache must evict.
          allStarted.await();
          return i + 1;
        })
        .orchestration("Count", (OrchestrationContext ctx, Integer n) -> {
          int value = 0;
          for (int i = 0; i < n; i++) {
            value = ctx.callActivity("Inc", value, Integer.class).await();
          }
          return value;
        })
        .start();
    try {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        ids.add(cairn.client().start("Count", 10));
      }
      allStarted.countDown();
      for (String id : ids) {
        var status = cairn.client().waitForCompletion(id, WAIT);
        assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.COMPLETED);
        assertThat(status.outputAs(Integer.class)).isEqualTo(10);
      }
      assertThat(cairn.metrics().cachedInstances()).isLessThanOrEqualTo(2);
      assertThat(cairn.metrics().replayedEvents()).isPositive();
    } finally {
      cairn.close();
    }
  }
}
