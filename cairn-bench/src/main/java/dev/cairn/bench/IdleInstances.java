package dev.cairn.bench;

import dev.cairn.client.RuntimeStatus;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** n orchestrations each waiting for an event, then all released: memory while waiting, time to release. */
final class IdleInstances implements Workload {

  @Override
  public String name() {
    return "idle-instances";
  }

  @Override
  public Map<String, Object> parameters(Options options) {
    return Map.of("n", options.integer("n", 100_000), "concurrency", options.integer("concurrency", 256),
        "max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
  }

  @Override
  public Options warmup(Options options) {
    return options.with("n", Math.min(options.integer("n", 100_000), 10_000));
  }

  private static void parallel(int n, int concurrency, IntConsumer action) {
    AtomicInteger next = new AtomicInteger();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < concurrency; t++) {
        threads.submit(() -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            action.accept(i);
          }
        });
      }
    }
  }

  private static void awaitCount(Cairn cairn, RuntimeStatus status, int n) throws InterruptedException {
    long deadline = System.nanoTime() + 1_200_000_000_000L;
    while (cairn.client().countByStatus().getOrDefault(status, 0L) < n) {
      Functions.check(System.nanoTime() < deadline, "not all instances reached " + status);
      Thread.sleep(100);
    }
  }

  private static long residentKilobytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  @Override
  public Result run(Store store, Options options) throws Exception {
    int n = options.integer("n", 100_000);
    int concurrency = options.integer("concurrency", 256);
    try (Cairn cairn = Functions.start(store, options)) {
      String prefix = "idle-" + System.nanoTime() + "-";
      long start = System.nanoTime();
      parallel(n, concurrency, i -> cairn.client().start("AwaitEvent", null,
          dev.cairn.client.StartOptions.withId(prefix + i)));
      awaitCount(cairn, RuntimeStatus.RUNNING, n);
      double startSeconds = (System.nanoTime() - start) / 1e9;
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      long rss = residentKilobytes();
      long cached = cairn.metrics().cachedInstances();
      long release = System.nanoTime();
      parallel(n, concurrency, i -> cairn.client().raiseEvent(prefix + i, "go", i));
      awaitCount(cairn, RuntimeStatus.COMPLETED, n);
      double releaseSeconds = (System.nanoTime() - release) / 1e9;
      for (int i = 0; i < n; i += Math.max(1, n / 1_000)) {
        String output = cairn.client().getStatus(prefix + i).orElseThrow().output();
        Functions.check(String.valueOf(i).equals(output), "instance " + prefix + i + " returned " + output);
      }
      return Result.of("seconds_to_release", Stats.round(releaseSeconds, 3), "s")
          .with("seconds_to_start_and_park", Stats.round(startSeconds, 3))
          .with("heap_used_mb_while_waiting", heap >> 20)
          .with("resident_mb_while_waiting", rss < 0 ? -1 : rss >> 10)
          .with("cached_instances_while_waiting", cached);
    }
  }
}
