package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.RuntimeStatus;
import dev.cairn.entity.EntityId;
import dev.cairn.postgres.TestDatabase;
import dev.cairn.store.ClusterSnapshot;
import dev.cairn.store.InstanceRecord;
import dev.cairn.store.PartitionState;
import dev.cairn.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real {@code cairn serve} processes on one PostgreSQL schema under mixed load (orchestrations, fan-outs,
 * entity signals, bank transfers through critical sections), sent through whichever workers are up: one is killed
 * ({@code kill -9}), one is paused past its lease ({@code SIGSTOP}) and resumed, a fourth joins, one stops
 * gracefully. After each fault every instance finishes with its fault-free output, the counter is exact, money is
 * conserved, no lock is held, no activity task is left over, and the partitions are spread fairly over the live
 * workers. The load follows a seed, printed on failure ({@code -Dcairn.seed=...} replays its choices).
 */
class ClusterFaultsIT {
  private static final String HELLO = "[\"Hello Tokyo!\",\"Hello Seattle!\",\"Hello London!\"]";
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int ACCOUNTS = 5;
  private static final int OPENING_BALANCE = 1_000;
  private static final String BASE = "/runtime/webhooks/durabletask";

  @TempDir
  Path directory;

  private final long seed = Long.getLong("cairn.seed", System.nanoTime());
  private final Random random = new Random(seed);
  private final String schema = TestDatabase.newSchema();
  private final Map<String, ServerProcess> up = new LinkedHashMap<>();
  private final List<ServerProcess> started = new ArrayList<>();
  /** Each instance started, and its expected output (null: any boolean, a transfer's). */
  private final Map<String, String> expected = new LinkedHashMap<>();
  private Store observer;
  private int signals;
  private int rounds;

  @BeforeAll
  static void needsPostgres() {
    TestDatabase.assume();
  }

  @BeforeEach
  void openObserver() {
    observer = TestDatabase.open(schema);
  }

  @AfterEach
  void stopAndDrop() throws Exception {
    for (ServerProcess server : started) {
      server.resume();
      server.close();
    }
    observer.close();
    TestDatabase.drop(schema);
  }

  private void worker(String id) throws Exception {
    ServerProcess server = ServerProcess.start(directory.resolve(id), "--store", "postgres", "--postgres-url",
        TestDatabase.URL, "--schema", schema, "--worker-id", id, "--lease", LEASE.toSeconds() + "s");
    started.add(server);
    up.put(id, server);
  }

  /** A worker that is up, chosen by the seed. */
  private ServerProcess any() {
    List<ServerProcess> live = new ArrayList<>(up.values());
    return live.get(random.nextInt(live.size()));
  }

  /** Sends one round of mixed load through the workers that are up. */
  private void load() throws Exception {
    int round = rounds++;
    for (int i = 0; i < 6; i++) {
      String id = "hello-" + round + "-" + i;
      assertThat(any().post(BASE + "/orchestrators/HelloCities/" + id, null).statusCode()).isEqualTo(202);
      expected.put(id, HELLO);
    }
    for (int i = 0; i < 3; i++) {
      String id = "fan-" + round + "-" + i;
      int n = 5 + random.nextInt(20);
      assertThat(any().post(BASE + "/orchestrators/FanOutFanIn/" + id, String.valueOf(n)).statusCode())
          .isEqualTo(202);
      expected.put(id, String.valueOf(n * (n + 1) / 2));
    }
    for (int i = 0; i < 10; i++) {
      assertThat(any().post(BASE + "/entities/Counter/shared?op=add", "1").statusCode()).isEqualTo(202);
      signals++;
    }
    for (int i = 0; i < 4; i++) {
      String id = "transfer-" + round + "-" + i;
      int from = random.nextInt(ACCOUNTS);
      int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
      String transfer = "{\"from\":\"a" + from + "\",\"to\":\"a" + to + "\",\"amount\":" + (1 + random.nextInt(300))
          + "}";
      assertThat(any().post(BASE + "/orchestrators/TransferFunds/" + id, transfer).statusCode()).isEqualTo(202);
      expected.put(id, null);
    }
  }

  /** Everything sent so far finished as it would have without faults, and the cluster is in order. */
  private void assertSettled(String after) {
    Awaitility.await(after).atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      for (Map.Entry<String, String> instance : expected.entrySet()) {
        Optional<InstanceRecord> found = observer.getInstance(instance.getKey());
        assertThat(found).as(instance.getKey()).isPresent();
        InstanceRecord row = found.get();
        assertThat(row.status()).as("%s: %s", instance.getKey(), row.failure()).isEqualTo(RuntimeStatus.COMPLETED);
        if (instance.getValue() == null) {
          assertThat(row.output()).as(instance.getKey()).isIn("true", "false");
        } else {
          assertThat(row.output()).as(instance.getKey()).isEqualTo(instance.getValue());
        }
      }
      assertThat(state(EntityId.of("Counter", "shared"))).as("the counter").isEqualTo(signals);
      int money = 0;
      for (int a = 0; a < ACCOUNTS; a++) {
        money += state(EntityId.of("Account", "a" + a));
      }
      assertThat(money).as("money in all accounts").isEqualTo(ACCOUNTS * OPENING_BALANCE);
      assertThat(observer.lockedEntities()).as("entities still locked").isEmpty();
      ClusterSnapshot cluster = observer.cluster();
      assertThat(cluster.activitiesByName()).as("activity tasks left over").isEmpty();
      assertThat(owners(cluster)).as("partitions by owner").isEqualTo(fairShare(cluster.partitions().size()));
    });
  }

  private int state(EntityId entity) {
    return observer.getEntity(entity).map(e -> Integer.parseInt(e.state())).orElse(0);
  }

  private static Map<String, Integer> owners(ClusterSnapshot cluster) {
    Map<String, Integer> owners = new TreeMap<>();
    for (PartitionState partition : cluster.partitions()) {
      owners.merge(partition.leaseLiveAt(cluster.now()) ? partition.owner() : "(none)", 1, Integer::sum);
    }
    return owners;
  }

  /** How the live workers share the partitions: the first ids by sort order take one more of what is left. */
  private Map<String, Integer> fairShare(int partitions) {
    List<String> ids = new ArrayList<>(new TreeMap<>(up).keySet());
    Map<String, Integer> shares = new TreeMap<>();
    for (int i = 0; i < ids.size(); i++) {
      shares.put(ids.get(i), partitions / ids.size() + (i < partitions % ids.size() ? 1 : 0));
    }
    return shares;
  }

  @Test
  void killedPausedAddedAndStoppedWorkers_loseNothing_andThePartitionsFollowTheLiveWorkers() throws Exception {
    try {
      run();
    } catch (AssertionError | Exception e) {
      for (ServerProcess server : started) {
        List<String> lines = server.log().lines().toList();
        System.err.println("----- the last lines of " + server.url() + "'s log -----");
        lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(System.err::println);
      }
      throw new AssertionError("Failed with -Dcairn.seed=" + seed + ": " + e.getMessage(), e);
    }
  }

  private void run() throws Exception {
    worker("w1");
    worker("w2");
    worker("w3");
    for (int a = 0; a < ACCOUNTS; a++) {
      assertThat(any().post(BASE + "/entities/Account/a" + a + "?op=deposit", String.valueOf(OPENING_BALANCE))
          .statusCode()).isEqualTo(202);
    }
    load();
    assertSettled("three workers");

    load();
    up.remove("w1").kill();
    load();
    assertSettled("w1 killed");

    load();
    ServerProcess paused = up.remove("w2");
    paused.pause();
    load();
    Thread.sleep(LEASE.multipliedBy(3).toMillis());
    load();
    paused.resume();
    up.put("w2", paused);
    load();
    assertSettled("w2 paused past its lease and resumed");

    worker("w4");
    load();
    assertSettled("w4 joined");

    load();
    ServerProcess leaving = up.remove("w3");
    leaving.stop();
    load();
    assertSettled("w3 stopped gracefully");
  }
}
