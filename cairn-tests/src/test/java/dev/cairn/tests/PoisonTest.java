package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.DeadLetter;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.client.StartOptions;
import dev.cairn.entity.EntityContext;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.TaskFailedException;
import dev.cairn.history.EventRaised;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.Message;
import dev.cairn.store.MessageBatch;
import dev.cairn.store.OrchestrationMessage;
import dev.cairn.store.Store;
import dev.cairn.store.UndecodableMessage;
import dev.cairn.testing.ForwardingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** SPEC 8 claim 26: a poison message is parked after a bounded number of attempts; its instance fails. */
class PoisonTest extends EngineTestBase {

  @Test
  void entityOperationThatCrashesEveryTime_isParked_itsCallerFails_andOthersGoOn() {
    AtomicInteger attempts = new AtomicInteger();
    Cairn cairn = start(b -> b
        .poisonThreshold(4)
        .entity("Fragile", (EntityContext ctx) -> {
          if (ctx.operation().equals("explode")) {
            attempts.incrementAndGet();
            throw new AssertionError("simulated crash of the unit of work");
          }
          ctx.setState(ctx.getState(Integer.class, 0) + 1);
          return ctx.getState(Integer.class);
        })
        .orchestration("Caller", (OrchestrationContext ctx, Void in) -> {
          EntityId fragile = EntityId.of("Fragile", "f");
          try {
            ctx.callEntity(fragile, "explode", null).await();
            return "no failure";
          } catch (TaskFailedException e) {
            return e.details().errorType() + " / " + ctx.callEntity(fragile, "count", null, Integer.class).await();
          }
        }));

    String id = cairn.client().start("Caller", null);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.outputAs(String.class)).isEqualTo("dev.cairn.PoisonMessage / 1");
    // Four attempts reached the store; one whose commit the store rejected (contention mode) ran once more.
    assertThat(attempts.get()).isBetween(4, 4 + Contention.rejectedCommits());
    List<DeadLetter> parked = cairn.client().deadLetters(10);
    assertThat(parked).hasSize(1);
    assertThat(parked.get(0).target()).isEqualTo("@Fragile@f");
    assertThat(parked.get(0).attempts()).isEqualTo(4);
    assertThat(parked.get(0).reason()).contains("simulated crash");
  }

  @Test
  void orchestrationCodeThatThrowsAnErrorEveryTime_isParked_andTheInstanceFailsWithAReason() {
    Cairn cairn = start(b -> b
        .poisonThreshold(3)
        .orchestration("Broken", (OrchestrationContext ctx, Void in) -> {
          throw new StackOverflowError("simulated");
        })
        .orchestration("Fine", (OrchestrationContext ctx, Void in) -> "fine"));

    String broken = cairn.client().start("Broken", null);
    String fine = cairn.client().start("Fine", null);
    InstanceStatus status = cairn.client().waitForCompletion(broken, WAIT);

    assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.FAILED);
    assertThat(status.failure().errorType()).isEqualTo("dev.cairn.PoisonMessage");
    assertThat(status.failure().errorMessage()).contains("failed 3 times", "dead letters", "StackOverflowError");
    assertThat(cairn.client().deadLetters(10)).extracting(DeadLetter::target).containsExactly(broken);
    assertThat(cairn.client().waitForCompletion(fine, WAIT).outputAs(String.class)).isEqualTo("fine");
  }

  @Test
  void messageThatCannotBeDecoded_isParkedAfterTheThreshold_andItsInstanceFails() {
    Store corrupting = new ForwardingStore(store()) {
      @Override
      public MessageBatch fetchMessages(int partition, Instant now, int max, Set<Long> exclude) {
        MessageBatch batch = super.fetchMessages(partition, now, max, exclude);
        return new MessageBatch(batch.messages().stream().map(m -> m.target().equals("corrupt")
                && m.body() instanceof OrchestrationMessage sent && sent.event() instanceof EventRaised
            ? new Message(m.id(), m.partition(), m.target(), new UndecodableMessage("{garbage", "bad JSON"),
                m.visibleAt(), m.failedAttempts())
            : m).toList(), batch.nextDueAt());
      }
    };
    Cairn cairn = Cairn.builder().store(corrupting).instanceCacheSize(mode.cacheSize()).poisonThreshold(5)
        .orchestration("Waits", (OrchestrationContext ctx, Void in) ->
            ctx.waitForExternalEvent("never", String.class).await())
        .start();
    try {
      cairn.client().start("Waits", null, StartOptions.withId("corrupt"));
      cairn.client().waitForStart("corrupt", WAIT);
      cairn.client().raiseEvent("corrupt", "never", "now");
      InstanceStatus status = cairn.client().waitForCompletion("corrupt", WAIT);

      assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.FAILED);
      assertThat(status.failure().errorMessage()).contains("failed 5 times", "cannot be decoded");
      Awaitility.await().atMost(WAIT).until(() -> !cairn.client().deadLetters(10).isEmpty());
      assertThat(cairn.client().deadLetters(10).get(0).reason()).contains("bad JSON");
    } finally {
      cairn.close();
    }
  }

  @Test
  void signalsAfterAnEntityBatchCrashed_waitForTheCrashedOnes_andNoneIsLost() throws InterruptedException {
    EntityId recorder = EntityId.of("Recorder", "crash-once");
    String sender = instanceOnAnotherPartition("crash-sender", recorder.toString());
    AtomicBoolean crashed = new AtomicBoolean();
    CountDownLatch crashing = new CountDownLatch(1);
    Cairn cairn = start(b -> b
        .entity("Recorder", (EntityContext ctx) -> {
          int number = ctx.getInput(Integer.class);
          if (number == 2 && crashed.compareAndSet(false, true)) {
            crashing.countDown();
            throw new AssertionError("simulated crash of the unit of work");
          }
          List<Integer> applied = new ArrayList<>(List.of(ctx.getState(Integer[].class, new Integer[0])));
          applied.add(number);
          ctx.setState(applied.toArray(Integer[]::new));
          return null;
        })
        .orchestration("Sender", (OrchestrationContext ctx, Void in) -> {
          for (int i = 1; i <= 5; i++) {
            ctx.signalEntity(recorder, "number", i);
          }
          ctx.waitForExternalEvent("go", Void.class).await();
          for (int i = 6; i <= 10; i++) {
            ctx.signalEntity(recorder, "number", i);
          }
          return null;
        }));

    cairn.client().start("Sender", null, StartOptions.withId(sender));
    assertThat(crashing.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the entity's batch crashed").isTrue();
    // The sender's later signals are handed to the entity's partition while the crashed ones wait to run again.
    cairn.client().raiseEvent(sender, "go", null);

    Integer[] applied = Awaitility.await().atMost(WAIT)
        .until(() -> cairn.client().getEntity(recorder).map(e -> e.stateAs(Integer[].class)).orElse(null),
            numbers -> numbers != null && List.of(numbers).contains(10));
    assertThat(applied).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }
}
