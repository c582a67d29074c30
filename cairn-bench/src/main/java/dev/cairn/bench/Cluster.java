package dev.cairn.bench;

import dev.cairn.store.ClusterSnapshot;
import dev.cairn.store.PartitionState;
import dev.cairn.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the workloads that spread over several workers read of the cluster: who owns which partitions. */
final class Cluster {
  private Cluster() {}

  /** The partitions by live owner (those without one under {@code null}). */
  static Map<String, List<Integer>> owners(Store store) {
    ClusterSnapshot cluster = store.cluster();
    Map<String, List<Integer>> owners = new TreeMap<>(java.util.Comparator.nullsFirst(String::compareTo));
    for (PartitionState partition : cluster.partitions()) {
      String owner = partition.leaseLiveAt(cluster.now()) ? partition.owner() : null;
      owners.computeIfAbsent(owner, o -> new ArrayList<>()).add(partition.partition());
    }
    return owners;
  }

  /** Whether {@code workers} live workers own every partition, each its fair share (floor or ceiling of P/N). */
  static boolean fairlyShared(Store store, int workers) {
    Map<String, List<Integer>> owners = owners(store);
    if (owners.containsKey(null) || owners.size() != workers) {
      return false;
    }
    int partitions = store.partitionCount();
    return owners.values().stream().allMatch(owned ->
        owned.size() == partitions / workers || owned.size() == (partitions + workers - 1) / workers);
  }

  /** Waits until {@link #fairlyShared}; returns how long it took. */
  static Duration awaitFairShare(Store store, int workers, Duration atMost) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + atMost.toNanos();
    while (!fairlyShared(store, workers)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The partitions were not shared among " + workers + " workers within "
            + atMost + ": " + owners(store));
      }
      Thread.sleep(20);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
