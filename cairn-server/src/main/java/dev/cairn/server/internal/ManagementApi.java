package dev.cairn.server.internal;

import dev.cairn.client.CairnClient;
import dev.cairn.client.EntityMetadata;
import dev.cairn.client.EntityPage;
import dev.cairn.client.EntityQuery;
import dev.cairn.client.InstancePage;
import dev.cairn.client.InstanceQuery;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.PurgeFilter;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.client.StartOptions;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.InstanceNotFoundException;
import dev.cairn.failure.InvalidRequestException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP management API, with Durable Functions' routes and payload shapes under {@code
 * /runtime/webhooks/durabletask/}, on the public client API only. See {@code docs/http-api.md}.
 */
public final class ManagementApi {
  /** Where the API lives. */
  public static final String BASE = "/runtime/webhooks/durabletask";
  /** Durable Functions' paging header. */
  public static final String CONTINUATION = "x-ms-continuation-token";

  private final CairnClient client;

  /** An API over a client. */
  public ManagementApi(CairnClient client) {
    this.client = client;
  }

  /** Adds the API's routes. */
  public void register(Router router) {
    router
        .add("POST", BASE + "/orchestrators/{name}", this::start)
        .add("POST", BASE + "/orchestrators/{name}/{id}", this::start)
        .add("GET", BASE + "/instances", this::list)
        .add("DELETE", BASE + "/instances", this::purgeMany)
        .add("GET", BASE + "/instances/{id}", this::status)
        .add("DELETE", BASE + "/instances/{id}", this::purgeOne)
        .add("POST", BASE + "/instances/{id}/raiseEvent/{event}", this::raise)
        .add("POST", BASE + "/instances/{id}/terminate", this::terminate)
        .add("POST", BASE + "/instances/{id}/suspend", this::suspend)
        .add("POST", BASE + "/instances/{id}/resume", this::resume)
        .add("POST", BASE + "/instances/{id}/restart", this::restart)
        .add("GET", BASE + "/entities", this::listEntities)
        .add("GET", BASE + "/entities/{name}", this::listEntities)
        .add("GET", BASE + "/entities/{name}/{key}", this::entityState)
        .add("POST", BASE + "/entities/{name}/{key}", this::signal)
        .add("GET", "/healthz", request -> Response.json(200, "{\"status\":\"ok\"}"));
  }

  private static String baseUrl(Request request) {
    String host = request.header("host");
    if (host == null || !host.matches("[A-Za-z0-9.\\-:\\[\\]]{1,255}")) {
      host = "localhost";
    }
    return "http://" + host + BASE;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Durable Functions' management-URL payload for an instance. */
  static ObjectNode managementUrls(Request request, String id) {
    String instance = baseUrl(request) + "/instances/" + encode(id);
    ObjectNode urls = Json.object();
    urls.put("id", id);
    urls.put("statusQueryGetUri", instance);
    urls.put("sendEventPostUri", instance + "/raiseEvent/{eventName}");
    urls.put("terminatePostUri", instance + "/terminate?reason={text}");
    urls.put("suspendPostUri", instance + "/suspend?reason={text}");
    urls.put("resumePostUri", instance + "/resume?reason={text}");
    urls.put("restartPostUri", instance + "/restart");
    urls.put("purgeHistoryDeleteUri", instance);
    return urls;
  }

  private static Response accepted(Request request, String id) {
    ObjectNode urls = managementUrls(request, id);
    return Response.json(202, Json.write(urls)).with("Location", urls.get("statusQueryGetUri").asString());
  }

  private Response start(Request request) {
    JsonNode input = Json.body(request);
    String id = request.param("id");
    String started = client.start(request.param("name"), input.isNull() ? null : input,
        id == null ? StartOptions.defaults() : StartOptions.withId(id));
    return accepted(request, started);
  }

  private Response status(Request request) {
    String id = request.param("id");
    boolean showHistory = request.flag("showHistory", false);
    InstanceStatus status = client.getStatus(id, showHistory).orElseThrow(() -> new InstanceNotFoundException(id));
    ObjectNode body = statusJson(status, request.flag("showInput", true));
    if (showHistory) {
      ArrayNode events = body.putArray("historyEvents");
      HistoryView.of(status.history(), request.flag("showHistoryOutput", false)).forEach(events::add);
    }
    Response response = Response.json(status.isTerminal() ? 200 : 202, Json.write(body));
    return status.isTerminal() ? response : response.with("Location", baseUrl(request) + "/instances/" + encode(id));
  }

  /** An instance's status in Durable Functions' shape. */
  public static ObjectNode statusJson(InstanceStatus status, boolean showInput) {
    ObjectNode body = Json.object();
    body.put("name", status.name());
    body.put("instanceId", status.instanceId());
    body.put("runtimeStatus", status.runtimeStatus().displayName());
    if (showInput) {
      body.set("input", Json.stored(status.input()));
    }
    body.set("customStatus", Json.stored(status.customStatus()));
    if (status.runtimeStatus() == RuntimeStatus.FAILED && status.failure() != null && status.output() == null) {
      body.put("output", "Orchestrator function '" + status.name() + "' failed: " + status.failure().summary());
    } else {
      body.set("output", Json.stored(status.output()));
    }
    if (status.failure() != null) {
      ObjectNode failure = body.putObject("failureDetails");
      failure.put("errorType", status.failure().errorType());
      failure.put("errorMessage", status.failure().errorMessage());
      failure.put("stackTrace", status.failure().stackTrace());
    }
    body.put("createdTime", status.createdAt().toString());
    body.put("lastUpdatedTime", status.lastUpdatedAt().toString());
    if (status.parentInstanceId() != null) {
      body.put("parentInstanceId", status.parentInstanceId());
    }
    return body;
  }

  private Response list(Request request) {
    InstanceQuery query = new InstanceQuery(statuses(request.queryParam("runtimeStatus")),
        blankToNull(request.queryParam("name")),
        time(request, "createdTimeFrom"), time(request, "createdTimeTo"), blankToNull(request.queryParam("instanceIdPrefix")),
        top(request), blankToNull(request.header(CONTINUATION)), false);
    InstancePage page = client.query(query);
    boolean showInput = request.flag("showInput", false);
    ArrayNode items = Json.MAPPER.createArrayNode();
    page.instances().forEach(status -> items.add(statusJson(status, showInput)));
    Response response = Response.json(200, Json.write(items));
    return page.continuationToken() == null ? response : response.with(CONTINUATION, page.continuationToken());
  }

  private Response purgeOne(Request request) {
    String id = request.param("id");
    if (!client.purge(id)) {
      throw new InstanceNotFoundException(id);
    }
    return Response.json(200, "{\"instancesDeleted\":1}");
  }

  private Response purgeMany(Request request) {
    Instant from = time(request, "createdTimeFrom");
    if (from == null) {
      throw ApiException.badRequest("Purging by filter needs createdTimeFrom (ISO-8601), so that nothing is deleted"
          + " by accident; add createdTimeTo and runtimeStatus to narrow it.");
    }
    Set<RuntimeStatus> statuses = statuses(request.queryParam("runtimeStatus"));
    int deleted = client.purge(new PurgeFilter(from, time(request, "createdTimeTo"), statuses));
    if (deleted == 0) {
      throw ApiException.notFound("No finished instance matches the filter.");
    }
    return Response.json(200, "{\"instancesDeleted\":" + deleted + "}");
  }

  private Response raise(Request request) {
    JsonNode data = Json.body(request);
    client.raiseEvent(request.param("id"), request.param("event"), data.isNull() ? null : data);
    return Response.empty(202);
  }

  private Response terminate(Request request) {
    client.terminate(request.param("id"), request.queryParam("reason"), request.flag("recursive", false));
    return Response.empty(202);
  }

  private Response suspend(Request request) {
    client.suspend(request.param("id"), request.queryParam("reason"));
    return Response.empty(202);
  }

  private Response resume(Request request) {
    client.resume(request.param("id"), request.queryParam("reason"));
    return Response.empty(202);
  }

  private Response restart(Request request) {
    String restarted = client.restart(request.param("id"), request.flag("restartWithNewInstanceId", true));
    return accepted(request, restarted);
  }

  private Response signal(Request request) {
    String operation = request.queryParam("op");
    if (operation == null || operation.isEmpty()) {
      throw ApiException.badRequest("Signalling an entity needs the operation: ?op=<name>.");
    }
    JsonNode input = Json.body(request);
    client.signalEntity(entityId(request), operation, input.isNull() ? null : input);
    return Response.empty(202);
  }

  private Response entityState(Request request) {
    EntityId id = entityId(request);
    EntityMetadata entity = client.getEntity(id).orElseThrow(() -> ApiException.notFound(
        "Entity " + id + " has no state: no operation has created it yet, or its state was deleted."));
    return Response.json(200, entity.state());
  }

  private Response listEntities(Request request) {
    for (String unsupported : new String[] {"lastOperationTimeFrom", "lastOperationTimeTo"}) {
      if (request.queryParam(unsupported) != null) {
        throw ApiException.badRequest("The query parameter '" + unsupported + "' is not supported; filter by"
            + " name and keyPrefix.");
      }
    }
    EntityQuery query = new EntityQuery(request.param("name"), blankToNull(request.queryParam("keyPrefix")), false,
        top(request), blankToNull(request.header(CONTINUATION)));
    if (query.keyPrefix() != null && query.name() == null) {
      throw ApiException.badRequest("keyPrefix needs an entity name: GET .../entities/{name}?keyPrefix=...");
    }
    EntityPage page = client.queryEntities(query);
    boolean fetchState = request.flag("fetchState", false);
    ArrayNode items = Json.MAPPER.createArrayNode();
    for (EntityMetadata entity : page.entities()) {
      ObjectNode item = items.addObject();
      item.putObject("entityId").put("key", entity.id().key()).put("name", entity.id().name());
      item.put("lastOperationTime", entity.lastModified().toString());
      if (fetchState) {
        item.set("state", Json.stored(entity.state()));
      }
    }
    Response response = Response.json(200, Json.write(items));
    return page.continuationToken() == null ? response : response.with(CONTINUATION, page.continuationToken());
  }

  private static EntityId entityId(Request request) {
    try {
      return EntityId.of(request.param("name"), request.param("key"));
    } catch (InvalidRequestException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static Set<RuntimeStatus> statuses(String text) {
    Set<RuntimeStatus> statuses = EnumSet.noneOf(RuntimeStatus.class);
    if (text != null && !text.isBlank()) {
      for (String name : text.split(",")) {
        statuses.add(RuntimeStatus.parse(name.strip()));
      }
    }
    return statuses;
  }

  private static Instant time(Request request, String name) {
    String text = request.queryParam(name);
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("The query parameter '" + name + "' must be an ISO-8601 time such as"
          + " 2026-01-31T12:00:00Z, not '" + text + "'.");
    }
  }

  private static int top(Request request) {
    String text = request.queryParam("top");
    if (text == null || text.isEmpty()) {
      return 100;
    }
    try {
      int top = Integer.parseInt(text);
      if (top >= 1 && top <= InstanceQuery.MAX_PAGE_SIZE) {
        return top;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw ApiException.badRequest("The query parameter 'top' must be a number from 1 to " + InstanceQuery.MAX_PAGE_SIZE
        + ", not '" + text + "'.");
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
