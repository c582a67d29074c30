package dev.cairn.server.internal.ui;

import static dev.cairn.server.internal.ui.Html.esc;

import dev.cairn.client.CairnClient;
import dev.cairn.client.InstanceQuery;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.runtime.Cairn;
import java.util.List;
import java.util.Map;

/** The overview: counts by status and throughput (refreshing), a start form, and the newest instances. */
final class OverviewPage {
  private final Cairn cairn;
  private final Throughput throughput;

  OverviewPage(Cairn cairn, Throughput throughput) {
    this.cairn = cairn;
    this.throughput = throughput;
  }

  String page(String error) {
    return Html.page("Overview", """
        <h1>Overview</h1>
        %s
        <div hx-get="/ui/overview/stats" hx-trigger="load, every 2s" hx-swap="innerHTML">%s</div>
        <h2>Start an orchestration</h2>
        %s
        <h2>Newest instances</h2>
        <div hx-get="/ui/overview/recent" hx-trigger="every 2s" hx-swap="innerHTML">%s</div>
        """.formatted(error == null ? "" : Html.error(error), stats(), startForm(cairn.orchestrationNames()), recent()));
  }

  /** The counts by status and the throughput. */
  String stats() {
    Map<RuntimeStatus, Long> counts = cairn.client().countByStatus();
    StringBuilder cards = new StringBuilder("<div class=\"cards\" id=\"counts\">");
    for (RuntimeStatus status : RuntimeStatus.values()) {
      cards.append("<div class=\"card\" id=\"count-").append(status.displayName()).append("\"><b>")
          .append(counts.getOrDefault(status, 0L)).append("</b>").append(status.displayName()).append("</div>");
    }
    cards.append("<div class=\"card\" id=\"throughput\"><b>")
        .append(String.format("%.1f", throughput.finishedPerSecond()))
        .append("</b>finished / s (last minute)</div></div>");
    return cards.toString();
  }

  static String startForm(List<String> names) {
    StringBuilder options = new StringBuilder();
    for (String name : names) {
      options.append("<option value=\"").append(esc(name)).append("\">").append(esc(name)).append("</option>");
    }
    return """
        <form method="post" action="/ui/start" id="start-form"><fieldset>
        <label>Orchestration <select name="name">%s</select></label>
        <label>Instance id <input name="instanceId" placeholder="(new UUID)" size="30"></label>
        <label>Input (JSON)<textarea name="input" placeholder='e.g. 100, or {"timeoutSeconds": 60}'></textarea></label>
        <button type="submit" id="start">Start</button></fieldset></form>
        """.formatted(options);
  }

  /** The ten newest instances. */
  String recent() {
    CairnClient client = cairn.client();
    List<InstanceStatus> newest = client.query(InstanceQuery.all().withNewestFirst().withPageSize(10)).instances();
    return InstancePages.table(newest);
  }
}
