package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.entity.EntityContext;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.CriticalSectionViolationException;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.orchestration.Task;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.UnlockRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** SPEC 8 claims 18, 19, 21 and 22: critical sections. */
class CriticalSectionTest extends EngineTestBase {
  private static final EntityId A = EntityId.of("Log", "a");
  private static final EntityId B = EntityId.of("Log", "b");
  private static final EntityId C = EntityId.of("Log", "c");

  /** An entity that appends each operation's input to a list. */
  @SuppressWarnings("unchecked")
  static Object log(EntityContext ctx) {
    List<String> entries = new ArrayList<>(ctx.getState(List.class, List.of()));
    if (ctx.operation().equals("append")) {
      entries.add(ctx.getInput(String.class));
      ctx.setState(entries);
    }
    return entries.size();
  }

  private Cairn.Builder registrations(Cairn.Builder b) {
    return b
        .entity("Log", CriticalSectionTest::log)
        .orchestration("LockBoth", (OrchestrationContext ctx, List<String> keys) -> {
          EntityId first = EntityId.of("Log", keys.get(0));
          EntityId second = EntityId.of("Log", keys.get(1));
          try (var section = ctx.lock(first, second)) {
            ctx.callEntity(first, "append", ctx.instanceId()).await();
            ctx.callEntity(second, "append", ctx.instanceId()).await();
          }
          return "done";
        })
        .orchestration("HoldA", (OrchestrationContext ctx, Void in) -> {
          try (var section = ctx.lock(A)) {
            ctx.setCustomStatus("holding");
            ctx.waitForExternalEvent("release", Void.class).await();
            ctx.callEntity(A, "append", "holder").await();
          }
          return "released";
        })
        .orchestration("AppendA", (OrchestrationContext ctx, String text) ->
            ctx.callEntity(A, "append", text, Integer.class).await());
  }

  @Test
  void opposingLockOrders_neverDeadlock_andAllFinish() {
    Cairn cairn = start(this::registrations);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(cairn.client().start("LockBoth", List.of("a", "b")));
      ids.add(cairn.client().start("LockBoth", List.of("b", "a")));
    }

    for (String id : ids) {
      assertThat(cairn.client().waitForCompletion(id, WAIT).runtimeStatus()).isEqualTo(RuntimeStatus.COMPLETED);
    }
    assertThat(cairn.client().getEntity(A).orElseThrow().stateAs(List.class)).hasSize(40);
    awaitNoLocks();
  }

  @Test
  void whileLocked_othersWait_theHoldersOperationsRunFirst_thenTheOthersInOrder() {
    Cairn cairn = start(this::registrations);
    String holder = cairn.client().start("HoldA", null);
    Awaitility.await().atMost(WAIT).until(() -> "\"holding\"".equals(
        cairn.client().getStatus(holder).orElseThrow().customStatus()));

    cairn.client().signalEntity(A, "append", "client-1");
    String other = cairn.client().start("AppendA", "orchestration");
    Awaitility.await().atMost(WAIT).until(() -> store().getEntity(A).orElseThrow().backlog() == 2);
    cairn.client().signalEntity(A, "append", "client-2");
    Awaitility.await().during(Duration.ofMillis(300)).atMost(WAIT)
        .until(() -> cairn.client().getEntity(A).isEmpty());
    assertThat(store().getEntity(A).orElseThrow().backlog()).isEqualTo(3);

    cairn.client().raiseEvent(holder, "release", null);
    cairn.client().waitForCompletion(holder, WAIT);
    cairn.client().waitForCompletion(other, WAIT);
    Awaitility.await().atMost(WAIT).until(() ->
        cairn.client().getEntity(A).map(e -> e.stateAs(List.class).size()).orElse(0) == 4);

    assertThat(cairn.client().getEntity(A).orElseThrow().stateAs(List.class))
        .containsExactly("holder", "client-1", "orchestration", "client-2");
  }

  @Test
  void everyRuleViolation_failsAtTheCallSite_withTheRuleAndTheEntity() {
    Cairn cairn = start(b -> registrations(b)
        .orchestration("Child", (OrchestrationContext ctx, Void in) -> "child")
        .orchestration("Breaker", (OrchestrationContext ctx, Void in) -> {
          List<String> rules = new ArrayList<>();
          try (var section = ctx.lock(A, B)) {
            attempt(rules, () -> ctx.callEntity(C, "append", "x"));
            Task<Integer> inFlight = ctx.callEntity(A, "append", "first", Integer.class);
            attempt(rules, () -> ctx.callEntity(A, "append", "second"));
            inFlight.await();
            attempt(rules, () -> ctx.signalEntity(B, "append", "signal"));
            attempt(rules, () -> ctx.callSubOrchestration("Child", null, String.class));
            attempt(rules, () -> ctx.lock(C));
            attempt(rules, () -> ctx.continueAsNew(null));
            ctx.allOf(ctx.callEntity(A, "append", "parallel-a"), ctx.callEntity(B, "append", "parallel-b")).await();
          }
          return rules;
        }));

    String id = cairn.client().start("Breaker", null);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.runtimeStatus()).as("%s", status.failure()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(status.outputAs(List.class)).containsExactly(
        "call-unlocked-entity @Log@c",
        "parallel-call-same-entity @Log@a",
        "signal-locked-entity @Log@b",
        "sub-orchestration-in-critical-section null",
        "nested-critical-section null",
        "continue-as-new-in-critical-section null");
    assertThat(cairn.client().getEntity(A).orElseThrow().stateAs(List.class))
        .containsExactly("first", "parallel-a");
    assertThat(cairn.client().getEntity(B).orElseThrow().stateAs(List.class)).containsExactly("parallel-b");
    awaitNoLocks();
  }

  private static void attempt(List<String> rules, Runnable action) {
    try {
      action.run();
      rules.add("allowed");
    } catch (CriticalSectionViolationException e) {
      rules.add(e.rule() + " " + e.entityId());
    }
  }

  @Test
  void locksAreReleased_onCompletionWithoutClose_onFailure_andOnContinueAsNewRefusal() {
    Cairn cairn = start(b -> registrations(b)
        .orchestration("Forgetful", (OrchestrationContext ctx, Void in) -> {
          ctx.lock(A, B);
          return ctx.callEntity(A, "append", "forgot to close", Integer.class).await();
        })
        .orchestration("Crashes", (OrchestrationContext ctx, Void in) -> {
          try (var section = ctx.lock(A)) {
            throw new IllegalStateException("boom inside the section");
          }
        })
        .orchestration("Continues", (OrchestrationContext ctx, Integer n) -> {
          ctx.lock(A);
          ctx.continueAsNew(n + 1);
          return null;
        }));

    for (String name : List.of("Forgetful", "Crashes", "Continues")) {
      String id = cairn.client().start(name, name.equals("Continues") ? 0 : null);
      cairn.client().waitForCompletion(id, WAIT);
      String next = cairn.client().start("AppendA", "after " + name);
      assertThat(cairn.client().waitForCompletion(next, WAIT).runtimeStatus()).isEqualTo(RuntimeStatus.COMPLETED);
    }
    awaitNoLocks();
  }

  @Test
  void locksAreReleased_whenTheHolderIsTerminated() {
    Cairn cairn = start(this::registrations);
    String holder = cairn.client().start("HoldA", null);
    Awaitility.await().atMost(WAIT).until(() -> "\"holding\"".equals(
        cairn.client().getStatus(holder).orElseThrow().customStatus()));
    String waiting = cairn.client().start("AppendA", "waiting");

    cairn.client().terminate(holder, "stop");

    assertThat(cairn.client().waitForCompletion(waiting, WAIT).runtimeStatus()).isEqualTo(RuntimeStatus.COMPLETED);
    awaitNoLocks();
  }

  @Test
  void locksSurviveACrash_andAreReleasedAfterRecovery() {
    Cairn first = start(this::registrations);
    String holder = first.client().start("HoldA", null);
    Awaitility.await().atMost(WAIT).until(() -> "\"holding\"".equals(
        first.client().getStatus(holder).orElseThrow().customStatus()));
    crash(first);
    assertThat(store().lockedEntities()).extracting(e -> e.id()).containsExactly(A);

    Cairn second = start(this::registrations);
    String waiting = second.client().start("AppendA", "after crash");
    second.client().raiseEvent(holder, "release", null);

    assertThat(second.client().waitForCompletion(holder, WAIT).runtimeStatus()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(second.client().waitForCompletion(waiting, WAIT).runtimeStatus()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(second.client().getEntity(A).orElseThrow().stateAs(List.class))
        .containsExactly("holder", "after crash");
    awaitNoLocks();
  }

  @Test
  void orphanedLock_isReleasedByTheClientsCleanUp_whileTheRuntimeRuns() {
    DroppingStore dropping = new DroppingStore(store(), body -> body instanceof UnlockRequest);
    Cairn lossy = Cairn.builder().store(dropping).instanceCacheSize(mode.cacheSize())
        .entity("Log", CriticalSectionTest::log)
        .orchestration("LockAndGo", (OrchestrationContext ctx, Void in) -> {
          try (var section = ctx.lock(A, B)) {
            return ctx.callEntity(A, "append", "locker", Integer.class).await();
          }
        })
        .orchestration("AppendA", (OrchestrationContext ctx, String text) ->
            ctx.callEntity(A, "append", text, Integer.class).await())
        .start();
    try {
      String id = lossy.client().start("LockAndGo", null);
      lossy.client().waitForCompletion(id, WAIT);
      assertThat(store().lockedEntities()).hasSize(2);
      dropping.dropping.set(false);

      assertThat(lossy.client().cleanEntityStorage(false, true).orphanedLocksReleased()).isEqualTo(2);
      String after = lossy.client().start("AppendA", "after clean-up");

      assertThat(lossy.client().waitForCompletion(after, WAIT).runtimeStatus()).isEqualTo(RuntimeStatus.COMPLETED);
      awaitNoLocks();
    } finally {
      lossy.close();
    }
  }

  @Test
  void orphanedLock_whoseReleaseWasLost_isReleasedByTheOrphanCheck() {
    DroppingStore dropping = new DroppingStore(store(), body -> body instanceof UnlockRequest);
    Cairn lossy = Cairn.builder().store(dropping).instanceCacheSize(mode.cacheSize()).entity("Log", CriticalSectionTest::log)
        .orchestration("LockAndGo", (OrchestrationContext ctx, Void in) -> {
          try (var section = ctx.lock(A)) {
            return ctx.callEntity(A, "append", "locker", Integer.class).await();
          }
        }).start();
    String id = lossy.client().start("LockAndGo", null);
    lossy.client().waitForCompletion(id, WAIT);
    lossy.close();
    assertThat(store().lockedEntities()).extracting(e -> e.lockedBy()).containsExactly(id);

    Cairn recovered = start(this::registrations);
    String after = recovered.client().start("AppendA", "after orphan check");

    assertThat(recovered.client().waitForCompletion(after, WAIT).runtimeStatus()).isEqualTo(RuntimeStatus.COMPLETED);
    awaitNoLocks();
  }
}
