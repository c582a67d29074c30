package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.activity.ActivityContext;
import dev.cairn.client.InstancePage;
import dev.cairn.client.InstanceQuery;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.PurgeFilter;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.client.StartOptions;
import dev.cairn.failure.InstanceFinishedException;
import dev.cairn.failure.InstanceNotFoundException;
import dev.cairn.failure.InvalidRequestException;
import dev.cairn.failure.WaitTimeoutException;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The client's management operations (SPEC 6). */
class ClientManagementTest extends EngineTestBase {

  private static Cairn.Builder registrations(Cairn.Builder b) {
    return b
        .activity("Echo", (ActivityContext ctx, String s) -> s)
        .orchestration("Waiter", (OrchestrationContext ctx, String label) -> {
          ctx.setCustomStatus(java.util.Map.of("stage", "waiting", "label", label == null ? "" : label));
          String reply = ctx.waitForExternalEvent("reply", String.class).await();
          ctx.setCustomStatus(java.util.Map.of("stage", "done"));
          return ctx.callActivity("Echo", reply, String.class).await();
        })
        .orchestration("Quick", (OrchestrationContext ctx, Integer n) -> n);
  }

  @Test
  void status_showsNameInputCustomStatusTimesAndHistory() {
    Cairn cairn = start(ClientManagementTest::registrations);
    String id = cairn.client().start("Waiter", "first");
    cairn.client().waitForStart(id, WAIT);

    InstanceStatus status = org.awaitility.Awaitility.await().atMost(WAIT)
        .until(() -> cairn.client().getStatus(id, true).orElseThrow(), s -> s.customStatus() != null);

    assertThat(status.name()).isEqualTo("Waiter");
    assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.RUNNING);
    assertThat(status.input()).isEqualTo("\"first\"");
    assertThat(status.customStatus()).isEqualTo("{\"label\":\"first\",\"stage\":\"waiting\"}");
    assertThat(status.createdAt()).isNotNull();
    assertThat(status.lastUpdatedAt()).isAfterOrEqualTo(status.createdAt());
    assertThat(status.history()).isNotEmpty();
    assertThat(cairn.client().getStatus(id).orElseThrow().history()).isNull();
  }

  @Test
  void suspend_keepsEvents_andResumeProcessesThem() {
    Cairn cairn = start(ClientManagementTest::registrations);
    String id = cairn.client().start("Waiter", null);
    cairn.client().waitForStart(id, WAIT);

    cairn.client().suspend(id, "maintenance");
    org.awaitility.Awaitility.await().atMost(WAIT).until(() ->
        cairn.client().getStatus(id).orElseThrow().runtimeStatus() == RuntimeStatus.SUSPENDED);
    cairn.client().raiseEvent(id, "reply", "kept");
    assertThatThrownBy(() -> cairn.client().waitForCompletion(id, Duration.ofMillis(300)))
        .isInstanceOf(WaitTimeoutException.class);
    cairn.client().resume(id, "done");

    assertThat(cairn.client().waitForCompletion(id, WAIT).outputAs(String.class)).isEqualTo("kept");
  }

  @Test
  void terminate_endsTheInstance_andTerminatingAgainIsRefusedAsFinished() {
    Cairn cairn = start(ClientManagementTest::registrations);
    String id = cairn.client().start("Waiter", null);
    cairn.client().waitForStart(id, WAIT);

    cairn.client().terminate(id, "no longer needed");
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.TERMINATED);
    assertThat(status.output()).isEqualTo("\"no longer needed\"");
    assertThatThrownBy(() -> cairn.client().terminate(id, "again")).isInstanceOf(InstanceFinishedException.class);
    assertThatThrownBy(() -> cairn.client().terminate("ghost", "x")).isInstanceOf(InstanceNotFoundException.class);
  }

  @Test
  void restart_runsTheOrchestrationAgainWithItsInput_underTheSameOrANewId() {
    Cairn cairn = start(ClientManagementTest::registrations);
    String id = cairn.client().start("Quick", 7, StartOptions.withId("quick-1"));
    cairn.client().waitForCompletion(id, WAIT);

    String sameId = cairn.client().restart(id, false);
    String newId = cairn.client().restart(id, true);

    assertThat(sameId).isEqualTo("quick-1");
    assertThat(newId).isNotEqualTo("quick-1");
    assertThat(cairn.client().waitForCompletion(sameId, WAIT).outputAs(Integer.class)).isEqualTo(7);
    assertThat(cairn.client().waitForCompletion(newId, WAIT).outputAs(Integer.class)).isEqualTo(7);
  }

  @Test
  void purge_deletesFinishedInstances_refusesRunningOnes() {
    Cairn cairn = start(ClientManagementTest::registrations);
    String running = cairn.client().start("Waiter", null);
    String done = cairn.client().start("Quick", 1);
    String other = cairn.client().start("Quick", 2);
    cairn.client().waitForCompletion(done, WAIT);
    cairn.client().waitForCompletion(other, WAIT);
    cairn.client().waitForStart(running, WAIT);

    assertThatThrownBy(() -> cairn.client().purge(running))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("only finished instances");
    assertThat(cairn.client().purge(done)).isTrue();
    assertThat(cairn.client().purge(done)).isFalse();
    assertThat(cairn.client().getStatus(done)).isEmpty();
    assertThat(cairn.client().purge(PurgeFilter.allFinished())).isEqualTo(1);
    assertThat(cairn.client().getStatus(other)).isEmpty();
    assertThat(cairn.client().getStatus(running)).isPresent();
  }

  @Test
  void query_filtersByStatusNameAndPrefix_andPagesWithoutDuplicatesUnderConcurrentWrites() {
    Cairn cairn = start(ClientManagementTest::registrations);
    for (int i = 0; i < 25; i++) {
      cairn.client().start("Quick", i, StartOptions.withId(String.format("batch-%02d", i)));
    }
    cairn.client().start("Waiter", null, StartOptions.withId("waiting-1"));
    for (int i = 0; i < 25; i++) {
      cairn.client().waitForCompletion(String.format("batch-%02d", i), WAIT);
    }

    Set<String> seen = new HashSet<>();
    InstanceQuery query = InstanceQuery.all().withInstanceIdPrefix("batch-").withPageSize(10);
    int pages = 0;
    String token = null;
    do {
      InstancePage page = cairn.client().query(query.withContinuationToken(token));
      for (InstanceStatus status : page.instances()) {
        assertThat(seen.add(status.instanceId())).as("listed twice: %s", status.instanceId()).isTrue();
      }
      cairn.client().start("Quick", 0);
      token = page.continuationToken();
      pages++;
    } while (token != null);

    assertThat(seen).hasSize(25);
    assertThat(pages).isEqualTo(3);
    assertThat(cairn.client().query(InstanceQuery.all().withStatuses(Set.of(RuntimeStatus.RUNNING))
        .withName("Waiter")).instances()).extracting(InstanceStatus::instanceId).containsExactly("waiting-1");
  }

  @Test
  void waitForCompletion_ofAMissingInstance_isNotFound() {
    Cairn cairn = start(ClientManagementTest::registrations);

    assertThatThrownBy(() -> cairn.client().waitForCompletion("missing", Duration.ofSeconds(1)))
        .isInstanceOf(InstanceNotFoundException.class);
    assertThat(List.of(cairn)).hasSize(1);
  }
}
