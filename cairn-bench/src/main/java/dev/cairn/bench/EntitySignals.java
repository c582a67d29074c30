package dev.cairn.bench;

import dev.cairn.entity.EntityId;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * n signals from a client (several sending threads) to 1 or more entities; operations applied per second. A
 * signal returns once it is durably queued, so one sender waits one flush per signal: the rate a client reaches
 * is bounded by how many signals it has in flight, which {@code --senders} sets.
 */
final class EntitySignals implements Workload {
  /** Signals in flight by default: what a client fanning out work (a web server, a batch import) keeps going. */
  private static final int SENDERS = 256;

  @Override
  public String name() {
    return "entity-signals";
  }

  @Override
  public Map<String, Object> parameters(Options options) {
    return Map.of("n", options.integer("n", 10_000), "entities", options.integer("entities", 1),
        "senders", options.integer("senders", SENDERS));
  }

  @Override
  public Result run(Store store, Options options) throws Exception {
    int n = options.integer("n", 10_000);
    int entities = options.integer("entities", 1);
    int senders = options.integer("senders", SENDERS);
    try (Cairn cairn = Functions.start(store, options)) {
      AtomicInteger next = new AtomicInteger();
      long start = System.nanoTime();
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int s = 0; s < senders; s++) {
          threads.submit(() -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
              cairn.client().signalEntity(EntityId.of("Counter", "c" + (i % entities)), "add", 1);
            }
            return null;
          });
        }
      }
      double sent = (System.nanoTime() - start) / 1e9;
      long applied = 0;
      while (applied < n) {
        applied = 0;
        for (int e = 0; e < entities; e++) {
          applied += cairn.client().getEntity(EntityId.of("Counter", "c" + e)).map(m -> m.stateAs(Integer.class))
              .orElse(0);
        }
        Functions.check(applied <= n, "more operations applied (" + applied + ") than sent (" + n + ")");
        if (applied < n) {
          Thread.sleep(2);
        }
        Functions.check(System.nanoTime() - start < 600e9, "operations not applied within 10 minutes");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return Result.of("operations_per_second", Stats.round(n / seconds, 1), "operations/s")
          .with("seconds", Stats.round(seconds, 3))
          .with("seconds_to_send", Stats.round(sent, 3))
          .with("commits", cairn.metrics().commits());
    }
  }
}
