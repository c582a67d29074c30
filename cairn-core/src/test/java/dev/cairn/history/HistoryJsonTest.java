package dev.cairn.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.RuntimeStatus;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.FailureDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryJsonTest {
  private static final Instant T = Instant.parse("2030-01-02T03:04:05.123456789Z");
  private static final List<EntityId> LOCKS = List.of(EntityId.of("Account", "a"), EntityId.of("Account", "b"));

  /** One event of every type, so that a new type without a JSON name fails here. */
  static List<HistoryEvent> everyEventType() {
    FailureDetails failure = new FailureDetails("x.Y", "bad", "\tat here\n", FailureDetails.of("x.Z", "root"), true);
    return List.of(
        new ExecutionStarted(0, T, "Flow", "exec-1", "{\"a\":1.50}", new ParentInstance("p", "pe", 3, "Parent"), T),
        new ExecutionCompleted(1, T, RuntimeStatus.FAILED, null, failure),
        new ExecutionTerminated(2, T, "stop", true),
        new ExecutionSuspended(3, T, "pause"),
        new ExecutionResumed(4, T, "go"),
        new OrchestratorStarted(5, T),
        new OrchestratorCompleted(6, T),
        new TaskScheduled(7, T, 1, "SayHello", "\"Tokyo\"", 2, Duration.ofSeconds(5)),
        new TaskCompleted(8, T, 1, "[1,2,3]"),
        new TaskFailed(9, T, 1, failure),
        new SubOrchestrationInstanceCreated(10, T, 2, "Child", "child-1", null),
        new SubOrchestrationInstanceCompleted(11, T, 2, "true"),
        new SubOrchestrationInstanceFailed(12, T, 2, failure),
        new TimerCreated(13, T, 3, T),
        new TimerFired(14, T, 3, T),
        new EventRaised(15, T, "Approval", "{\"by\":\"alice\"}"),
        new EventSent(16, T, 4, "other", "Ping", "0"),
        new ContinueAsNew(17, T, "42", true),
        new EntityOperationCalled(18, T, 5, "req-5", LOCKS.get(0), "balance", null, "lock-1"),
        new EntityOperationSignaled(19, T, 6, "req-6", LOCKS.get(1), "deposit", "10", T),
        new EntityOperationCompleted(20, T, "req-5", "100"),
        new EntityOperationFailed(21, T, "req-5", failure),
        new EntityLockRequested(22, T, 7, "lock-1", LOCKS),
        new EntityLockGranted(23, T, "lock-1", LOCKS),
        new EntityUnlockSent(24, T, 8, "lock-1", LOCKS));
  }

  @Test
  void everyEventType_survivesAJsonRoundTrip_withPayloadsKeptVerbatim() {
    List<HistoryEvent> history = everyEventType();

    String json = HistoryJson.write(history);
    List<HistoryEvent> read = HistoryJson.read(json);

    assertThat(read).isEqualTo(history);
    assertThat(json).contains("\"input\":{\"a\":1.50}", "\"type\":\"EntityLockGranted\"");
    assertThat(HistoryJson.write(read)).isEqualTo(json);
  }

  @Test
  void withEventId_renumbersAndKeepsEverythingElse() {
    for (HistoryEvent event : everyEventType()) {
      HistoryEvent renumbered = event.withEventId(99);
      assertThat(renumbered.eventId()).isEqualTo(99);
      assertThat(renumbered.withEventId(event.eventId())).isEqualTo(event);
    }
  }
}
