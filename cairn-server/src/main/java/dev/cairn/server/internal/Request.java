package dev.cairn.server.internal;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the routes see it, independent of the server library.
 *
 * @param method the method, upper case
 * @param path the raw path
 * @param segments the path's segments, each percent-decoded
 * @param query the query parameters (first value of each), decoded
 * @param headers the headers, names in lower case
 * @param body the body (empty when none)
 * @param params the path parameters the route matched
 */
public record Request(
    String method,
    String path,
    List<String> segments,
    Map<String, String> query,
    Map<String, List<String>> headers,
    byte[] body,
    Map<String, String> params) {

  /** The first value of a header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A path parameter. */
  public String param(String name) {
    return params.get(name);
  }

  /** A query parameter, or null. */
  public String queryParam(String name) {
    return query.get(name);
  }

  /** A boolean query parameter ({@code true}/{@code false}), or the default when absent. */
  public boolean flag(String name, boolean otherwise) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      return otherwise;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw ApiException.badRequest("The query parameter '" + name + "' must be true or false, not '" + value + "'.");
  }

  /** The same request with the path parameters a route matched. */
  Request withParams(Map<String, String> matched) {
    return new Request(method, path, segments, query, headers, body, matched);
  }

  /** The body as text. */
  public String bodyText() {
    return new String(body, java.nio.charset.StandardCharsets.UTF_8);
  }
}
