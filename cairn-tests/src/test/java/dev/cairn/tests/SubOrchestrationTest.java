package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.failure.TaskFailedException;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.orchestration.SubOrchestrationOptions;
import dev.cairn.runtime.Cairn;
import org.junit.jupiter.api.Test;

/** Sub-orchestrations: results, failure propagation with details, and recursive termination. */
class SubOrchestrationTest extends EngineTestBase {

  static final class OrderRejected extends RuntimeException {
    OrderRejected(String message) {
      super(message);
    }
  }

  private static Cairn.Builder registrations(Cairn.Builder b) {
    return b
        .orchestration("Child", (OrchestrationContext ctx, Integer n) -> {
          if (n < 0) {
            throw new OrderRejected("negative quantity " + n);
          }
          return n * 2;
        })
        .orchestration("Parent", (OrchestrationContext ctx, Integer n) -> {
          try {
            int doubled = ctx.callSubOrchestration("Child", n, Integer.class).await();
            return "ok " + doubled;
          } catch (TaskFailedException e) {
            return "child failed: " + e.details().errorType() + ": " + e.details().errorMessage();
          }
        })
        .orchestration("Sleeper", (OrchestrationContext ctx, Void in) ->
            ctx.waitForExternalEvent("never", String.class).await())
        .orchestration("Tree", (OrchestrationContext ctx, Void in) ->
            ctx.callSubOrchestration("Sleeper", null, SubOrchestrationOptions.withInstanceId("leaf"),
                String.class).await());
  }

  @Test
  void subOrchestration_returnsItsOutputToTheParent() {
    Cairn cairn = start(SubOrchestrationTest::registrations);

    String id = cairn.client().start("Parent", 21);

    assertThat(cairn.client().waitForCompletion(id, WAIT).outputAs(String.class)).isEqualTo("ok 42");
  }

  @Test
  void failingSubOrchestration_propagatesItsFailureDetailsToTheParent() {
    Cairn cairn = start(SubOrchestrationTest::registrations);

    String id = cairn.client().start("Parent", -1);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.outputAs(String.class))
        .isEqualTo("child failed: " + OrderRejected.class.getName() + ": negative quantity -1");
  }

  @Test
  void recursiveTermination_terminatesRunningChildren() {
    Cairn cairn = start(SubOrchestrationTest::registrations);
    String id = cairn.client().start("Tree", null);
    org.awaitility.Awaitility.await().atMost(WAIT).until(() -> cairn.client().getStatus("leaf")
        .map(s -> s.runtimeStatus() == RuntimeStatus.RUNNING).orElse(false));

    cairn.client().terminate(id, "operator stop", true);

    assertThat(cairn.client().waitForCompletion(id, WAIT).runtimeStatus()).isEqualTo(RuntimeStatus.TERMINATED);
    InstanceStatus leaf = cairn.client().waitForCompletion("leaf", WAIT);
    assertThat(leaf.runtimeStatus()).isEqualTo(RuntimeStatus.TERMINATED);
    assertThat(leaf.parentInstanceId()).isEqualTo(id);
  }
}
