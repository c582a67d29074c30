package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SPEC 7: an orchestration stuck in user code past the watchdog limit fails with a clear reason. */
class WatchdogTest extends EngineTestBase {

  @Test
  void orchestrationBlockingInUserCode_isFailedByTheWatchdog_andOthersGoOn() {
    Cairn cairn = start(b -> b
        .orchestrationWatchdog(Duration.ofMillis(300))
        .orchestration("Stuck", (OrchestrationContext ctx, Void in) -> {
          Thread.sleep(60_000);
          return "never";
        })
        .orchestration("Fine", (OrchestrationContext ctx, Void in) -> "fine"));

    String stuck = cairn.client().start("Stuck", null);
    InstanceStatus status = cairn.client().waitForCompletion(stuck, WAIT);
    String fine = cairn.client().start("Fine", null);

    assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.FAILED);
    assertThat(status.failure().errorMessage()).contains("'Stuck'", "PT0.3S", "must not block", "activity");
    assertThat(cairn.client().waitForCompletion(fine, WAIT).outputAs(String.class)).isEqualTo("fine");
  }
}
