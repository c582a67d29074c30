package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.entity.EntityContext;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.TaskFailedException;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.OperationRequest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** SPEC 8 claim 15: duplicates apply once; a failing operation rolls back its state change and its signals. */
class EntityExactlyOnceTest extends EngineTestBase {

  private static Object counter(EntityContext ctx) {
    int value = ctx.getState(Integer.class, 0);
    switch (ctx.operation()) {
      case "add" -> ctx.setState(value + ctx.getInput(Integer.class));
      case "addThenFail" -> {
        ctx.setState(value + ctx.getInput(Integer.class));
        ctx.signalEntity(EntityId.of("Counter", "audit"), "add", 1);
        throw new IllegalStateException("refused after changing state");
      }
      case "addAndAudit" -> {
        ctx.setState(value + ctx.getInput(Integer.class));
        ctx.signalEntity(EntityId.of("Counter", "audit"), "add", 1);
      }
      case "get" -> {
        return value;
      }
      default -> throw new IllegalArgumentException(ctx.operation());
    }
    return null;
  }

  @Test
  void requestsDeliveredTwice_areAppliedOnce() {
    DuplicatingStore duplicating = new DuplicatingStore(store(), body ->
        body instanceof OperationRequest op && op.operation().startsWith("add"));
    Cairn cairn = Cairn.builder().store(duplicating).instanceCacheSize(mode.cacheSize())
        .entity("Counter", EntityExactlyOnceTest::counter)
        .orchestration("Adder", (OrchestrationContext ctx, Void in) -> {
          EntityId counter = EntityId.of("Counter", "c");
          ctx.signalEntity(counter, "add", 10);
          ctx.callEntity(counter, "addAndAudit", 100).await();
          return ctx.callEntity(counter, "get", null, Integer.class).await();
        })
        .start();
    try {
      cairn.client().signalEntity(EntityId.of("Counter", "c"), "add", 1);
      String id = cairn.client().start("Adder", null);

      assertThat(cairn.client().waitForCompletion(id, WAIT).outputAs(Integer.class)).isEqualTo(111);
      Awaitility.await().atMost(WAIT).until(() -> cairn.client().getEntity(EntityId.of("Counter", "audit"))
          .isPresent());
      assertThat(duplicating.duplicated.get()).isGreaterThanOrEqualTo(4);
      assertThat(cairn.client().getEntity(EntityId.of("Counter", "audit")).orElseThrow().stateAs(Integer.class))
          .isEqualTo(1);
    } finally {
      cairn.close();
    }
  }

  @Test
  void failingOperation_rollsBackItsStateChangeAndItsSignals_andTheRestOfTheBatchGoesOn() throws Exception {
    Cairn cairn = start(b -> b
        .entity("Counter", EntityExactlyOnceTest::counter)
        .orchestration("Failer", (OrchestrationContext ctx, Void in) -> {
          EntityId counter = EntityId.of("Counter", "r");
          var first = ctx.callEntity(counter, "add", 5);
          var failing = ctx.callEntity(counter, "addThenFail", 1_000);
          var after = ctx.callEntity(counter, "add", 7);
          first.await();
          after.await();
          try {
            failing.await();
            return "no failure";
          } catch (TaskFailedException e) {
            return e.details().errorMessage() + " / " + ctx.callEntity(counter, "get", null, Integer.class).await();
          }
        }));

    String id = cairn.client().start("Failer", null);

    assertThat(cairn.client().waitForCompletion(id, WAIT).outputAs(String.class))
        .isEqualTo("refused after changing state / 12");
    Thread.sleep(300);
    assertThat(cairn.client().getEntity(EntityId.of("Counter", "audit"))).isEmpty();
  }

  @Test
  void scheduledSignal_isNotProcessedBeforeItsTime() {
    var clock = useManualClock();
    Cairn cairn = start(b -> b.entity("Counter", EntityExactlyOnceTest::counter));
    EntityId counter = EntityId.of("Counter", "later");

    cairn.client().signalEntity(counter, "add", 1);
    cairn.client().signalEntity(counter, "add", 100, clock.instant().plus(Duration.ofHours(2)));
    cairn.client().signalEntity(counter, "add", 10);
    Awaitility.await().atMost(WAIT).until(() -> cairn.client().getEntity(counter)
        .map(e -> e.stateAs(Integer.class)).orElse(0) == 11);
    clock.advance(Duration.ofHours(1));
    Awaitility.await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> cairn.client().getEntity(counter)
        .map(e -> e.stateAs(Integer.class)).orElse(0) == 11);

    clock.advance(Duration.ofHours(1));
    Awaitility.await().atMost(WAIT).until(() -> cairn.client().getEntity(counter)
        .map(e -> e.stateAs(Integer.class)).orElse(0) == 111);
  }
}
