package dev.cairn.server.internal.ui;

import static dev.cairn.server.internal.ui.Html.esc;

import dev.cairn.runtime.Cairn;
import dev.cairn.server.internal.ClusterApi;
import dev.cairn.store.ClusterSnapshot;
import dev.cairn.store.PartitionState;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The cluster: the workers and the partitions they own, each partition's backlog, and activity tasks (refreshing). */
final class ClusterPage {
  private final Cairn cairn;

  ClusterPage(Cairn cairn) {
    this.cairn = cairn;
  }

  String page() {
    return Html.page("Cluster", """
        <h1>Cluster</h1>
        <p class="muted">The live workers sharing this store and the partitions each owns. The same as JSON at
        <a href="/api/cluster">/api/cluster</a>.</p>
        <div hx-get="/ui/cluster/live" hx-trigger="every 2s" hx-swap="innerHTML">%s</div>
        """.formatted(live()));
  }

  /** The tables, refreshed by the page. */
  String live() {
    ClusterSnapshot cluster = cairn.store().cluster();
    StringBuilder html = new StringBuilder("<h2>Workers</h2><table id=\"workers\"><tr><th>Worker</th>"
        + "<th>Last heartbeat</th><th>Partitions (epoch)</th><th>Activity tasks leased</th></tr>");
    for (ClusterApi.Worker worker : ClusterApi.workers(cluster, cairn.workerId(), cairn.partitionLease())) {
      String owned = worker.partitions().stream().map(p -> p.partition() + " (" + p.epoch() + ")")
          .collect(Collectors.joining(", "));
      String self = worker.self() ? " <span class=\"muted\">(this one)</span>" : "";
      html.append("<tr><td>").append(esc(worker.id())).append(self).append("</td><td>")
          .append(Html.time(worker.lastHeartbeat())).append("</td><td>")
          .append(owned.isEmpty() ? "<span class=\"muted\">none</span>" : esc(owned)).append("</td><td>")
          .append(worker.activitiesLeased()).append("</td></tr>");
    }
    html.append("</table><h2>Partitions</h2><table id=\"partitions\"><tr><th>Partition</th><th>Owner</th>"
        + "<th>Epoch</th><th>Lease until</th><th>Backlog</th></tr>");
    for (PartitionState partition : cluster.partitions()) {
      boolean live = partition.leaseLiveAt(cluster.now());
      html.append("<tr><td>").append(partition.partition()).append("</td><td>")
          .append(live ? esc(partition.owner()) : "<span class=\"muted\">none</span>").append("</td><td>")
          .append(partition.epoch()).append("</td><td>").append(Html.time(partition.leaseExpiresAt()))
          .append("</td><td>").append(partition.backlog()).append("</td></tr>");
    }
    html.append("</table><h2>Activity tasks not yet recorded</h2>");
    Map<String, Long> byName = new TreeMap<>(cluster.activitiesByName());
    if (byName.isEmpty()) {
      html.append("<p class=\"muted\">None.</p>");
    } else {
      html.append("<table id=\"activities\"><tr><th>Activity</th><th>Tasks</th></tr>");
      byName.forEach((name, count) ->
          html.append("<tr><td>").append(esc(name)).append("</td><td>").append(count).append("</td></tr>"));
      html.append("</table>");
    }
    return html.toString();
  }
}
