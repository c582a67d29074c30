package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.postgres.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two real {@code cairn serve --store postgres} processes on one database: instances started through either finish
 * and can be read through either; after one is killed ({@code kill -9}), the other takes its partitions over once
 * their leases run out and finishes everything, including what was in flight.
 */
class ClusterIT {
  private static final String OUTPUT = "[\"Hello Tokyo!\",\"Hello Seattle!\",\"Hello London!\"]";

  @TempDir
  Path directory;

  private final String schema = TestDatabase.newSchema();
  private final List<ServerProcess> servers = new ArrayList<>();

  @BeforeAll
  static void needsPostgres() {
    TestDatabase.assume();
  }

  @AfterEach
  void stopAndDrop() throws Exception {
    for (ServerProcess server : servers) {
      server.close();
    }
    TestDatabase.drop(schema);
  }

  private ServerProcess worker(String id) throws Exception {
    ServerProcess server = ServerProcess.start(directory.resolve(id), "--store", "postgres", "--postgres-url",
        TestDatabase.URL, "--schema", schema, "--worker-id", id, "--lease", "2s");
    servers.add(server);
    return server;
  }

  private static void start(ServerProcess through, String id) throws Exception {
    assertThat(through.post("/runtime/webhooks/durabletask/orchestrators/HelloCities/" + id, null).statusCode())
        .isEqualTo(202);
  }

  private static boolean completed(ServerProcess through, String id) throws Exception {
    String body = through.get("/runtime/webhooks/durabletask/instances/" + id).body();
    return body.contains("\"runtimeStatus\":\"Completed\"") && body.contains(OUTPUT);
  }

  private static void awaitCompleted(ServerProcess through, List<String> ids, Duration within) {
    Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> {
      for (String id : ids) {
        if (!completed(through, id)) {
          return false;
        }
      }
      return true;
    });
  }

  @Test
  void twoServersShareOneDatabase_andWhenOneIsKilled_theOtherFinishesEverything() throws Exception {
    ServerProcess first = worker("w1");
    ServerProcess second = worker("w2");
    assertThat(first.log()).contains("PostgreSQL", "schema " + schema, "worker w1");

    List<String> before = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = "before-" + i;
      start(i % 2 == 0 ? first : second, id);
      before.add(id);
    }
    awaitCompleted(first, before, Duration.ofSeconds(30));
    awaitCompleted(second, before, Duration.ofSeconds(30));

    List<String> during = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = "during-" + i;
      start(first, id);
      during.add(id);
    }
    first.kill();
    servers.remove(first);
    List<String> after = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = "after-" + i;
      start(second, id);
      after.add(id);
    }
    awaitCompleted(second, during, Duration.ofSeconds(30));
    awaitCompleted(second, after, Duration.ofSeconds(30));

    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
      JsonNode cluster = HttpApi.JSON.readTree(second.get("/api/cluster").body());
      return cluster.get("workers").size() == 1 && cluster.get("workers").get(0).get("id").asString().equals("w2")
          && cluster.get("scale").get("partitionsWithoutOwner").asInt() == 0;
    });
  }
}
