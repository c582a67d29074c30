package dev.cairn.server.internal.ui;

import static dev.cairn.server.internal.ui.Html.esc;
import static dev.cairn.server.internal.ui.Html.url;

import dev.cairn.client.InstancePage;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.server.internal.HistoryView;
import dev.cairn.server.internal.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The instance list and the instance page. */
final class InstancePages {
  private InstancePages() {}

  static String table(List<InstanceStatus> instances) {
    if (instances.isEmpty()) {
      return "<p class=\"muted\" id=\"instances\">No instances.</p>";
    }
    StringBuilder rows = new StringBuilder("""
        <table id="instances"><tr><th>Instance</th><th>Orchestration</th><th>Status</th><th>Created (UTC)</th>
        <th>Updated (UTC)</th></tr>""");
    for (InstanceStatus status : instances) {
      rows.append("<tr><td><a href=\"/ui/instances/").append(esc(url(status.instanceId()))).append("\">")
          .append(esc(status.instanceId())).append("</a></td><td>").append(esc(status.name())).append("</td><td>")
          .append(Html.badge(status.runtimeStatus())).append("</td><td>").append(Html.time(status.createdAt()))
          .append("</td><td>").append(Html.time(status.lastUpdatedAt())).append("</td></tr>");
    }
    return rows.append("</table>").toString();
  }

  static String list(InstancePage page, String status, String name, String prefix, List<String> names) {
    StringBuilder statusOptions = new StringBuilder("<option value=\"\">any</option>");
    for (RuntimeStatus s : RuntimeStatus.values()) {
      statusOptions.append("<option").append(s.displayName().equals(status) ? " selected" : "").append(">")
          .append(s.displayName()).append("</option>");
    }
    StringBuilder nameOptions = new StringBuilder("<option value=\"\">any</option>");
    for (String n : names) {
      nameOptions.append("<option").append(n.equals(name) ? " selected" : "").append(">").append(esc(n))
          .append("</option>");
    }
    String filters = "status=" + url(status == null ? "" : status) + "&name=" + url(name == null ? "" : name)
        + "&prefix=" + url(prefix == null ? "" : prefix);
    String next = page.continuationToken() == null ? ""
        : "<p><a id=\"next-page\" href=\"/ui/instances?" + esc(filters) + "&amp;token=" + esc(url(page.continuationToken()))
            + "\">Next page →</a></p>";
    return Html.page("Instances", """
        <h1>Instances</h1>
        <form method="get" action="/ui/instances" id="filters"><fieldset>
        <label>Status <select name="status">%s</select></label>
        <label>Orchestration <select name="name">%s</select></label>
        <label>Id prefix <input name="prefix" value="%s"></label>
        <button type="submit">Filter</button> <a href="/ui/instances">clear</a></fieldset></form>
        %s%s
        """.formatted(statusOptions, nameOptions, esc(prefix), table(page.instances()), next));
  }

  static String page(InstanceStatus status, String error) {
    return Html.page(status.instanceId(), """
        <h1>Instance %s</h1>%s
        %s
        <h2>Actions</h2>%s
        """.formatted(esc(status.instanceId()), error == null ? "" : Html.error(error), live(status), actions(status)));
  }

  /** The part of the page that refreshes while the instance runs. */
  static String live(InstanceStatus status) {
    String refresh = status.isTerminal() ? ""
        : " hx-get=\"/ui/instances/" + esc(url(status.instanceId())) + "/live\" hx-trigger=\"every 1s\" hx-swap=\"outerHTML\"";
    StringBuilder html = new StringBuilder("<div id=\"live\"" + refresh + ">");
    html.append("<table id=\"details\"><tr><th>Orchestration</th><td id=\"name\">").append(esc(status.name()))
        .append("</td></tr><tr><th>Status</th><td id=\"runtime-status\">").append(Html.badge(status.runtimeStatus()))
        .append("</td></tr><tr><th>Created (UTC)</th><td>").append(Html.time(status.createdAt()))
        .append("</td></tr><tr><th>Updated (UTC)</th><td>").append(Html.time(status.lastUpdatedAt()))
        .append("</td></tr><tr><th>Execution</th><td class=\"muted\">").append(esc(status.executionId()))
        .append("</td></tr>");
    if (status.parentInstanceId() != null) {
      html.append("<tr><th>Parent</th><td><a href=\"/ui/instances/").append(esc(url(status.parentInstanceId())))
          .append("\">").append(esc(status.parentInstanceId())).append("</a></td></tr>");
    }
    html.append("</table><h2>Input</h2>").append(Html.json("input", Json.pretty(status.input())))
        .append("<h2>Output</h2>").append(Html.json("output", Json.pretty(status.output())))
        .append("<h2>Custom status</h2>").append(Html.json("custom-status", Json.pretty(status.customStatus())));
    if (status.failure() != null) {
      html.append("<h2>Failure</h2><div id=\"failure\"><pre>").append(esc(status.failure().summary()))
          .append("</pre><details><summary>Stack trace</summary><pre>").append(esc(status.failure().stackTrace()))
          .append("</pre></details></div>");
    }
    html.append("<h2>History</h2>").append(history(status));
    return html.append("</div>").toString();
  }

  private static String history(InstanceStatus status) {
    StringBuilder rows = new StringBuilder("""
        <table id="history"><tr><th>#</th><th>Event</th><th>Name</th><th>Scheduled (UTC)</th><th>At (UTC)</th>
        <th>Detail</th></tr>""");
    for (ObjectNode event : HistoryView.of(status.history(), true)) {
      rows.append("<tr><td>").append(text(event, "EventId")).append("</td><td>").append(text(event, "EventType"))
          .append("</td><td>").append(esc(firstOf(event, "FunctionName", "Name", "Operation")))
          .append(event.has("EntityId") ? " <span class=\"muted\">" + esc(text(event, "EntityId")) + "</span>" : "")
          .append("</td><td>").append(Html.time(instant(event, "ScheduledTime"))).append("</td><td>")
          .append(Html.time(instant(event, "Timestamp"))).append("</td><td>").append(esc(detail(event)))
          .append("</td></tr>");
    }
    return rows.append("</table>").toString();
  }

  private static String text(ObjectNode event, String field) {
    JsonNode node = event.get(field);
    return node == null || node.isNull() ? "" : node.isString() ? node.asString() : node.toString();
  }

  private static String firstOf(ObjectNode event, String... fields) {
    for (String field : fields) {
      if (event.has(field)) {
        return text(event, field);
      }
    }
    return "";
  }

  private static java.time.Instant instant(ObjectNode event, String field) {
    String text = text(event, field);
    return text.isEmpty() ? null : java.time.Instant.parse(text);
  }

  private static String detail(ObjectNode event) {
    String detail = event.has("Details") ? text(event, "Details")
        : event.has("Result") ? text(event, "Result")
        : event.has("Input") ? text(event, "Input")
        : event.has("Reason") ? text(event, "Reason")
        : event.has("FireAt") ? "fires at " + text(event, "FireAt")
        : event.has("LockSet") ? text(event, "LockSet") : "";
    return detail.length() > 300 ? detail.substring(0, 300) + "…" : detail;
  }

  private static String actions(InstanceStatus status) {
    String base = "/ui/instances/" + esc(url(status.instanceId()));
    if (status.isTerminal()) {
      return """
          <form class="inline" method="post" action="%1$s/restart" id="restart-form">
          <label><input type="checkbox" name="newInstanceId" value="true"> under a new id</label>
          <button type="submit" id="restart">Restart</button></form>
          <form class="inline" method="post" action="%1$s/purge" id="purge-form">
          <button type="submit" class="secondary" id="purge">Purge</button></form>
          """.formatted(base);
    }
    return """
        <form method="post" action="%1$s/raise" id="raise-form"><fieldset>
        <label>Event <input name="event" required></label>
        <label>Data (JSON)<textarea name="data" placeholder='"approved"'></textarea></label>
        <button type="submit" id="raise">Raise event</button></fieldset></form>
        <form class="inline" method="post" action="%1$s/terminate" id="terminate-form">
        <input name="reason" placeholder="reason"> <button type="submit" id="terminate">Terminate</button></form>
        <form class="inline" method="post" action="%1$s/suspend" id="suspend-form">
        <button type="submit" class="secondary" id="suspend">Suspend</button></form>
        <form class="inline" method="post" action="%1$s/resume" id="resume-form">
        <button type="submit" class="secondary" id="resume">Resume</button></form>
        """.formatted(base);
  }
}
