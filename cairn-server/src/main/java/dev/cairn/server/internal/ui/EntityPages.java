package dev.cairn.server.internal.ui;

import static dev.cairn.server.internal.ui.Html.esc;
import static dev.cairn.server.internal.ui.Html.url;

import dev.cairn.client.EntityMetadata;
import dev.cairn.client.EntityPage;
import dev.cairn.entity.EntityId;
import dev.cairn.server.internal.Json;
import java.util.List;
import java.util.Optional;

/** The entity list and the entity page. */
final class EntityPages {
  private EntityPages() {}

  static String list(EntityPage page, String name, String prefix, List<String> names) {
    StringBuilder nameOptions = new StringBuilder("<option value=\"\">any</option>");
    for (String n : names) {
      nameOptions.append("<option").append(n.equals(name) ? " selected" : "").append(">").append(esc(n))
          .append("</option>");
    }
    StringBuilder rows = new StringBuilder();
    if (page.entities().isEmpty()) {
      rows.append("<p class=\"muted\" id=\"entities\">No entities.</p>");
    } else {
      rows.append("<table id=\"entities\"><tr><th>Entity</th><th>State</th><th>Last modified (UTC)</th>"
          + "<th>Locked by</th><th>Waiting</th></tr>");
      for (EntityMetadata entity : page.entities()) {
        rows.append("<tr><td><a href=\"").append(link(entity.id())).append("\">").append(esc(entity.id()))
            .append("</a></td><td><code>").append(esc(abbreviate(entity.state()))).append("</code></td><td>")
            .append(Html.time(entity.lastModified())).append("</td><td>").append(esc(entity.lockedBy()))
            .append("</td><td>").append(entity.backlog()).append("</td></tr>");
      }
      rows.append("</table>");
    }
    String next = page.continuationToken() == null ? ""
        : "<p><a id=\"next-page\" href=\"/ui/entities?name=" + esc(url(name == null ? "" : name)) + "&amp;prefix="
            + esc(url(prefix == null ? "" : prefix)) + "&amp;token=" + esc(url(page.continuationToken()))
            + "\">Next page →</a></p>";
    return Html.page("Entities", """
        <h1>Entities</h1>
        <form method="get" action="/ui/entities" id="filters"><fieldset>
        <label>Name <select name="name">%s</select></label>
        <label>Key prefix <input name="prefix" value="%s"></label>
        <button type="submit">Filter</button> <a href="/ui/entities">clear</a></fieldset></form>
        <form method="get" action="/ui/entities/open" id="open-form"><fieldset>
        <label>Open <select name="name">%s</select></label> <label>key <input name="key" required></label>
        <button type="submit">Open</button></fieldset></form>
        %s%s
        """.formatted(nameOptions, esc(prefix), openOptions(names), rows, next));
  }

  private static String openOptions(List<String> names) {
    StringBuilder options = new StringBuilder();
    for (String n : names) {
      options.append("<option>").append(esc(n)).append("</option>");
    }
    return options.toString();
  }

  static String link(EntityId id) {
    return "/ui/entities/" + esc(url(id.name())) + "/" + esc(url(id.key()));
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }

  static String page(EntityId id, Optional<EntityMetadata> entity, String error) {
    return Html.page(id.toString(), """
        <h1>Entity %s</h1>%s
        %s
        <h2>Signal an operation</h2>
        <form method="post" action="%s/signal" id="signal-form"><fieldset>
        <label>Operation <input name="op" required></label>
        <label>Input (JSON)<textarea name="input" placeholder="1"></textarea></label>
        <button type="submit" id="signal">Signal</button></fieldset></form>
        """.formatted(esc(id), error == null ? "" : Html.error(error), live(id, entity), link(id)));
  }

  /** The state, refreshing every second. */
  static String live(EntityId id, Optional<EntityMetadata> entity) {
    String state = entity.map(e -> Html.json("entity-state", Json.pretty(e.state())))
        .orElse("<pre id=\"entity-state\" class=\"muted\">(no state: never touched, or deleted)</pre>");
    String lock = entity.map(e -> e.lockedBy() == null ? "" : "<p id=\"locked-by\">Locked by <a href=\"/ui/instances/"
        + esc(url(e.lockedBy())) + "\">" + esc(e.lockedBy()) + "</a>; " + e.backlog() + " waiting</p>").orElse("");
    return "<div id=\"live\" hx-get=\"" + link(id) + "/live\" hx-trigger=\"every 1s\" hx-swap=\"outerHTML\">"
        + "<h2>State</h2>" + state + lock + "</div>";
  }
}
