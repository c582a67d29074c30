package dev.cairn.tests.crash;

import dev.cairn.activity.ActivityContext;
import dev.cairn.client.CairnClient;
import dev.cairn.client.ReusePolicy;
import dev.cairn.client.StartOptions;
import dev.cairn.entity.EntityContext;
import dev.cairn.entity.EntityId;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.orchestration.Task;
import dev.cairn.runtime.Cairn;
import dev.cairn.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The workload of the kill test, run in a child JVM on a SQLite file: 200 jobs (5 sequential activities, then a
 * fan-out of 5, every activity result also counted +1 on one of 20 counter entities) and 50 bank transfers in
 * critical sections. Every start is idempotent, so a restarted process simply carries on. It exits 0 when
 * everything has finished.
 */
public final class KillWorkload {
  static final int JOBS = 200;
  static final int ACCOUNTS = 10;
  static final int TRANSFERS = 50;
  static final int OPENING_BALANCE = 1_000;
  static final long SEED = 20261129L;

  /** A transfer between accounts. */
  public record Transfer(int from, int to, int amount) {}

  private KillWorkload() {}

  /** The value an activity returns for a label: what the expected outputs are computed from. */
  static int valueOf(String label) {
    return Math.floorMod(label.hashCode(), 1_000);
  }

  /** The expected output of job {@code n}. */
  static int expectedOutput(int n) {
    int sum = 0;
    for (int i = 0; i < 5; i++) {
      sum += valueOf("job-" + n + "-step-" + i);
    }
    for (int j = 0; j < 5; j++) {
      sum += valueOf("job-" + n + "-fan-" + j);
    }
    return sum;
  }

  static List<Transfer> transfers() {
    Random random = new Random(SEED);
    List<Transfer> transfers = new ArrayList<>();
    for (int i = 0; i < TRANSFERS; i++) {
      int from = random.nextInt(ACCOUNTS);
      transfers.add(new Transfer(from, (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS, 1 + random.nextInt(600)));
    }
    return transfers;
  }

  static Cairn.Builder register(Cairn.Builder b, Path runsLog) {
    return b
        .activity("Work", (ActivityContext ctx, String label) -> {
          append(runsLog, label);
          Thread.sleep(150);
          return valueOf(label);
        })
        .entity("Counter", (EntityContext ctx) -> {
          int value = ctx.getState(Integer.class, 0);
          if (ctx.operation().equals("add")) {
            ctx.setState(value + ctx.getInput(Integer.class));
          }
          return value;
        })
        .entity("Account", (EntityContext ctx) -> {
          int balance = ctx.getState(Integer.class, 0);
          switch (ctx.operation()) {
            case "deposit" -> ctx.setState(balance + ctx.getInput(Integer.class));
            case "withdraw" -> {
              int amount = ctx.getInput(Integer.class);
              if (amount > balance) {
                throw new IllegalStateException("overdraft");
              }
              ctx.setState(balance - amount);
            }
            default -> {
              return balance;
            }
          }
          return ctx.getState(Integer.class);
        })
        .orchestration("Job", (OrchestrationContext ctx, Integer n) -> {
          int sum = 0;
          for (int i = 0; i < 5; i++) {
            sum += ctx.callActivity("Work", "job-" + n + "-step-" + i, Integer.class).await();
            ctx.signalEntity(EntityId.of("Counter", "c" + ((n + i) % 20)), "add", 1);
          }
          List<Task<Integer>> fan = new ArrayList<>();
          for (int j = 0; j < 5; j++) {
            fan.add(ctx.callActivity("Work", "job-" + n + "-fan-" + j, Integer.class));
          }
          for (int j = 0; j < 5; j++) {
            sum += fan.get(j).await();
            ctx.signalEntity(EntityId.of("Counter", "c" + ((n + j + 5) % 20)), "add", 1);
          }
          return sum;
        })
        .orchestration("Fund", (OrchestrationContext ctx, Void in) -> {
          List<Task<Void>> deposits = new ArrayList<>();
          for (int a = 0; a < ACCOUNTS; a++) {
            deposits.add(ctx.callEntity(EntityId.of("Account", "a" + a), "deposit", OPENING_BALANCE));
          }
          ctx.allOf(deposits).await();
          return "funded";
        })
        .orchestration("Transfer", (OrchestrationContext ctx, Transfer t) -> {
          EntityId from = EntityId.of("Account", "a" + t.from());
          EntityId to = EntityId.of("Account", "a" + t.to());
          try (var section = ctx.lock(from, to)) {
            int balance = ctx.callEntity(from, "balance", null, Integer.class).await();
            if (balance < t.amount()) {
              return false;
            }
            ctx.allOf(ctx.callEntity(from, "withdraw", t.amount()), ctx.callEntity(to, "deposit", t.amount()))
                .await();
            return true;
          }
        });
  }

  private static void append(Path log, String label) throws IOException {
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      channel.write(ByteBuffer.wrap((label + "\n").getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** Runs the workload until everything has finished: {@code KillWorkload <database> <runs log>}. */
  public static void main(String[] args) throws Exception {
    Path database = Path.of(args[0]);
    Path runsLog = Path.of(args[1]);
    Cairn cairn = register(Cairn.builder(), runsLog)
        .store(SqliteStore.open(database))
        .maxConcurrentActivities(25)
        .start();
    CairnClient client = cairn.client();
    StartOptions once = StartOptions.defaults().reusePolicy(ReusePolicy.RETURN_EXISTING);
    for (int n = 0; n < JOBS; n++) {
      client.start("Job", n, new StartOptions("job-" + n, ReusePolicy.RETURN_EXISTING, null));
    }
    client.start("Fund", null, new StartOptions("fund", once.reusePolicy(), null));
    client.waitForCompletion("fund", Duration.ofMinutes(5));
    List<Transfer> transfers = transfers();
    for (int i = 0; i < transfers.size(); i++) {
      client.start("Transfer", transfers.get(i), new StartOptions("transfer-" + i, ReusePolicy.RETURN_EXISTING, null));
    }
    for (int n = 0; n < JOBS; n++) {
      client.waitForCompletion("job-" + n, Duration.ofMinutes(5));
    }
    for (int i = 0; i < transfers.size(); i++) {
      client.waitForCompletion("transfer-" + i, Duration.ofMinutes(5));
    }
    System.out.println("workload finished");
    cairn.close();
    cairn.store().close();
    System.exit(0);
  }
}
