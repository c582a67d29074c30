package dev.cairn.server.internal;

import dev.cairn.server.internal.ui.ErrorPage;
import java.util.function.Function;

/**
 * The whole server as one function from request to response: token check, cross-site check, routing, and
 * errors turned into problem responses (or pages, for a browser).
 */
public final class ServerApp implements Function<Request, Response> {
  private final Router router;
  private final Auth auth;

  /** Serves {@code router} behind {@code auth}. */
  public ServerApp(Router router, Auth auth) {
    this.router = router;
    this.auth = auth;
  }

  /**
   * The checks made on the headers alone, before the body is read: the token, and cross-site writes.
   *
   * @return the refusal, or null when the request may go on
   */
  public Response preflight(Request request) {
    try {
      if (!auth.allows(request) && !isLogin(request)) {
        if (request.method().equals("GET") && wantsHtml(request)
            && (request.path().equals("/") || request.path().startsWith("/ui"))) {
          return Response.seeOther("/ui/login");
        }
        throw ApiException.unauthorized();
      }
      requireSameOrigin(request);
      return null;
    } catch (ApiException e) {
      return failure(request, e);
    }
  }

  @Override
  public Response apply(Request request) {
    try {
      return router.route(request);
    } catch (Exception e) {
      return failure(request, e);
    }
  }

  private static Response failure(Request request, Exception e) {
    Response problem = Problems.of(e, request.path());
    if (wantsHtml(request) && request.path().startsWith("/ui")) {
      Response page = Response.html(problem.status(), ErrorPage.render(problem.status(), e.getMessage()));
      for (var header : problem.headers().entrySet()) {
        page = page.with(header.getKey(), header.getValue());
      }
      return page;
    }
    return problem;
  }

  private static boolean isLogin(Request request) {
    return request.path().equals("/ui/login") || request.path().equals("/ui/static/htmx.min.js");
  }

  private static boolean wantsHtml(Request request) {
    String accept = request.header("accept");
    return accept != null && accept.contains("text/html");
  }

  /**
   * Refuses state-changing requests that a browser sends from another site: a page elsewhere must not drive
   * this server through its user's browser (the API has no cookies, but the dashboard and loopback do).
   */
  private static void requireSameOrigin(Request request) {
    if (request.method().equals("GET") || request.method().equals("HEAD")) {
      return;
    }
    String origin = request.header("origin");
    if (origin == null) {
      return;
    }
    String host = request.header("host");
    if (host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host))) {
      throw ApiException.forbidden("Cross-site request refused: the Origin " + origin
          + " is not this server. Call the API directly, not from another site's page.");
    }
  }
}
