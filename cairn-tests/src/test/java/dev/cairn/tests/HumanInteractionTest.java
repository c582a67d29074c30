package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.InstanceStatus;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.orchestration.Task;
import dev.cairn.runtime.Cairn;
import dev.cairn.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The human-interaction pattern: an approval event races a timer; whichever comes first wins. */
class HumanInteractionTest extends EngineTestBase {

  private static Cairn.Builder approval(Cairn.Builder b) {
    return b.orchestration("Approval", (OrchestrationContext ctx, Integer hours) -> {
      Task<String> approved = ctx.waitForExternalEvent("Approval", String.class);
      Task<Void> deadline = ctx.createTimer(Duration.ofHours(hours));
      return ctx.anyOf(approved, deadline).await() == approved ? "approved by " + approved.await() : "escalated";
    });
  }

  @Test
  void approvalBeforeTheDeadline_isApproved() {
    useManualClock();
    Cairn cairn = start(HumanInteractionTest::approval);
    String id = cairn.client().start("Approval", 24);
    cairn.client().waitForStart(id, WAIT);

    cairn.client().raiseEvent(id, "Approval", "alice");
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.outputAs(String.class)).isEqualTo("approved by alice");
  }

  @Test
  void noApprovalBeforeTheDeadline_isEscalated_andALateApprovalChangesNothing() {
    ManualClock clock = useManualClock();
    Cairn cairn = start(HumanInteractionTest::approval);
    String id = cairn.client().start("Approval", 24);
    cairn.client().waitForStart(id, WAIT);

    clock.advance(Duration.ofHours(25));
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.outputAs(String.class)).isEqualTo("escalated");
  }
}
