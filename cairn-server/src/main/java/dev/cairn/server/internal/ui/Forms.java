package dev.cairn.server.internal.ui;

import dev.cairn.server.internal.Request;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads the dashboard's form posts ({@code application/x-www-form-urlencoded}). */
final class Forms {
  private Forms() {}

  static Map<String, String> parse(Request request) {
    Map<String, String> fields = new HashMap<>();
    String body = request.bodyText();
    if (body.isEmpty()) {
      return fields;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.putIfAbsent(name, value);
      } catch (IllegalArgumentException e) {
        throw dev.cairn.server.internal.ApiException.badRequest("The form has an invalid escape in '" + pair + "'.");
      }
    }
    return fields;
  }

  /** A field's value, trimmed; null when missing or blank. */
  static String field(Map<String, String> fields, String name) {
    String value = fields.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
