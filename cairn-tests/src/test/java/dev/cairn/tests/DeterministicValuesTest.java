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
import org.junit.jupiter.api.Test;

/** SPEC 8 claim 9: orchestration time and UUIDs are the same on every replay. */
class DeterministicValuesTest extends EngineTestBase {

  @Test
  void timeAndUuids_areTheSameOnEveryReplay_alsoAfterARestart() {
    Map<String, Object> firstSeen = new ConcurrentHashMap<>();
    List<String> mismatches = new CopyOnWriteArrayList<>();
    Cairn first = start(b -> registrations(b, firstSeen, mismatches));
    String id = first.client().start("Values", null);
    first.client().waitForStart(id, WAIT);
    first.client().raiseEvent(id, "next", 1);
    crash(first);
    Cairn second = start(b -> registrations(b, firstSeen, mismatches));
    second.client().raiseEvent(id, "next", 2);
    InstanceStatus status = second.client().waitForCompletion(id, WAIT);

    assertThat(status.runtimeStatus()).as("%s", status.failure()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(mismatches).isEmpty();
    assertThat(firstSeen).containsKeys("time0", "uuid0", "time1", "uuid1", "time2", "uuid2");
    assertThat(firstSeen.get("uuid0")).isNotEqualTo(firstSeen.get("uuid1"));
  }

  private static Cairn.Builder registrations(
      Cairn.Builder b, Map<String, Object> firstSeen, List<String> mismatches) {
    return b
        .activity("Echo", (ActivityContext ctx, Integer i) -> i)
        .orchestration("Values", (OrchestrationContext ctx, Void in) -> {
          for (int step = 0; step < 3; step++) {
            record(ctx, firstSeen, mismatches, "time" + step, ctx.currentTime());
            record(ctx, firstSeen, mismatches, "uuid" + step, ctx.newUuid());
            if (step < 2) {
              ctx.waitForExternalEvent("next", Integer.class).await();
              ctx.callActivity("Echo", step, Integer.class).await();
            }
          }
          return "done";
        });
  }

  private static void record(
      OrchestrationContext ctx, Map<String, Object> firstSeen, List<String> mismatches, String key, Object value) {
    Object previous = firstSeen.putIfAbsent(key, value);
    if (previous != null && !previous.equals(value)) {
      mismatches.add(key + ": first " + previous + ", replay " + value + " (replaying=" + ctx.isReplaying() + ")");
    }
    assertThat(value).isInstanceOfAny(Instant.class, UUID.class);
  }
}
