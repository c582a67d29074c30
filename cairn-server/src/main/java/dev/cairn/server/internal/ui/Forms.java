package dev.cairn.server.internal.ui;

import dev.cairn.server.internal.Request;
import dev.cairn.server.internal.UrlEncoded;
import java.util.Map;

/** Reads the dashboard's form posts ({@code application/x-www-form-urlencoded}). */
final class Forms {
  private Forms() {}

  static Map<String, String> parse(Request request) {
    return UrlEncoded.decode(request.bodyText(), "The form");
  }

  /** A field's value, trimmed; null when missing or blank. */
  static String field(Map<String, String> fields, String name) {
    String value = fields.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
