package dev.cairn.bench;

import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.entity.EntityId;
import dev.cairn.examples.Bank;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/** n transfers between k accounts in critical sections, both directions; transfers per second and latency. */
final class BankTransfers implements Workload {
  private static final int OPENING = 1_000;

  @Override
  public String name() {
    return "bank";
  }

  @Override
  public Map<String, Object> parameters(Options options) {
    return Map.of("n", options.integer("n", 2_000), "accounts", options.integer("accounts", 20),
        "concurrency", concurrency(options));
  }

  /**
   * Transfers in flight at once: by default half the accounts, as many as can hold their two locks at the same
   * time; more only wait for locks, which adds to their latency and not to the rate.
   */
  private static int concurrency(Options options) {
    return options.integer("concurrency", Math.max(1, options.integer("accounts", 20) / 2));
  }

  @Override
  public Result run(Store store, Options options) throws Exception {
    int n = options.integer("n", 2_000);
    int accounts = options.integer("accounts", 20);
    int concurrency = concurrency(options);
    try (Cairn cairn = Functions.start(store, options)) {
      for (int a = 0; a < accounts; a++) {
        cairn.client().signalEntity(EntityId.of("Account", "a" + a), "deposit", OPENING);
      }
      while (total(cairn, accounts) < (long) accounts * OPENING) {
        Thread.sleep(5);
      }
      Random random = new Random(42);
      double[] latencies = new double[n];
      AtomicInteger moved = new AtomicInteger();
      Semaphore inFlight = new Semaphore(concurrency);
      long start = System.nanoTime();
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < n; i++) {
          int from = random.nextInt(accounts);
          int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
          Bank.Transfer transfer = new Bank.Transfer("a" + from, "a" + to, 1 + random.nextInt(100));
          int index = i;
          inFlight.acquire();
          threads.submit(() -> {
            try {
              long begin = System.nanoTime();
              String id = cairn.client().start("TransferFunds", transfer);
              InstanceStatus status = cairn.client().waitForCompletion(id, Duration.ofMinutes(5));
              latencies[index] = (System.nanoTime() - begin) / 1e6;
              Functions.check(status.runtimeStatus() == RuntimeStatus.COMPLETED, "transfer " + status);
              if (status.outputAs(Boolean.class)) {
                moved.incrementAndGet();
              }
            } finally {
              inFlight.release();
            }
            return null;
          });
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Functions.check(total(cairn, accounts) == (long) accounts * OPENING, "money is not conserved");
      return Result.of("transfers_per_second", Stats.round(n / seconds, 1), "transfers/s")
          .with("p50_ms", Stats.round(Stats.percentile(latencies, 50), 2))
          .with("p99_ms", Stats.round(Stats.percentile(latencies, 99), 2))
          .with("moved", moved.get())
          .with("seconds", Stats.round(seconds, 3));
    }
  }

  private static long total(Cairn cairn, int accounts) {
    long sum = 0;
    for (int a = 0; a < accounts; a++) {
      sum += cairn.client().getEntity(EntityId.of("Account", "a" + a)).map(e -> e.stateAs(Integer.class)).orElse(0);
    }
    return sum;
  }
}
