package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import dev.cairn.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SPEC 8 claim 23: a timer never fires early, and timers survive restarts. */
class TimerTest extends EngineTestBase {

  private static Cairn.Builder sleeper(Cairn.Builder b) {
    return b.orchestration("Sleeper", (OrchestrationContext ctx, Long days) -> {
      Instant started = ctx.currentTime();
      ctx.createTimer(Duration.ofDays(days)).await();
      return Duration.between(started, ctx.currentTime()).toDays();
    });
  }

  @Test
  void thirtyDayTimer_doesNotFireEarly_andFiresWhenDue() throws Exception {
    ManualClock clock = useManualClock();
    Cairn cairn = start(TimerTest::sleeper);
    String id = cairn.client().start("Sleeper", 30L);
    cairn.client().waitForStart(id, WAIT);

    clock.advance(Duration.ofDays(30).minusSeconds(1));
    Thread.sleep(300);
    assertThat(cairn.client().getStatus(id).orElseThrow().runtimeStatus()).isEqualTo(RuntimeStatus.RUNNING);

    clock.advance(Duration.ofSeconds(1));
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);
    assertThat(status.outputAs(Long.class)).isEqualTo(30L);
  }

  @Test
  void timer_survivesARestart_andFiresWhenDueAfterIt() {
    ManualClock clock = useManualClock();
    Cairn first = start(TimerTest::sleeper);
    String id = first.client().start("Sleeper", 2L);
    first.client().waitForStart(id, WAIT);
    crash(first);

    clock.advance(Duration.ofDays(3));
    Cairn second = start(TimerTest::sleeper);
    InstanceStatus status = second.client().waitForCompletion(id, WAIT);

    assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(status.outputAs(Long.class)).isEqualTo(3L);
  }

  @Test
  void realTimeTimer_firesNoEarlierThanDue() {
    Cairn cairn = start(b -> b.orchestration("Wait", (OrchestrationContext ctx, Void in) -> {
      Instant due = ctx.currentTime().plusMillis(300);
      ctx.createTimer(due).await();
      return !ctx.currentTime().isBefore(due);
    }));
    long startedAt = System.nanoTime();

    String id = cairn.client().start("Wait", null);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.outputAs(Boolean.class)).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }
}
