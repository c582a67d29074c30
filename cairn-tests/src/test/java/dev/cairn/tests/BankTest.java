package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.entity.EntityId;
import dev.cairn.runtime.Cairn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The bank example (SPEC 4.2) and SPEC 8 claim 20: money is conserved and never overdrawn. */
class BankTest extends EngineTestBase {
  private final Bank bank = new Bank();

  private static EntityId account(int i) {
    return EntityId.of("Account", "acct-" + i);
  }

  private void fund(Cairn cairn, int accounts, int each) {
    for (int i = 0; i < accounts; i++) {
      cairn.client().signalEntity(account(i), "deposit", each);
    }
    Awaitility.await().atMost(WAIT).until(() -> total(cairn, accounts) == (long) accounts * each);
  }

  private static long total(Cairn cairn, int accounts) {
    long sum = 0;
    for (int i = 0; i < accounts; i++) {
      sum += cairn.client().getEntity(account(i)).map(e -> e.stateAs(Integer.class)).orElse(0);
    }
    return sum;
  }

  @Test
  void transfer_movesMoney_whenTheBalanceSuffices_andRefusesOtherwise() {
    Cairn cairn = start(bank::register);
    fund(cairn, 2, 100);

    String ok = cairn.client().start("TransferFunds", new Bank.Transfer("acct-0", "acct-1", 60));
    assertThat(cairn.client().waitForCompletion(ok, WAIT).outputAs(Boolean.class)).isTrue();
    String tooMuch = cairn.client().start("TransferFunds", new Bank.Transfer("acct-0", "acct-1", 60));
    assertThat(cairn.client().waitForCompletion(tooMuch, WAIT).outputAs(Boolean.class)).isFalse();
    assertThat(cairn.client().getEntity(account(0)).orElseThrow().stateAs(Integer.class)).isEqualTo(40);
    assertThat(cairn.client().getEntity(account(1)).orElseThrow().stateAs(Integer.class)).isEqualTo(160);
  }

  @Test
  void twoHundredConcurrentTransfers_bothDirections_withFailuresAndTerminations_conserveMoney() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Cairn cairn = start(bank::register);
    fund(cairn, 20, 1_000);

    List<String> ids = new ArrayList<>();
    List<String> paused = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int from = random.nextInt(20);
      int to = (from + 1 + random.nextInt(19)) % 20;
      boolean fail = random.nextInt(10) == 0;
      boolean pause = !fail && random.nextInt(20) == 0;
      String id = cairn.client().start("TransferFunds", new Bank.Transfer(
          "acct-" + from, "acct-" + to, 1 + random.nextInt(700), fail, pause));
      ids.add(id);
      if (pause) {
        paused.add(id);
      }
    }
    // Paused transfers wait inside their critical sections (possibly one behind another): terminate each
    // as soon as it is inside.
    List<String> toTerminate = new ArrayList<>(paused);
    Awaitility.await().atMost(WAIT.multipliedBy(2)).pollInterval(java.time.Duration.ofMillis(20)).until(() -> {
      toTerminate.removeIf(id -> {
        if ("\"inside\"".equals(cairn.client().getStatus(id).orElseThrow().customStatus())) {
          cairn.client().terminate(id, "terminated inside the critical section");
          return true;
        }
        return false;
      });
      return toTerminate.isEmpty();
    });
    int moved = 0;
    for (String id : ids) {
      InstanceStatus status = cairn.client().waitForCompletion(id, WAIT.multipliedBy(2));
      assertThat(status.runtimeStatus()).as("seed %d: %s", seed, status).isIn(
          RuntimeStatus.COMPLETED, RuntimeStatus.FAILED, RuntimeStatus.TERMINATED);
      if (status.runtimeStatus() == RuntimeStatus.COMPLETED && status.outputAs(Boolean.class)) {
        moved++;
      }
    }

    assertThat(total(cairn, 20)).as("seed %d", seed).isEqualTo(20_000);
    assertThat(bank.negativeBalancesSeen.get()).as("seed %d", seed).isZero();
    assertThat(bank.overdraftsRefused.get()).as("seed %d", seed).isZero();
    awaitNoLocks();
    assertThat(moved).as("seed %d", seed).isPositive();
  }

  @Test
  void transfersUnderCrashes_conserveMoney_andNeverOverdraw() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Cairn first = start(bank::register);
    fund(first, 10, 500);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      int from = random.nextInt(10);
      int to = (from + 1 + random.nextInt(9)) % 10;
      ids.add(first.client().start("TransferFunds",
          new Bank.Transfer("acct-" + from, "acct-" + to, 1 + random.nextInt(400))));
    }

    Cairn current = first;
    for (int crash = 0; crash < 3; crash++) {
      sleepQuietly(20 + random.nextInt(60));
      crash(current);
      current = start(bank::register);
    }
    for (String id : ids) {
      assertThat(current.client().waitForCompletion(id, WAIT.multipliedBy(2)).runtimeStatus())
          .as("seed %d", seed).isEqualTo(RuntimeStatus.COMPLETED);
    }

    assertThat(total(current, 10)).as("seed %d", seed).isEqualTo(5_000);
    assertThat(bank.negativeBalancesSeen.get()).as("seed %d", seed).isZero();
    awaitNoLocks();
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
