package dev.cairn.server.internal.ui;

import dev.cairn.client.RuntimeStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** HTML building blocks of the dashboard: escaping, the page frame, small widgets. */
final class Html {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private static final String STYLE = """
      :root { --ink:#1d2330; --muted:#667085; --line:#e4e7ec; --bg:#f8f9fb; --accent:#2f5bd3; }
      * { box-sizing: border-box; }
      body { margin:0; font:14px/1.45 system-ui, sans-serif; color:var(--ink); background:var(--bg); }
      header { background:#141a26; color:#fff; padding:10px 24px; display:flex; gap:24px; align-items:center; }
      header a { color:#cfd8ea; text-decoration:none; } header a:hover { color:#fff; }
      header .brand { font-weight:700; color:#fff; letter-spacing:.5px; }
      main { padding:20px 24px; max-width:1200px; }
      h1 { font-size:20px; margin:0 0 16px; } h2 { font-size:16px; margin:24px 0 8px; }
      table { border-collapse:collapse; width:100%; background:#fff; border:1px solid var(--line); }
      th, td { text-align:left; padding:6px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
      th { background:#f1f3f7; font-weight:600; }
      pre { background:#fff; border:1px solid var(--line); padding:8px 10px; margin:0; white-space:pre-wrap;
            word-break:break-word; max-height:320px; overflow:auto; }
      .cards { display:flex; gap:12px; flex-wrap:wrap; }
      .card { background:#fff; border:1px solid var(--line); padding:10px 14px; min-width:130px; }
      .card b { display:block; font-size:22px; }
      .badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; background:#e4e7ec; }
      .Running, .Pending { background:#dbe7ff; } .Completed { background:#d5f5df; }
      .Failed { background:#fde0dc; } .Terminated { background:#eee; } .Suspended { background:#fff1c2; }
      form.inline { display:inline-block; margin:0 8px 8px 0; }
      fieldset { border:1px solid var(--line); background:#fff; margin:0 0 12px; padding:10px 12px; }
      input, select, textarea { font:inherit; padding:4px 6px; border:1px solid #c8ccd4; }
      textarea { width:100%; min-height:60px; font-family:ui-monospace, monospace; }
      button { font:inherit; padding:4px 12px; border:1px solid var(--accent); background:var(--accent); color:#fff;
               cursor:pointer; }
      button.secondary { background:#fff; color:var(--accent); }
      .muted { color:var(--muted); } .error { background:#fde0dc; border:1px solid #f4b4ab; padding:10px; }
      a { color:var(--accent); }
      """;

  private Html() {}

  /** Escapes text for HTML content and attribute values. */
  static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Escapes text for a URL path segment or query value. */
  static String url(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A whole page. */
  static String page(String title, String content) {
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s · Cairn</title><style>%s</style>
        <script src="/ui/static/htmx.min.js"></script></head>
        <body><header><span class="brand">CAIRN</span><a href="/ui">Overview</a>
        <a href="/ui/instances">Instances</a><a href="/ui/entities">Entities</a>
        <a href="/ui/cluster">Cluster</a></header>
        <main>%s</main></body></html>
        """.formatted(esc(title), STYLE, content);
  }

  /** A status badge. */
  static String badge(RuntimeStatus status) {
    return "<span class=\"badge " + status.displayName() + "\">" + status.displayName() + "</span>";
  }

  /** A time in UTC, to the millisecond. */
  static String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** A JSON value shown in a pre block, or a dash. */
  static String json(String id, String prettyJson) {
    return "<pre id=\"" + id + "\">" + (prettyJson == null ? "<span class=\"muted\">(none)</span>" : esc(prettyJson))
        + "</pre>";
  }

  /** An error box. */
  static String error(String message) {
    return "<div class=\"error\" id=\"error\">" + esc(message) + "</div>";
  }
}
