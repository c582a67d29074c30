package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.activity.ActivityContext;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SPEC 8 claim 9: orchestration time and UUIDs are the same on every replay.
 *
 * <p>A value is generated afresh whenever code runs past the end of the recorded history (not replaying); an
 * episode that a crash cuts off before its commit is simply run again, so its values may change. What must
 * hold is that every replay returns the value of the latest fresh run, which is the one that was committed.
 */
class DeterministicValuesTest extends EngineTestBase {

  @Test
  void timeAndUuids_areTheSameOnEveryReplay_alsoAfterARestart() {
    Map<String, Object> firstSeen = new ConcurrentHashMap<>();
    List<String> mismatches = new CopyOnWriteArrayList<>();
    AtomicInteger replayedValues = new AtomicInteger();
    Cairn first = start(b -> registrations(b, firstSeen, mismatches, replayedValues));
    String id = first.client().start("Values", null);
    first.client().waitForStart(id, WAIT);
    first.client().raiseEvent(id, "next", 1);
    crash(first);
    Cairn second = start(b -> registrations(b, firstSeen, mismatches, replayedValues));
    second.client().raiseEvent(id, "next", 2);
    InstanceStatus status = second.client().waitForCompletion(id, WAIT);

    assertThat(status.runtimeStatus()).as("%s", status.failure()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(mismatches).isEmpty();
    assertThat(replayedValues).as("values checked on replay after the restart").hasValueGreaterThanOrEqualTo(2);
    assertThat(firstSeen).containsKeys("time0", "uuid0", "time1", "uuid1", "time2", "uuid2");
    assertThat(firstSeen.get("uuid0")).isNotEqualTo(firstSeen.get("uuid1"));
  }

  private static Cairn.Builder registrations(
      Cairn.Builder b, Map<String, Object> firstSeen, List<String> mismatches, AtomicInteger replayedValues) {
    return b
        .activity("Echo", (ActivityContext ctx, Integer i) -> i)
        .orchestration("Values", (OrchestrationContext ctx, Void in) -> {
          for (int step = 0; step < 3; step++) {
            record(ctx, firstSeen, mismatches, replayedValues, "time" + step, ctx.currentTime());
            record(ctx, firstSeen, mismatches, replayedValues, "uuid" + step, ctx.newUuid());
            if (step < 2) {
              ctx.waitForExternalEvent("next", Integer.class).await();
              ctx.callActivity("Echo", step, Integer.class).await();
            }
          }
          return "done";
        });
  }

  private static void record(
      OrchestrationContext ctx,
      Map<String, Object> firstSeen,
      List<String> mismatches,
      AtomicInteger replayedValues,
      String key,
      Object value) {
    if (!ctx.isReplaying()) {
      firstSeen.put(key, value);
    } else {
      replayedValues.incrementAndGet();
      Object fresh = firstSeen.get(key);
      if (!value.equals(fresh)) {
        mismatches.add(key + ": generated " + fresh + ", replayed " + value);
      }
    }
    assertThat(value).isInstanceOfAny(Instant.class, UUID.class);
  }
}
