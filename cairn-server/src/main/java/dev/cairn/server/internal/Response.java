package dev.cairn.server.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response as the routes build it.
 *
 * @param status the status code
 * @param contentType the content type, or null without a body
 * @param body the body
 * @param headers extra headers
 */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

  /** A JSON response. */
  public static Response json(int status, String json) {
    return new Response(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8),
        new LinkedHashMap<>());
  }

  /** An HTML response. */
  public static Response html(int status, String html) {
    return new Response(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8),
        new LinkedHashMap<>());
  }

  /** A response without a body. */
  public static Response empty(int status) {
    return new Response(status, null, new byte[0], new LinkedHashMap<>());
  }

  /** A redirect after a form post (303 See Other). */
  public static Response seeOther(String location) {
    return empty(303).with("Location", location);
  }

  /** The same response with one more header. */
  public Response with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Response(status, contentType, body, more);
  }
}
