package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.history.ExecutionStarted;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import dev.cairn.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** SPEC 8 claim 10: continue-as-new replaces the history, keeps the id, and keeps carried-over events. */
class ContinueAsNewTest extends EngineTestBase {

  @Test
  void continueAsNew_replacesTheHistory_keepsTheId() {
    Cairn cairn = start(b -> b.orchestration("Counter", (OrchestrationContext ctx, Integer n) -> {
      if (n < 5) {
        ctx.createTimer(Duration.ZERO).await();
        ctx.continueAsNew(n + 1);
      }
      return n;
    }));

    String id = cairn.client().start("Counter", 0);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.instanceId()).isEqualTo(id);
    assertThat(status.outputAs(Integer.class)).isEqualTo(5);
    List<?> history = cairn.client().getStatus(id, true).orElseThrow().history();
    assertThat(history).filteredOn(e -> e instanceof ExecutionStarted).hasSize(1);
    assertThat(((ExecutionStarted) history.get(1)).input()).isEqualTo("5");
  }

  @Test
  void continueAsNew_preservingEvents_carriesUnprocessedEventsOver() {
    Cairn cairn = start(b -> b.orchestration("Batcher", (OrchestrationContext ctx, Integer generation) -> {
      if (generation == 0) {
        ctx.waitForExternalEvent("start", String.class).await();
        ctx.continueAsNew(1, true);
      }
      return List.of(
          ctx.waitForExternalEvent("item", String.class).await(),
          ctx.waitForExternalEvent("item", String.class).await());
    }));
    String id = cairn.client().start("Batcher", 0);
    cairn.client().waitForStart(id, WAIT);

    cairn.client().raiseEvent(id, "item", "x");
    cairn.client().raiseEvent(id, "item", "y");
    cairn.client().raiseEvent(id, "start", "go");
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.output()).isEqualTo("[\"x\",\"y\"]");
  }

  @Test
  void monitor_thousandGenerationsOfTimers_historyDoesNotGrow() {
    ManualClock clock = useManualClock();
    AtomicInteger maxHistory = new AtomicInteger();
    Cairn cairn = start(b -> b.orchestration("Monitor", (OrchestrationContext ctx, Integer generation) -> {
      if (generation >= 1_000) {
        return generation;
      }
      ctx.createTimer(Duration.ofMinutes(5)).await();
      ctx.continueAsNew(generation + 1);
      return null;
    }));
    String id = cairn.client().start("Monitor", 0);

    for (int i = 0; i < 1_000; i++) {
      int expectedGeneration = i;
      Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() -> {
        var history = store().loadHistory(id);
        return !history.isEmpty() && history.get(1) instanceof ExecutionStarted s
            && s.input().equals(String.valueOf(expectedGeneration))
            && history.size() > 3;
      });
      maxHistory.accumulateAndGet(store().loadHistory(id).size(), Math::max);
      clock.advance(Duration.ofMinutes(5));
    }
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(status.outputAs(Integer.class)).isEqualTo(1_000);
    assertThat(maxHistory.get()).isLessThanOrEqualTo(8);
  }
}
