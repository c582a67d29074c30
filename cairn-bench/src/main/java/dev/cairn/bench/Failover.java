package dev.cairn.bench;

import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.client.StartOptions;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Takeover and join on PostgreSQL. This process (worker w0) and a worker process (w1) share the partitions under a
 * steady load of 5-activity sequences; w1 is killed with {@code kill -9}, and an instance is started at once on
 * each of its partitions: the headline is the time from the kill until all of them completed, that is until each
 * of w1's partitions committed again under a new owner (the target: within the lease plus 2 s). Then a new worker
 * process (w2) joins: {@code join_seconds} is the time until it owns its share (the target: within 3 leases).
 * Every instance of the load must complete.
 */
final class Failover implements Workload {

  @Override
  public String name() {
    return "failover";
  }

  @Override
  public Map<String, Object> parameters(Options options) {
    return Map.of("lease_ms", options.integer("lease-ms", 2_000), "concurrency", options.integer("concurrency", 50));
  }

  @Override
  public Result run(Store store, Options options) {
    throw new IllegalArgumentException("failover needs a shared store: use --store postgres:JDBC_URL");
  }

  @Override
  public Result run(StoreChoice stores, int run, Store store, Options options) throws Exception {
    Duration lease = Duration.ofMillis(options.integer("lease-ms", 2_000));
    int concurrency = options.integer("concurrency", 50);
    AtomicBoolean loading = new AtomicBoolean(true);
    try (Cairn cairn = Functions.builder(store, options).workerId("w0").partitionLease(lease).activityLease(lease)
            .start();
        WorkerProcess doomed = WorkerProcess.start(stores, run, "w1", lease);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Cluster.awaitFairShare(store, 2, Duration.ofMinutes(1));
      List<Future<Integer>> load = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        int loader = i;
        load.add(threads.submit(() -> steadyLoad(cairn, "load-" + run + "-" + loader, loading)));
      }
      Thread.sleep(lease.toMillis());
      List<Integer> lost = Cluster.owners(store).get("w1");

      long killed = System.nanoTime();
      doomed.kill();
      List<String> probes = new ArrayList<>();
      for (int partition : lost) {
        String probe = idOn(store, partition, "probe-" + run + "-" + partition);
        cairn.client().start("HelloSequence", 5, StartOptions.withId(probe));
        probes.add(probe);
      }
      for (String probe : probes) {
        InstanceStatus status = cairn.client().waitForCompletion(probe, Duration.ofMinutes(1));
        Functions.check(status.runtimeStatus() == RuntimeStatus.COMPLETED, probe + " ended " + status);
      }
      double takeover = (System.nanoTime() - killed) / 1e9;

      Duration join;
      try (WorkerProcess joining = WorkerProcess.start(stores, run, "w2", lease)) {
        long joined = System.nanoTime();
        Cluster.awaitFairShare(store, 2, Duration.ofMinutes(1));
        join = Duration.ofNanos(System.nanoTime() - joined);
        loading.set(false);
        int completed = 0;
        for (Future<Integer> loader : load) {
          completed += loader.get();
        }
        return Result.of("takeover_seconds", Stats.round(takeover, 3), "s")
            .with("lease_seconds", lease.toMillis() / 1000.0)
            .with("partitions_taken_over", lost.size())
            .with("join_seconds", Stats.round(join.toNanos() / 1e9, 3))
            .with("load_completed", completed);
      }
    }
  }

  /** Runs 5-activity sequences one after another until told to stop; returns how many completed. */
  private static int steadyLoad(Cairn cairn, String prefix, AtomicBoolean loading) {
    int completed = 0;
    for (int i = 0; loading.get(); i++) {
      String id = cairn.client().start("HelloSequence", 5, StartOptions.withId(prefix + "-" + i));
      InstanceStatus status = cairn.client().waitForCompletion(id, Duration.ofMinutes(1));
      Functions.check(status.runtimeStatus() == RuntimeStatus.COMPLETED, id + " ended " + status);
      completed++;
    }
    return completed;
  }

  /** An instance id on a partition. */
  private static String idOn(Store store, int partition, String prefix) {
    for (int i = 0; ; i++) {
      String id = prefix + "-" + i;
      if (store.partitionOf(id) == partition) {
        return id;
      }
    }
  }
}
