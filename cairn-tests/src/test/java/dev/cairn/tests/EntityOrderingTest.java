package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.entity.EntityContext;
import dev.cairn.entity.EntityId;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** SPEC 8 claim 14: operations of one entity never overlap, and each sender's operations run in order. */
class EntityOrderingTest extends EngineTestBase {

  /** State of the recorder: the last sequence number seen per sender, and what broke the order. */
  public record Seen(Map<String, Integer> last, int count, List<String> violations) {}

  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger overlaps = new AtomicInteger();

  private Object recorder(EntityContext ctx) throws InterruptedException {
    if (running.incrementAndGet() > 1) {
      overlaps.incrementAndGet();
    }
    try {
      Seen seen = ctx.getState(Seen.class, new Seen(Map.of(), 0, List.of()));
      if (ctx.operation().equals("get")) {
        return seen;
      }
      String sender = ctx.operation();
      int number = ctx.getInput(Integer.class);
      Map<String, Integer> last = new TreeMap<>(seen.last());
      List<String> violations = new ArrayList<>(seen.violations());
      int expected = last.getOrDefault(sender, 0) + 1;
      if (number != expected && violations.size() < 20) {
        violations.add(sender + " sent " + number + " after " + (expected - 1));
      }
      last.put(sender, number);
      if (number % 250 == 0) {
        Thread.sleep(2);
      }
      ctx.setState(new Seen(last, seen.count() + 1, violations));
      return number;
    } finally {
      running.decrementAndGet();
    }
  }

  @Test
  void tenSenders_thousandNumberedSignalsEach_arriveInOrderWithoutGapsOrDuplicates() {
    EntityId target = EntityId.of("Recorder", "one");
    Cairn cairn = start(b -> b
        .entity("Recorder", this::recorder)
        .orchestration("Sender", (OrchestrationContext ctx, String name) -> {
          for (int i = 1; i <= 1_000; i++) {
            ctx.signalEntity(target, name, i);
            if (i % 100 == 0) {
              ctx.createTimer(Duration.ZERO).await();
            }
          }
          return null;
        }));

    for (int s = 0; s < 10; s++) {
      cairn.client().start("Sender", "sender-" + s);
    }
    Seen seen = Awaitility.await().atMost(WAIT.multipliedBy(2)).pollInterval(Duration.ofMillis(50))
        .until(() -> cairn.client().getEntity(target).map(e -> e.stateAs(Seen.class)).orElse(null),
            s -> s != null && s.count() >= 10_000);

    assertThat(seen.count()).isEqualTo(10_000);
    assertThat(seen.violations()).isEmpty();
    assertThat(seen.last()).hasSize(10).allSatisfy((sender, last) -> assertThat(last).isEqualTo(1_000));
    assertThat(overlaps.get()).isZero();
  }

  @Test
  void signalsAndCallsMixed_fromOneOrchestration_runInTheOrderSent() {
    EntityId target = EntityId.of("Recorder", "mixed");
    Cairn cairn = start(b -> b
        .entity("Recorder", this::recorder)
        .orchestration("Mixed", (OrchestrationContext ctx, Void in) -> {
          ctx.signalEntity(target, "x", 1);
          var call2 = ctx.callEntity(target, "x", 2, Integer.class);
          ctx.signalEntity(target, "x", 3);
          var call4 = ctx.callEntity(target, "x", 4, Integer.class);
          ctx.signalEntity(target, "x", 5);
          int sum = call2.await() + call4.await();
          ctx.signalEntity(target, "x", 6);
          return sum + ctx.callEntity(target, "x", 7, Integer.class).await();
        }));

    String id = cairn.client().start("Mixed", null);

    assertThat(cairn.client().waitForCompletion(id, WAIT).outputAs(Integer.class)).isEqualTo(13);
    Seen seen = cairn.client().getEntity(target).orElseThrow().stateAs(Seen.class);
    assertThat(seen.violations()).isEmpty();
    assertThat(seen.count()).isEqualTo(7);
  }

  @Test
  void clientSignalsFromConcurrentThreads_areAllAppliedOnce_andInOrderPerThread() throws Exception {
    EntityId target = EntityId.of("Recorder", "threads");
    Cairn cairn = start(b -> b.entity("Recorder", this::recorder));

    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      String sender = "thread-" + t;
      threads.add(Thread.ofVirtual().start(() -> {
        for (int i = 1; i <= 200; i++) {
          cairn.client().signalEntity(target, sender, i);
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    Seen seen = Awaitility.await().atMost(WAIT)
        .until(() -> cairn.client().getEntity(target).map(e -> e.stateAs(Seen.class)).orElse(null),
            s -> s != null && s.count() >= 1_600);

    assertThat(seen.count()).isEqualTo(1_600);
    assertThat(seen.violations()).isEmpty();
    assertThat(overlaps.get()).isZero();
  }
}
