package dev.cairn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.entity.EntityId;
import dev.cairn.runtime.Cairn;
import dev.cairn.testing.InMemoryStore;
import dev.cairn.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Each bundled example, with the names and JSON shapes scripts rely on, in both execution modes. */
@ParameterizedClass(name = "instance cache {0}")
@ValueSource(ints = {10_000, 0})
class ExamplesTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Parameter
  int cacheSize;

  private final ManualClock clock = ManualClock.startingNow();
  private Cairn cairn;

  private Cairn start() {
    cairn = new ExamplesApplication().registerAll(Cairn.builder())
        .store(InMemoryStore.create(4, clock)).clock(clock).instanceCacheSize(cacheSize).start();
    return cairn;
  }

  @AfterEach
  void stop() {
    cairn.close();
  }

  private InstanceStatus run(String name, Object input) {
    String id = cairn.client().start(name, input);
    return cairn.client().waitForCompletion(id, WAIT);
  }

  @Test
  void helloCities_greetsThreeCitiesInOrder() {
    start();

    assertThat(run("HelloCities", null).output())
        .isEqualTo("[\"Hello Tokyo!\",\"Hello Seattle!\",\"Hello London!\"]");
  }

  @Test
  void fanOutFanIn_sumsOneToN() {
    start();

    assertThat(run("FanOutFanIn", 100).output()).isEqualTo("5050");
    assertThat(run("FanOutFanIn", -1).runtimeStatus()).isEqualTo(RuntimeStatus.FAILED);
  }

  @Test
  void approvalWorkflow_approvedInTime_orEscalatedAfterTheTimeout() {
    start();
    String approved = cairn.client().start("ApprovalWorkflow", new ApprovalWorkflow.Input(60));
    String escalated = cairn.client().start("ApprovalWorkflow", new ApprovalWorkflow.Input(60));
    cairn.client().waitForStart(approved, WAIT);
    cairn.client().waitForStart(escalated, WAIT);

    cairn.client().raiseEvent(approved, "Approval", "ok");
    assertThat(cairn.client().waitForCompletion(approved, WAIT).output()).isEqualTo("\"approved\"");
    clock.advance(Duration.ofSeconds(61));
    assertThat(cairn.client().waitForCompletion(escalated, WAIT).output()).isEqualTo("\"escalated\"");
  }

  @Test
  void monitor_checksKTimesOnATimer_continuingAsNew() throws Exception {
    start();
    String id = cairn.client().start("Monitor", new Monitor.Input(10, 3, 0));
    Instant deadline = Instant.now().plus(WAIT);
    while (!cairn.client().getStatus(id).orElseThrow().isTerminal() && Instant.now().isBefore(deadline)) {
      clock.advance(Duration.ofSeconds(10));
      Thread.sleep(20);
    }

    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);
    assertThat(status.output()).isEqualTo("3");
    assertThat(cairn.client().getStatus(id, true).orElseThrow().history()).hasSizeLessThan(10);
  }

  @Test
  void transferFunds_movesMoneyWhenTheBalanceSuffices() throws Exception {
    start();
    cairn.client().signalEntity(EntityId.of("Account", "alice"), "deposit", 100);
    awaitState(EntityId.of("Account", "alice"), "100");

    assertThat(run("TransferFunds", new Bank.Transfer("alice", "bob", 30)).output()).isEqualTo("true");
    assertThat(run("TransferFunds", new Bank.Transfer("alice", "bob", 500)).output()).isEqualTo("false");
    awaitState(EntityId.of("Account", "bob"), "30");
    assertThat(cairn.client().getEntity(EntityId.of("Account", "alice")).orElseThrow().state()).isEqualTo("70");
  }

  @Test
  void counter_addsResetsAndDeletes() throws Exception {
    start();
    EntityId counter = EntityId.of("Counter", "c");

    cairn.client().signalEntity(counter, "add", 5);
    cairn.client().signalEntity(counter, "add", 2);
    awaitState(counter, "7");
    cairn.client().signalEntity(counter, "reset", null);
    awaitState(counter, "0");
    cairn.client().signalEntity(counter, "delete", null);
    awaitState(counter, null);
  }

  private void awaitState(EntityId id, String expected) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      Optional<String> state = cairn.client().getEntity(id).map(e -> e.state());
      if (java.util.Objects.equals(state.orElse(null), expected)) {
        return;
      }
      Thread.sleep(10);
    }
    assertThat(cairn.client().getEntity(id).map(e -> e.state()).orElse(null)).isEqualTo(expected);
  }
}
