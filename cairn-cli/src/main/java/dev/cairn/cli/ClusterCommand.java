package dev.cairn.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

/** {@code cairn cluster}: the workers, the partitions they own with their backlogs, and the activity tasks waiting. */
@Command(name = "cluster", description = "Show the workers sharing the store, their partitions and the backlogs.")
final class ClusterCommand extends ApiCommand {

  @Override
  public Integer call() {
    JsonNode cluster = HttpApi.expect(api().send("GET", "/api/cluster", null), 200).json();
    print(cluster, summary(cluster));
    return ExitCode.OK;
  }

  static String summary(JsonNode cluster) {
    List<List<String>> workers = new ArrayList<>();
    for (JsonNode worker : cluster.get("workers")) {
      List<String> partitions = new ArrayList<>();
      worker.get("partitions").forEach(p -> partitions.add(p.asString()));
      String id = text(worker, "id") + (text(worker, "id").equals(text(cluster, "self")) ? " (this server)" : "");
      workers.add(List.of(id, String.valueOf(partitions.size()), String.join(",", partitions),
          text(worker, "activitiesLeased")));
    }
    List<List<String>> partitions = new ArrayList<>();
    for (JsonNode partition : cluster.get("partitions")) {
      String owner = partition.get("owner").isNull() ? "-" : text(partition, "owner");
      partitions.add(List.of(text(partition, "partition"), owner, text(partition, "epoch"),
          text(partition, "backlog")));
    }
    JsonNode scale = cluster.get("scale");
    return Tables.render(List.of("WORKER", "PARTITIONS", "WHICH", "ACTIVITIES"), workers) + "\n\n"
        + Tables.render(List.of("PARTITION", "OWNER", "EPOCH", "BACKLOG"), partitions) + "\n\n"
        + "Queued messages: " + text(scale, "queuedMessages") + ", partitions without an owner: "
        + text(scale, "partitionsWithoutOwner") + ", activity tasks by name: " + scale.get("activityTasksByName");
  }
}
