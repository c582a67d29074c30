package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.activity.ActivityContext;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.WaitTimeoutException;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.ClusterSnapshot;
import dev.cairn.store.PartitionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Several runtimes on one store share its partitions fairly: a runtime that joins gets its share from the others,
 * which hand partitions over gracefully; one that stops gracefully or crashes leaves its share to the others. Work
 * goes on meanwhile and every instance finishes with the fault-free output, and counters are exact.
 */
class RebalancingTest extends EngineTestBase {
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final EntityId COUNTER = EntityId.of("Counter", "shared");

  private Cairn worker(String id) {
    return start(b -> b.workerId(id).partitionLease(LEASE)
        .activity("SayHello", (ActivityContext ctx, String city) -> "Hello " + city + "!")
        .entity("Counter", EntityBasicsTest::counter)
        .orchestration("Greet", (OrchestrationContext ctx, String city) -> {
          String first = ctx.callActivity("SayHello", city, String.class).await();
          String second = ctx.callActivity("SayHello", first, String.class).await();
          ctx.signalEntity(COUNTER, "add", 1);
          return second;
        }));
  }

  /** The live owners and how many partitions each holds. */
  private Map<String, Integer> owners() {
    ClusterSnapshot cluster = store().cluster();
    Map<String, Integer> owners = new TreeMap<>();
    for (PartitionState partition : cluster.partitions()) {
      owners.merge(partition.leaseLiveAt(cluster.now()) ? partition.owner() : "(none)", 1, Integer::sum);
    }
    return owners;
  }

  private void awaitOwners(Map<String, Integer> expected) {
    Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> owners().equals(expected));
  }

  private List<String> startSome(Cairn through, String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(through.client().start("Greet", prefix + "-" + i));
    }
    return ids;
  }

  private void assertAllFinished(Cairn through, List<String> ids) {
    for (String id : ids) {
      InstanceStatus status;
      try {
        status = through.client().waitForCompletion(id, WAIT);
      } catch (WaitTimeoutException e) {
        throw new AssertionError(e.getMessage() + "\n" + stuck(id), e);
      }
      assertThat(status.runtimeStatus()).as("%s: %s", id, status.failure()).isEqualTo(RuntimeStatus.COMPLETED);
      assertThat(status.outputAs(String.class)).isEqualTo("Hello Hello " + status.input().replace("\"", "") + "!!");
    }
  }

  /** What an instance that did not finish was waiting for, and what the store held meanwhile. */
  private String stuck(String id) {
    StringBuilder report = new StringBuilder("Instance '" + id + "' on partition " + store().partitionOf(id) + ": ");
    report.append(store().getInstance(id).map(Object::toString).orElse("no row")).append("\nHistory:");
    store().loadHistory(id).forEach(event -> report.append("\n  ").append(event));
    ClusterSnapshot cluster = store().cluster();
    report.append("\nAt ").append(cluster.now()).append(", workers ").append(cluster.workers());
    cluster.partitions().forEach(partition -> report.append("\n  ").append(partition));
    report.append("\nActivity tasks by worker: ").append(cluster.activitiesByWorker());
    return report.toString();
  }

  @Test
  void workersThatJoinGetTheirShare_andThoseThatLeaveOrCrashHandTheirsOn_whileEveryInstanceFinishes() {
    Cairn w1 = worker("w1");
    awaitOwners(Map.of("w1", 8));
    List<String> ids = new ArrayList<>(startSome(w1, "alone", 10));

    Cairn w2 = worker("w2");
    ids.addAll(startSome(w2, "joining", 10));
    Cairn w3 = worker("w3");
    awaitOwners(Map.of("w1", 3, "w2", 3, "w3", 2));
    ids.addAll(startSome(w3, "shared", 10));
    assertAllFinished(w3, ids);

    stop(w2);
    ids.addAll(startSome(w1, "after-stop", 10));
    awaitOwners(Map.of("w1", 4, "w3", 4));

    w3.halt();
    ids.addAll(startSome(w1, "after-crash", 10));
    awaitOwners(Map.of("w1", 8));
    assertAllFinished(w1, ids);
    Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() ->
        w1.client().getEntity(COUNTER).map(e -> e.stateAs(Integer.class)).orElse(0) == ids.size());
    assertThat(w1.client().getEntity(COUNTER).orElseThrow().stateAs(Integer.class)).isEqualTo(ids.size());
  }
}
