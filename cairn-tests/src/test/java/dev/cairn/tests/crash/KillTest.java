package dev.cairn.tests.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.RuntimeStatus;
import dev.cairn.entity.EntityId;
import dev.cairn.jdbc.JdbcStore;
import dev.cairn.sqlite.SqliteStore;
import dev.cairn.store.EntityRecord;
import dev.cairn.store.InstanceRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 8 claim 3 with a real process: a child JVM runs the workload on a SQLite file and is killed with
 * {@code kill -9} at random moments, at least 10 times, 0.5 to 3 s apart, and restarted each time; then it is
 * let finish. Every instance must have the fault-free output, every activity result must be counted exactly once
 * on the counter entities, money must be conserved, no lock held, and the file must pass an integrity check.
 */
class KillTest {
  @TempDir
  Path directory;

  private Process launch(Path database, Path runsLog, Path output) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), KillWorkload.class.getName(),
        database.toString(), runsLog.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
        .start();
  }

  @Test
  void killedAtRandomMomentsAndRestarted_everythingFinishesExactlyAsWithoutKills() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Path database = directory.resolve("cairn.db");
    Path runsLog = directory.resolve("runs.log");
    Path output = directory.resolve("child.log");
    int kills = 0;
    for (int i = 0; i < 12; i++) {
      Process child = launch(database, runsLog, output);
      boolean exited = child.waitFor(500 + random.nextInt(2_500), TimeUnit.MILLISECONDS);
      if (exited) {
        assertThat(child.exitValue()).as("seed %d, see %s", seed, output).isZero();
        break;
      }
      child.destroyForcibly();
      child.waitFor();
      kills++;
    }
    Process last = launch(database, runsLog, output);
    assertThat(last.waitFor(4, TimeUnit.MINUTES)).as("seed %d: the last run did not finish", seed).isTrue();
    assertThat(last.exitValue()).as("seed %d, see %s", seed, output).isZero();

    assertThat(kills).as("seed %d: the workload finished before 10 kills", seed).isGreaterThanOrEqualTo(10);
    verify(database, runsLog, seed, kills);
  }

  private void verify(Path database, Path runsLog, long seed, int kills) throws Exception {
    try (JdbcStore store = SqliteStore.open(database)) {
      for (int n = 0; n < KillWorkload.JOBS; n++) {
        InstanceRecord job = store.getInstance("job-" + n).orElseThrow();
        assertThat(job.status()).as("seed %d job %d", seed, n).isEqualTo(RuntimeStatus.COMPLETED);
        assertThat(job.output()).as("seed %d job %d", seed, n).isEqualTo(String.valueOf(KillWorkload.expectedOutput(n)));
      }
      int counted = 0;
      for (int c = 0; c < 20; c++) {
        counted += store.getEntity(EntityId.of("Counter", "c" + c)).map(e -> Integer.parseInt(e.state())).orElse(0);
      }
      assertThat(counted).as("seed %d: activity results counted on the counters", seed)
          .isEqualTo(KillWorkload.JOBS * 10);
      int money = 0;
      for (int a = 0; a < KillWorkload.ACCOUNTS; a++) {
        EntityRecord account = store.getEntity(EntityId.of("Account", "a" + a)).orElseThrow();
        assertThat(Integer.parseInt(account.state())).as("seed %d", seed).isNotNegative();
        money += Integer.parseInt(account.state());
      }
      assertThat(money).as("seed %d: money", seed).isEqualTo(KillWorkload.ACCOUNTS * KillWorkload.OPENING_BALANCE);
      for (int i = 0; i < KillWorkload.TRANSFERS; i++) {
        assertThat(store.getInstance("transfer-" + i).orElseThrow().status()).isEqualTo(RuntimeStatus.COMPLETED);
      }
      assertThat(store.lockedEntities()).as("seed %d: locks still held", seed).isEmpty();
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
      rows.next();
      assertThat(rows.getString(1)).isEqualTo("ok");
    }
    List<String> runs = Files.readAllLines(runsLog);
    Map<String, Long> perLabel = runs.stream().filter(l -> !l.isBlank())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    long repeated = perLabel.values().stream().filter(count -> count > 1).count();
    assertThat(perLabel).hasSize(KillWorkload.JOBS * 10);
    System.out.printf("Kill test (seed %d): %d kills; %d activities, %d of them ran more than once (%d runs in all)%n",
        seed, kills, perLabel.size(), repeated, runs.size());
  }
}
