package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.InstanceStatus;
import dev.cairn.failure.EventTimeoutException;
import dev.cairn.failure.InstanceFinishedException;
import dev.cairn.failure.InstanceNotFoundException;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.orchestration.Task;
import dev.cairn.runtime.Cairn;
import dev.cairn.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC 8 claim 24: events raised before a wait are kept and delivered in order; missing instances refuse. */
class ExternalEventTest extends EngineTestBase {

  @Test
  void eventsRaisedBeforeTheWait_areKept_andDeliveredInArrivalOrder() {
    Cairn cairn = start(b -> b.orchestration("Late", (OrchestrationContext ctx, Void in) -> {
      ctx.waitForExternalEvent("open", Void.class).await();
      return List.of(
          ctx.waitForExternalEvent("Data", Integer.class).await(),
          ctx.waitForExternalEvent("data", Integer.class).await(),
          ctx.waitForExternalEvent("DATA", Integer.class).await());
    }));
    String id = cairn.client().start("Late", null);
    cairn.client().waitForStart(id, WAIT);

    cairn.client().raiseEvent(id, "data", 1);
    cairn.client().raiseEvent(id, "data", 2);
    cairn.client().raiseEvent(id, "data", 3);
    cairn.client().raiseEvent(id, "open", null);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.output()).isEqualTo("[1,2,3]");
  }

  @Test
  void waitersForTheSameEvent_areServedFirstComeFirstServed() {
    Cairn cairn = start(b -> b.orchestration("Queue", (OrchestrationContext ctx, Void in) -> {
      Task<String> first = ctx.waitForExternalEvent("job", String.class);
      Task<String> second = ctx.waitForExternalEvent("job", String.class);
      return second.await() + "," + first.await();
    }));
    String id = cairn.client().start("Queue", null);
    cairn.client().waitForStart(id, WAIT);

    cairn.client().raiseEvent(id, "job", "a");
    cairn.client().raiseEvent(id, "job", "b");

    assertThat(cairn.client().waitForCompletion(id, WAIT).outputAs(String.class)).isEqualTo("b,a");
  }

  @Test
  void eventToAMissingInstance_isRefused_andNothingIsStored() {
    Cairn cairn = start(b -> b.orchestration("Any", (OrchestrationContext ctx, Void in) -> null));

    assertThatThrownBy(() -> cairn.client().raiseEvent("nobody", "ping", 1))
        .isInstanceOf(InstanceNotFoundException.class)
        .hasMessageContaining("'nobody'");
    assertThat(cairn.client().getStatus("nobody")).isEmpty();
    for (int p = 0; p < store().partitionCount(); p++) {
      assertThat(store().fetchMessages(p, java.time.Instant.MAX, 100, java.util.Set.of()).messages()).isEmpty();
    }
  }

  @Test
  void eventToAFinishedInstance_isRefusedAsGone() {
    Cairn cairn = start(b -> b.orchestration("Quick", (OrchestrationContext ctx, Void in) -> "done"));
    String id = cairn.client().start("Quick", null);
    cairn.client().waitForCompletion(id, WAIT);

    assertThatThrownBy(() -> cairn.client().raiseEvent(id, "ping", 1))
        .isInstanceOf(InstanceFinishedException.class)
        .hasMessageContaining("already finished");
  }

  @Test
  void waitWithTimeout_timesOut_andALaterEventGoesToTheNextWaiter() {
    ManualClock clock = useManualClock();
    Cairn cairn = start(b -> b.orchestration("Patient", (OrchestrationContext ctx, Void in) -> {
      String first;
      try {
        first = ctx.waitForExternalEvent("reply", Duration.ofHours(1), String.class).await();
      } catch (EventTimeoutException e) {
        first = "timeout after " + e.timeout();
      }
      ctx.waitForExternalEvent("continue", Void.class).await();
      return first + "|" + ctx.waitForExternalEvent("reply", String.class).await();
    }));
    String id = cairn.client().start("Patient", null);
    cairn.client().waitForStart(id, WAIT);

    clock.advance(Duration.ofHours(2));
    org.awaitility.Awaitility.await().atMost(WAIT).until(() -> cairn.client().getStatus(id, true).orElseThrow()
        .history().stream().anyMatch(e -> e instanceof dev.cairn.history.TimerFired));
    cairn.client().raiseEvent(id, "reply", "late answer");
    cairn.client().raiseEvent(id, "continue", null);

    assertThat(cairn.client().waitForCompletion(id, WAIT).outputAs(String.class))
        .isEqualTo("timeout after PT1H|late answer");
  }
}
