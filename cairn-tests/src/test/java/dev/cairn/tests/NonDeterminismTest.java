package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.activity.ActivityContext;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.failure.NonDeterminismException;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import dev.cairn.runtime.NonDeterminismPolicy;
import dev.cairn.testing.HistoryBuilder;
import dev.cairn.testing.HistoryReplayer;
import dev.cairn.history.TaskCompleted;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** SPEC 8 claim 8 and SPEC 2.2: a replay that does not match the history is detected and handled. */
class NonDeterminismTest extends EngineTestBase {

  private static Cairn.Builder version1(Cairn.Builder b) {
    return b
        .activity("A", (ActivityContext ctx, String s) -> "a:" + s)
        .activity("B", (ActivityContext ctx, String s) -> "b:" + s)
        .orchestration("Flow", (OrchestrationContext ctx, Void in) -> {
          String first = ctx.callActivity("A", "1", String.class).await();
          String approval = ctx.waitForExternalEvent("approve", String.class).await();
          return first + approval;
        });
  }

  private static Cairn.Builder version2(Cairn.Builder b, NonDeterminismPolicy policy) {
    return b
        .nonDeterminismPolicy(policy)
        .activity("A", (ActivityContext ctx, String s) -> "a:" + s)
        .activity("B", (ActivityContext ctx, String s) -> "b:" + s)
        .orchestration("Flow", (OrchestrationContext ctx, Void in) -> {
          String first = ctx.callActivity("B", "1", String.class).await();
          String approval = ctx.waitForExternalEvent("approve", String.class).await();
          return first + approval;
        });
  }

  private Cairn startVersion1ThenDeployVersion2(String id, NonDeterminismPolicy policy) {
    Cairn old = start(NonDeterminismTest::version1);
    old.client().start("Flow", null, dev.cairn.client.StartOptions.withId(id));
    Awaitility.await().atMost(WAIT).until(() -> old.client().getStatus(id, true).orElseThrow()
        .history().stream().anyMatch(e -> e instanceof TaskCompleted));
    stop(old);
    Cairn updated = start(b -> version2(b, policy));
    updated.client().raiseEvent(id, "approve", "!");
    return updated;
  }

  private static InstanceStatus waitForStatus(Cairn cairn, String id, RuntimeStatus expected) {
    return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(20))
        .until(() -> cairn.client().getStatus(id).orElseThrow(), s -> s.runtimeStatus() == expected);
  }

  @Test
  void changedActivity_underTheFailPolicy_failsTheInstanceNamingThePosition() {
    Cairn updated = startVersion1ThenDeployVersion2("order-17", NonDeterminismPolicy.FAIL);
    InstanceStatus status = waitForStatus(updated, "order-17", RuntimeStatus.FAILED);

    assertThat(status.failure().errorType()).isEqualTo(NonDeterminismException.class.getName());
    assertThat(status.failure().errorMessage())
        .contains("'order-17'", "sequence number 0", "activity 'A'", "activity 'B'", "code change");
  }

  @Test
  void changedActivity_underTheSuspendPolicy_suspendsTheInstance_andFixedCodeResumesIt() {
    Cairn updated = startVersion1ThenDeployVersion2("order-18", NonDeterminismPolicy.SUSPEND);
    InstanceStatus suspended = waitForStatus(updated, "order-18", RuntimeStatus.SUSPENDED);
    assertThat(suspended.failure().errorMessage()).contains("sequence number 0");
    stop(updated);

    Cairn fixed = start(NonDeterminismTest::version1);
    fixed.client().resume("order-18", "fixed code deployed");
    InstanceStatus status = fixed.client().waitForCompletion("order-18", WAIT);

    assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(status.output()).isEqualTo("\"a:1!\"");
  }

  @Test
  void replayer_differentKindOfActionAtAPosition_namesThePositionAndBothActions() {
    var history = HistoryBuilder.started("Flow", null)
        .taskScheduled("A", "\"1\"")
        .nextEpisode()
        .taskCompleted(0, "\"a:1\"")
        .build();
    HistoryReplayer replayer = HistoryReplayer.builder()
        .orchestration("Flow", (OrchestrationContext ctx, Void in) -> {
          ctx.createTimer(Duration.ofMinutes(1)).await();
          return null;
        })
        .build();

    assertThatThrownBy(() -> replayer.replay(history))
        .isInstanceOf(NonDeterminismException.class)
        .hasMessageContaining("sequence number 0")
        .hasMessageContaining("activity 'A' (TaskScheduled)")
        .hasMessageContaining("a timer (TimerCreated)")
        .satisfies(e -> assertThat(((NonDeterminismException) e).sequenceNumber()).isZero());
  }

  @Test
  void replayer_extraActionInTheCode_isDetected() {
    var history = HistoryBuilder.started("Flow", null)
        .taskScheduled("A", "\"1\"")
        .nextEpisode()
        .taskCompleted(0, "\"a:1\"")
        .build();
    HistoryReplayer replayer = HistoryReplayer.builder()
        .orchestration("Flow", (OrchestrationContext ctx, Void in) -> {
          var a = ctx.callActivity("A", "1", String.class);
          var b = ctx.callActivity("B", "2", String.class);
          return a.await() + b.await();
        })
        .build();

    assertThatThrownBy(() -> replayer.replay(history))
        .isInstanceOf(NonDeterminismException.class)
        .hasMessageContaining("sequence number 1")
        .hasMessageContaining("activity 'B'");
  }

  @Test
  void replayer_matchingCode_replaysToTheRecordedState() {
    var history = HistoryBuilder.started("Flow", null)
        .taskScheduled("A", "\"1\"")
        .nextEpisode()
        .taskCompleted(0, "\"a:1\"")
        .build();
    HistoryReplayer.Result result = HistoryReplayer.builder()
        .orchestration("Flow", (OrchestrationContext ctx, Void in) -> {
          String a = ctx.callActivity("A", "1", String.class).await();
          ctx.setCustomStatus(a);
          return ctx.waitForExternalEvent("approve", String.class).await();
        })
        .build()
        .replay(history);

    assertThat(result.status()).isEqualTo(RuntimeStatus.RUNNING);
    assertThat(result.customStatus()).isEqualTo("\"a:1\"");
  }
}
