package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.activity.ActivityContext;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC 8 claim 1: a sequence of activities returns results in program order. */
class HelloCitiesTest extends EngineTestBase {

  @Test
  void sequence_ofThreeActivities_returnsResultsInProgramOrder() {
    Cairn cairn = start(b -> b
        .activity("SayHello", (ActivityContext ctx, String city) -> "Hello " + city + "!")
        .orchestration("HelloCities", (OrchestrationContext ctx, Void in) -> List.of(
            ctx.callActivity("SayHello", "Tokyo", String.class).await(),
            ctx.callActivity("SayHello", "Seattle", String.class).await(),
            ctx.callActivity("SayHello", "London", String.class).await())));

    String id = cairn.client().start("HelloCities", null);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.runtimeStatus()).as("%s", status.failure()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(status.output()).isEqualTo("[\"Hello Tokyo!\",\"Hello Seattle!\",\"Hello London!\"]");
  }
}
