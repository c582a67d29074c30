package dev.cairn.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the workers sharing a store are doing, read in one go: the partitions with their owners and backlogs, and
 * the activity tasks not yet done, by activity name and by the worker whose lease they are under.
 *
 * @param now the store's time, by which leases are measured (the database's clock on a shared store)
 * @param workers the workers in the registry with their last heartbeat, alive or not (yet) pruned
 * @param partitions every partition, in order
 * @param activitiesByName activity tasks scheduled and not yet recorded, by activity name
 * @param activitiesByWorker the same, by the worker holding their lease (unleased ones left out)
 */
public record ClusterSnapshot(Instant now, Map<String, Instant> workers, List<PartitionState> partitions,
    Map<String, Long> activitiesByName, Map<String, Long> activitiesByWorker) {

  /** Copies the collections. */
  public ClusterSnapshot {
    workers = Map.copyOf(workers);
    partitions = List.copyOf(partitions);
    activitiesByName = Map.copyOf(activitiesByName);
    activitiesByWorker = Map.copyOf(activitiesByWorker);
  }
}
