package dev.cairn.server.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Decodes {@code application/x-www-form-urlencoded} text: query strings, and the dashboard's form posts. */
public final class UrlEncoded {
  private UrlEncoded() {}

  /**
   * The name-value pairs of the text; the first of a repeated name wins, empty pairs are skipped.
   *
   * @param what names the text in the error, such as "The query string"
   * @throws ApiException (400) when an escape is invalid
   */
  public static Map<String, String> decode(String text, String what) {
    Map<String, String> pairs = new HashMap<>();
    if (text == null || text.isEmpty()) {
      return pairs;
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        pairs.putIfAbsent(name, value);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(what + " has an invalid escape in '" + pair + "'.");
      }
    }
    return pairs;
  }
}
