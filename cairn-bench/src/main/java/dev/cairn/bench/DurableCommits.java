package dev.cairn.bench;

import dev.cairn.jdbc.JdbcStore;
import dev.cairn.store.NewMessage;
import dev.cairn.store.OrchestrationMessage;
import dev.cairn.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The store alone: one-message writes, each durable before it returns, from one thread and then from many at
 * once (their writes share transactions: group commit). Durable writes per second for each.
 */
final class DurableCommits implements Workload {

  @Override
  public String name() {
    return "commits";
  }

  @Override
  public Map<String, Object> parameters(Options options) {
    return Map.of("n", options.integer("n", 2_000), "writers", options.integer("writers", 64));
  }

  private static NewMessage message(Store store, int i) {
    String target = "commit-" + i;
    return new NewMessage(store.partitionOf(target), target, new OrchestrationMessage(null,
        new dev.cairn.history.EventRaised(-1, Instant.now(), "ping", String.valueOf(i))), Instant.now());
  }

  @Override
  public Result run(Store store, Options options) {
    int n = options.integer("n", 2_000);
    int writers = options.integer("writers", 64);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      store.sendMessages(List.of(message(store, i)));
    }
    double single = (System.nanoTime() - start) / 1e9;
    long[] before = store instanceof JdbcStore jdbc ? jdbc.commitCounts() : new long[2];
    AtomicInteger next = new AtomicInteger();
    int total = n * 4;
    start = System.nanoTime();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int w = 0; w < writers; w++) {
        threads.submit(() -> {
          for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
            store.sendMessages(List.of(message(store, i)));
          }
        });
      }
    }
    double batched = (System.nanoTime() - start) / 1e9;
    long[] after = store instanceof JdbcStore jdbc ? jdbc.commitCounts() : new long[2];
    long transactions = after[0] - before[0];
    return Result.of("batched_writes_per_second", Stats.round(total / batched, 1), "writes/s")
        .with("single_thread_writes_per_second", Stats.round(n / single, 1))
        .with("batched_transactions_per_second", Stats.round(transactions / batched, 1))
        .with("writes_per_transaction", transactions == 0 ? 0 : Stats.round((double) total / transactions, 1));
  }
}
