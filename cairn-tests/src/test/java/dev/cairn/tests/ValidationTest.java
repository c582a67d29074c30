package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.activity.ActivityContext;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.client.StartOptions;
import dev.cairn.failure.InvalidRequestException;
import dev.cairn.failure.PayloadTooLargeException;
import dev.cairn.failure.UnknownFunctionException;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import org.junit.jupiter.api.Test;

/** SPEC 7: bad input is refused at the boundary with an error that says what and how to fix it. */
class ValidationTest extends EngineTestBase {

  private static Cairn.Builder registrations(Cairn.Builder b) {
    return b
        .maxPayloadChars(2_048)
        .activity("Echo", (ActivityContext ctx, String s) -> s)
        .activity("Big", (ActivityContext ctx, Integer n) -> "x".repeat(n))
        .orchestration("CallsUnknown", (OrchestrationContext ctx, Void in) ->
            ctx.callActivity("NoSuchActivity", null, String.class).await())
        .orchestration("CallsBig", (OrchestrationContext ctx, Integer n) ->
            ctx.callActivity("Big", n, String.class).await())
        .orchestration("Echo", (OrchestrationContext ctx, String s) -> s);
  }

  @Test
  void unknownOrchestrationName_isRefused_listingTheRegisteredNames() {
    Cairn cairn = start(ValidationTest::registrations);

    assertThatThrownBy(() -> cairn.client().start("Ech0", null))
        .isInstanceOf(UnknownFunctionException.class)
        .hasMessageContaining("No orchestration named 'Ech0'")
        .hasMessageContaining("CallsBig, CallsUnknown, Echo");
  }

  @Test
  void unknownActivityName_failsTheCallWithTheRegisteredNames() {
    Cairn cairn = start(ValidationTest::registrations);

    String id = cairn.client().start("CallsUnknown", null);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.FAILED);
    assertThat(status.failure().cause().errorMessage())
        .contains("No activity named 'NoSuchActivity'", "Registered activities: Big, Echo");
  }

  @Test
  void badInstanceIds_areRefusedBeforeAnythingIsStored() {
    Cairn cairn = start(ValidationTest::registrations);

    assertThatThrownBy(() -> cairn.client().start("Echo", "x", StartOptions.withId("")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> cairn.client().start("Echo", "x", StartOptions.withId("a".repeat(257))))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("257 characters");
    assertThatThrownBy(() -> cairn.client().start("Echo", "x", StartOptions.withId("bad\nid")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("control character");
    assertThatThrownBy(() -> cairn.client().start("Echo", "x", StartOptions.withId("@Account@x")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("reserved for entity ids");
    assertThat(cairn.client().query(dev.cairn.client.InstanceQuery.all()).instances()).isEmpty();
  }

  @Test
  void oversizedPayloads_areRefusedAtTheBoundary_andOversizedResultsFailTheTask() {
    Cairn cairn = start(ValidationTest::registrations);

    assertThatThrownBy(() -> cairn.client().start("Echo", "y".repeat(5_000)))
        .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("limit of 2048");
    String id = cairn.client().start("CallsBig", 5_000);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.FAILED);
    assertThat(status.failure().cause().errorType()).isEqualTo(PayloadTooLargeException.class.getName());
  }

  @Test
  void inputOfTheWrongShape_failsTheInstanceWithAClearReason() {
    Cairn cairn = start(b -> b.orchestration("Typed", (OrchestrationContext ctx, Integer n) -> n + 1));

    String id = cairn.client().start("Typed", java.util.Map.of("not", "a number"));
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.FAILED);
    assertThat(status.failure().errorMessage()).contains("Cannot read JSON as java.lang.Integer");
  }
}
