package dev.cairn.server.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a request's method and path segments against route patterns such as {@code
 * instances/{id}/raiseEvent/{event}}; answers 404 for an unknown path and 405 (with {@code Allow}) for a known
 * path with another method.
 */
public final class Router {
  private record Route(String method, List<String> pattern, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();

  /** Adds a route; {@code pattern} is a path such as {@code /a/{id}/b}. */
  public Router add(String method, String pattern, Handler handler) {
    List<String> parts = new ArrayList<>();
    for (String part : pattern.split("/")) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    routes.add(new Route(method, parts, handler));
    return this;
  }

  /** Finds and runs the handler for a request. */
  public Response route(Request request) throws Exception {
    Set<String> allowed = new LinkedHashSet<>();
    for (Route route : routes) {
      Map<String, String> params = match(route.pattern(), request.segments());
      if (params == null) {
        continue;
      }
      if (route.method().equals(request.method())) {
        return route.handler().handle(request.withParams(params));
      }
      allowed.add(route.method());
    }
    if (!allowed.isEmpty()) {
      throw ApiException.methodNotAllowed(request.method(), request.path(), String.join(", ", allowed));
    }
    throw ApiException.notFound("Nothing is served at " + request.method() + " " + request.path()
        + "; the API lives under /runtime/webhooks/durabletask/ (see docs/http-api.md), the dashboard under /.");
  }

  private static Map<String, String> match(List<String> pattern, List<String> segments) {
    if (pattern.size() != segments.size()) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pattern.size(); i++) {
      String part = pattern.get(i);
      if (part.startsWith("{") && part.endsWith("}")) {
        params.put(part.substring(1, part.length() - 1), segments.get(i));
      } else if (!part.equals(segments.get(i))) {
        return null;
      }
    }
    return params;
  }
}
