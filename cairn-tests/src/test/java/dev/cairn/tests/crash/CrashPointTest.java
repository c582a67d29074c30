package dev.cairn.tests.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import dev.cairn.testing.FaultInjectingStore;
import dev.cairn.testing.InMemoryStore;
import dev.cairn.tests.Contention;
import dev.cairn.tests.ExecutionMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crash-point enumeration (SPEC 8 claims 3 and 5): for k = 1, 2, ... the store fails its k-th operation, before
 * or after applying it, and every operation after that, as if the process died right there. A new runtime on
 * the same store then finishes the scenario, and the outcome must be exactly the fault-free one. The loop ends
 * when a run completes without reaching the fault. In contention mode ({@link Contention}) the runtimes also
 * pause at random and their store rejects commits at random.
 */
@ExtendWith(Contention.class)
class CrashPointTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  static Stream<Arguments> scenarios() {
    List<Arguments> all = new ArrayList<>();
    for (CrashScenario scenario : CrashScenario.values()) {
      for (ExecutionMode mode : ExecutionMode.values()) {
        all.add(Arguments.of(scenario, mode));
      }
    }
    return all.stream();
  }

  private static Cairn runtime(Store store, ExecutionMode mode) {
    return Contention.apply(CrashScenario.register(Cairn.builder()), store).instanceCacheSize(mode.cacheSize())
        .shutdownTimeout(Duration.ofSeconds(2)).start();
  }

  private static String faultFreeOutcome(CrashScenario scenario, ExecutionMode mode) {
    InMemoryStore store = InMemoryStore.create(2, java.time.InstantSource.system());
    Cairn cairn = runtime(store, mode);
    try {
      scenario.drive(cairn.client());
      Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(2)).until(() -> scenario.done(cairn.client()));
      awaitSettled(cairn, store);
      return scenario.outcome(cairn.client(), store);
    } finally {
      cairn.close();
    }
  }

  private static void awaitSettled(Cairn cairn, Store store) {
    Awaitility.await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
        .until(() -> store.lockedEntities().isEmpty());
  }

  @ParameterizedTest(name = "{0} in {1} mode")
  @MethodSource("scenarios")
  void everyCrashPoint_recoversToTheFaultFreeOutcome(CrashScenario scenario, ExecutionMode mode) {
    String expected = faultFreeOutcome(scenario, mode);
    int crashPoints = 0;
    for (FaultInjectingStore.Mode where : FaultInjectingStore.Mode.values()) {
      for (int k = 1; ; k++) {
        InMemoryStore durable = InMemoryStore.create(2, java.time.InstantSource.system());
        FaultInjectingStore faulty = new FaultInjectingStore(durable, k, where);
        Cairn doomed = runtime(faulty, mode);
        try {
          scenario.drive(doomed.client());
          Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(2))
              .until(() -> faulty.fired() || scenario.done(doomed.client()));
        } catch (RuntimeException e) {
          assertThat(faulty.fired()).as("k=%d %s: %s", k, where, e).isTrue();
        }
        if (!faulty.fired()) {
          doomed.close();
          durable.close();
          break;
        }
        crashPoints++;
        doomed.halt();
        Cairn recovered = runtime(durable.reopen(), mode);
        try {
          scenario.drive(recovered.client());
          Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(2))
              .until(() -> scenario.done(recovered.client()));
          awaitSettled(recovered, durable);
          assertThat(scenario.outcome(recovered.client(), durable))
              .as("crash at store operation %d (%s)", k, where).isEqualTo(expected);
        } finally {
          recovered.close();
          durable.close();
        }
      }
    }
    assertThat(crashPoints).isGreaterThan(5);
  }
}
