package dev.cairn.server.internal;

import dev.cairn.store.ClusterSnapshot;
import dev.cairn.store.PartitionState;
import dev.cairn.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/cluster}: the live workers sharing the store (those whose heartbeat is fresher than a lease, those
 * holding live partition leases, and this one), the partitions with their owners, epochs and backlogs, and a scale
 * hint an autoscaler can read.
 */
public final class ClusterApi {
  private final Store store;
  private final String self;
  private final Duration lease;

  /** The cluster as seen through {@code store} by the worker {@code self}, whose leases last {@code lease}. */
  public ClusterApi(Store store, String self, Duration lease) {
    this.store = store;
    this.self = self;
    this.lease = lease;
  }

  /** Adds the route. */
  public void register(Router router) {
    router.add("GET", "/api/cluster", request -> Response.json(200, Json.write(json(store.cluster(), self, lease))));
  }

  /** A live worker, its last heartbeat (null if unknown) and the partitions whose live leases it holds. */
  public record Worker(String id, Instant lastHeartbeat, List<PartitionState> partitions, long activitiesLeased,
      boolean self) {}

  /** The live workers of a snapshot, by id. */
  public static List<Worker> workers(ClusterSnapshot cluster, String self, Duration lease) {
    Map<String, List<PartitionState>> owned = new TreeMap<>();
    owned.put(self, new ArrayList<>());
    cluster.workers().forEach((id, beat) -> {
      if (beat.plus(lease).isAfter(cluster.now())) {
        owned.computeIfAbsent(id, key -> new ArrayList<>());
      }
    });
    for (PartitionState partition : cluster.partitions()) {
      if (partition.leaseLiveAt(cluster.now())) {
        owned.computeIfAbsent(partition.owner(), id -> new ArrayList<>()).add(partition);
      }
    }
    List<Worker> workers = new ArrayList<>();
    owned.forEach((id, partitions) -> workers.add(new Worker(id, cluster.workers().get(id), partitions,
        cluster.activitiesByWorker().getOrDefault(id, 0L), id.equals(self))));
    return workers;
  }

  /** The snapshot as the API's JSON. */
  public static ObjectNode json(ClusterSnapshot cluster, String self, Duration lease) {
    ObjectNode body = Json.object();
    body.put("now", cluster.now().toString());
    body.put("self", self);
    ArrayNode workers = body.putArray("workers");
    for (Worker worker : workers(cluster, self, lease)) {
      ObjectNode node = workers.addObject();
      node.put("id", worker.id());
      node.put("lastHeartbeat", worker.lastHeartbeat() == null ? null : worker.lastHeartbeat().toString());
      ArrayNode partitions = node.putArray("partitions");
      ObjectNode epochs = node.putObject("epochs");
      for (PartitionState partition : worker.partitions()) {
        partitions.add(partition.partition());
        epochs.put(String.valueOf(partition.partition()), partition.epoch());
      }
      node.put("activitiesLeased", worker.activitiesLeased());
    }
    ArrayNode partitions = body.putArray("partitions");
    long backlog = 0;
    int unowned = 0;
    for (PartitionState partition : cluster.partitions()) {
      boolean live = partition.leaseLiveAt(cluster.now());
      ObjectNode node = partitions.addObject();
      node.put("partition", partition.partition());
      if (live) {
        node.put("owner", partition.owner());
      } else {
        node.putNull("owner");
        unowned++;
      }
      node.put("epoch", partition.epoch());
      node.put("leaseExpiresAt", partition.leaseExpiresAt() == null ? null : partition.leaseExpiresAt().toString());
      node.put("backlog", partition.backlog());
      backlog += partition.backlog();
    }
    ObjectNode scale = body.putObject("scale");
    scale.put("queuedMessages", backlog);
    int count = cluster.partitions().size();
    scale.put("queuedPerPartition", count == 0 ? 0 : (double) backlog / count);
    scale.put("partitionsWithoutOwner", unowned);
    ObjectNode activities = scale.putObject("activityTasksByName");
    new TreeMap<>(cluster.activitiesByName()).forEach(activities::put);
    return body;
  }
}
