package dev.cairn.server.internal.ui;

import dev.cairn.client.CairnClient;
import dev.cairn.client.EntityQuery;
import dev.cairn.client.InstanceQuery;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.client.StartOptions;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.CairnException;
import dev.cairn.failure.InstanceNotFoundException;
import dev.cairn.runtime.Cairn;
import dev.cairn.server.internal.ApiException;
import dev.cairn.server.internal.Auth;
import dev.cairn.server.internal.Json;
import dev.cairn.server.internal.Problems;
import dev.cairn.server.internal.Request;
import dev.cairn.server.internal.Response;
import dev.cairn.server.internal.Router;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard: server-rendered pages on the public client API; htmx refreshes the live parts, and actions
 * are plain forms that post and redirect back.
 */
public final class Dashboard {
  private final Cairn cairn;
  private final CairnClient client;
  private final Auth auth;
  private final OverviewPage overview;
  private final ClusterPage cluster;
  private final byte[] htmx;

  /** The dashboard of a runtime. */
  public Dashboard(Cairn cairn, Auth auth) {
    this.cairn = cairn;
    this.client = cairn.client();
    this.auth = auth;
    this.overview = new OverviewPage(cairn, new Throughput(cairn));
    this.cluster = new ClusterPage(cairn);
    this.htmx = resource("/dev/cairn/server/static/htmx-2.0.11.min.js");
  }

  private static byte[] resource(String path) {
    try (InputStream in = Dashboard.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("Missing dashboard resource " + path, e);
    }
  }

  /** Adds the dashboard's routes. */
  public void register(Router router) {
    router
        .add("GET", "/", request -> Response.seeOther("/ui"))
        .add("GET", "/ui", request -> Response.html(200, overview.page(null)))
        .add("GET", "/ui/overview/stats", request -> Response.html(200, overview.stats()))
        .add("GET", "/ui/overview/recent", request -> Response.html(200, overview.recent()))
        .add("POST", "/ui/start", this::start)
        .add("GET", "/ui/instances", this::instances)
        .add("GET", "/ui/instances/{id}", request -> Response.html(200, InstancePages.page(status(request), null)))
        .add("GET", "/ui/instances/{id}/live", request -> Response.html(200, InstancePages.live(status(request))))
        .add("POST", "/ui/instances/{id}/{action}", this::act)
        .add("GET", "/ui/entities", this::entities)
        .add("GET", "/ui/entities/open", this::openEntity)
        .add("GET", "/ui/entities/{name}/{key}", request ->
            Response.html(200, EntityPages.page(entity(request), client.getEntity(entity(request)), null)))
        .add("GET", "/ui/entities/{name}/{key}/live", request ->
            Response.html(200, EntityPages.live(entity(request), client.getEntity(entity(request)))))
        .add("POST", "/ui/entities/{name}/{key}/signal", this::signal)
        .add("GET", "/ui/cluster", request -> Response.html(200, cluster.page()))
        .add("GET", "/ui/cluster/live", request -> Response.html(200, cluster.live()))
        .add("GET", "/ui/login", request -> Response.html(auth.required() ? 200 : 404, loginPage(null)))
        .add("POST", "/ui/login", this::login)
        .add("GET", "/ui/static/htmx.min.js", request -> new Response(200, "text/javascript; charset=utf-8", htmx,
            new java.util.LinkedHashMap<>()).with("Cache-Control", "public, max-age=86400"));
  }

  private InstanceStatus status(Request request) {
    String id = request.param("id");
    return client.getStatus(id, true).orElseThrow(() -> new InstanceNotFoundException(id));
  }

  private static EntityId entity(Request request) {
    return EntityId.of(request.param("name"), request.param("key"));
  }

  private static Object json(String text, String what) {
    if (text == null) {
      return null;
    }
    JsonNode node = Json.parse(text, what);
    return node.isNull() ? null : node;
  }

  private Response start(Request request) {
    Map<String, String> form = Forms.parse(request);
    try {
      String name = Forms.field(form, "name");
      if (name == null) {
        throw ApiException.badRequest("Choose an orchestration to start.");
      }
      String instanceId = Forms.field(form, "instanceId");
      String id = client.start(name, json(Forms.field(form, "input"), "The input"),
          instanceId == null ? StartOptions.defaults() : StartOptions.withId(instanceId));
      return Response.seeOther("/ui/instances/" + Html.url(id));
    } catch (CairnException | ApiException | IllegalArgumentException e) {
      return Response.html(Problems.of(e, request.path()).status(), overview.page(e.getMessage()));
    }
  }

  private Response instances(Request request) {
    String status = blankToNull(request.queryParam("status"));
    String name = blankToNull(request.queryParam("name"));
    String prefix = blankToNull(request.queryParam("prefix"));
    InstanceQuery query = InstanceQuery.all().withNewestFirst().withPageSize(50).withName(name)
        .withInstanceIdPrefix(prefix).withContinuationToken(blankToNull(request.queryParam("token")))
        .withStatuses(status == null ? Set.of() : Set.of(RuntimeStatus.parse(status)));
    return Response.html(200, InstancePages.list(client.query(query), status, name, prefix,
        cairn.orchestrationNames()));
  }

  private Response act(Request request) {
    String id = request.param("id");
    Map<String, String> form = Forms.parse(request);
    try {
      String target = id;
      switch (request.param("action")) {
        case "raise" -> {
          String event = Forms.field(form, "event");
          if (event == null) {
            throw ApiException.badRequest("Give the event a name.");
          }
          client.raiseEvent(id, event, json(Forms.field(form, "data"), "The event data"));
        }
        case "terminate" -> client.terminate(id, Forms.field(form, "reason"));
        case "suspend" -> client.suspend(id, "suspended from the dashboard");
        case "resume" -> client.resume(id, "resumed from the dashboard");
        case "restart" -> target = client.restart(id, "true".equals(form.get("newInstanceId")));
        case "purge" -> {
          client.purge(id);
          return Response.seeOther("/ui/instances");
        }
        default -> throw ApiException.notFound("The dashboard has no action '" + request.param("action") + "'.");
      }
      return Response.seeOther("/ui/instances/" + Html.url(target));
    } catch (CairnException | ApiException | IllegalArgumentException e) {
      int code = Problems.of(e, request.path()).status();
      return client.getStatus(id, true)
          .map(status -> Response.html(code, InstancePages.page(status, e.getMessage())))
          .orElseGet(() -> Response.html(code, Html.page("Error", Html.error(e.getMessage()))));
    }
  }

  private Response entities(Request request) {
    String name = blankToNull(request.queryParam("name"));
    String prefix = blankToNull(request.queryParam("prefix"));
    EntityQuery query = new EntityQuery(name, name == null ? null : prefix, false, 50,
        blankToNull(request.queryParam("token")));
    return Response.html(200, EntityPages.list(client.queryEntities(query), name, prefix, cairn.entityNames()));
  }

  private Response openEntity(Request request) {
    EntityId id = EntityId.of(String.valueOf(request.queryParam("name")), String.valueOf(request.queryParam("key")));
    return Response.seeOther(EntityPages.link(id).replace("&amp;", "&"));
  }

  private Response signal(Request request) {
    EntityId id = entity(request);
    Map<String, String> form = Forms.parse(request);
    try {
      String operation = Forms.field(form, "op");
      if (operation == null) {
        throw ApiException.badRequest("Give the operation's name.");
      }
      client.signalEntity(id, operation, json(Forms.field(form, "input"), "The input"));
      return Response.seeOther(EntityPages.link(id).replace("&amp;", "&"));
    } catch (CairnException | ApiException | IllegalArgumentException e) {
      return Response.html(Problems.of(e, request.path()).status(),
          EntityPages.page(id, client.getEntity(id), e.getMessage()));
    }
  }

  private static String loginPage(String error) {
    return Html.page("Sign in", """
        <h1>Sign in</h1>%s
        <p>This server listens beyond this machine, so it asks for its access token (printed when it started, or
        set with <code>CAIRN_TOKEN</code>).</p>
        <form method="post" action="/ui/login" id="login-form"><fieldset>
        <label>Token <input type="password" name="token" required size="50"></label>
        <button type="submit" id="login">Sign in</button></fieldset></form>
        """.formatted(error == null ? "" : Html.error(error)));
  }

  private Response login(Request request) {
    String token = Forms.field(Forms.parse(request), "token");
    if (!auth.required()) {
      return Response.seeOther("/ui");
    }
    if (!auth.matches(token)) {
      return Response.html(401, loginPage("That token is not right."));
    }
    return Response.seeOther("/ui").with("Set-Cookie",
        Auth.COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
