package dev.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.server.internal.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every route of the management API, its success and its documented error codes, for the bundled examples. A
 * contract: run in process here, and against a real server process on SQLite by the CLI module.
 */
public abstract class ManagementApiContract {
  private static final String API = "/runtime/webhooks/durabletask";
  private HttpTarget fixture;

  /** A server with the bundled examples, fresh for each test. */
  protected abstract HttpTarget startServer() throws Exception;

  @BeforeEach
  void open() throws Exception {
    fixture = startServer();
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  private JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body(), "response");
  }

  private void assertProblem(HttpResponse<String> response, int status, String detailPart) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(response).get("detail").asString()).contains(detailPart);
    assertThat(json(response).get("status").asInt()).isEqualTo(status);
  }

  private JsonNode awaitStatus(String id, String runtimeStatus) {
    return Awaitility.await().atMost(Duration.ofSeconds(20)).until(
        () -> json(fixture.get(API + "/instances/" + id)), s -> s.get("runtimeStatus").asString().equals(runtimeStatus));
  }

  @Test
  void start_answers202WithLocationAndManagementUrls_andStatusIs200WhenFinished() throws Exception {
    HttpResponse<String> started = fixture.post(API + "/orchestrators/HelloCities/hello-1", null);

    assertThat(started.statusCode()).isEqualTo(202);
    JsonNode urls = json(started);
    assertThat(urls.get("id").asString()).isEqualTo("hello-1");
    String statusUri = urls.get("statusQueryGetUri").asString();
    assertThat(started.headers().firstValue("Location")).hasValue(statusUri);
    assertThat(statusUri).endsWith(API + "/instances/hello-1");
    assertThat(urls.get("sendEventPostUri").asString()).endsWith("/instances/hello-1/raiseEvent/{eventName}");
    assertThat(urls.has("terminatePostUri") && urls.has("purgeHistoryDeleteUri") && urls.has("restartPostUri")
        && urls.has("suspendPostUri") && urls.has("resumePostUri")).isTrue();

    JsonNode status = awaitStatus("hello-1", "Completed");
    assertThat(status.get("output").toString()).isEqualTo("[\"Hello Tokyo!\",\"Hello Seattle!\",\"Hello London!\"]");
    assertThat(status.get("name").asString()).isEqualTo("HelloCities");
    assertThat(fixture.get(API + "/instances/hello-1").statusCode()).isEqualTo(200);
    JsonNode withHistory = json(fixture.get(API + "/instances/hello-1?showHistory=true&showHistoryOutput=true"));
    assertThat(withHistory.get("historyEvents").toString()).contains("TaskCompleted", "Hello Tokyo!", "ScheduledTime");
    JsonNode withoutOutputs = json(fixture.get(API + "/instances/hello-1?showHistory=true&showInput=false"));
    assertThat(withoutOutputs.get("historyEvents").toString()).doesNotContain("Hello Tokyo!");
    assertThat(withoutOutputs.has("input")).isFalse();
  }

  @Test
  void start_errors_badJson400_unknownName404_existingId409_badId400() throws Exception {
    assertProblem(fixture.post(API + "/orchestrators/FanOutFanIn", "{not json"), 400, "not valid JSON");
    assertProblem(fixture.post(API + "/orchestrators/NoSuch", null), 404, "No orchestration named 'NoSuch'");
    fixture.post(API + "/orchestrators/ApprovalWorkflow/twice", "{\"timeoutSeconds\": 60}");
    assertProblem(fixture.post(API + "/orchestrators/ApprovalWorkflow/twice", null), 409, "already exists");
    assertProblem(fixture.post(API + "/orchestrators/HelloCities/%40Account%40x", null), 400, "reserved");
  }

  @Test
  void status_isAcceptedWhileRunning_andNotFoundForUnknownIds() throws Exception {
    fixture.post(API + "/orchestrators/ApprovalWorkflow/waiting", "{\"timeoutSeconds\": 600}");
    awaitStatus("waiting", "Running");

    HttpResponse<String> running = fixture.get(API + "/instances/waiting");
    assertThat(running.statusCode()).isEqualTo(202);
    assertThat(running.headers().firstValue("Location")).isPresent();
    assertProblem(fixture.get(API + "/instances/nobody"), 404, "'nobody'");
  }

  @Test
  void raiseEvent_accepted_badJson400_unknown404_finished410() throws Exception {
    fixture.post(API + "/orchestrators/ApprovalWorkflow/approve-me", "{\"timeoutSeconds\": 600}");
    awaitStatus("approve-me", "Running");

    assertProblem(fixture.post(API + "/instances/approve-me/raiseEvent/Approval", "{oops"), 400, "not valid JSON");
    assertThat(fixture.post(API + "/instances/approve-me/raiseEvent/Approval", "\"ok\"").statusCode()).isEqualTo(202);
    assertThat(awaitStatus("approve-me", "Completed").get("output").asString()).isEqualTo("approved");
    assertProblem(fixture.post(API + "/instances/approve-me/raiseEvent/Approval", "1"), 410, "already finished");
    assertProblem(fixture.post(API + "/instances/ghost/raiseEvent/Approval", "1"), 404, "'ghost'");
  }

  @Test
  void terminateSuspendResume_acceptedWhileRunning_goneWhenFinished() throws Exception {
    fixture.post(API + "/orchestrators/ApprovalWorkflow/control", "{\"timeoutSeconds\": 600}");
    awaitStatus("control", "Running");

    assertThat(fixture.post(API + "/instances/control/suspend?reason=pause", null).statusCode()).isEqualTo(202);
    awaitStatus("control", "Suspended");
    assertThat(fixture.post(API + "/instances/control/resume?reason=go", null).statusCode()).isEqualTo(202);
    awaitStatus("control", "Running");
    assertThat(fixture.post(API + "/instances/control/terminate?reason=enough", null).statusCode()).isEqualTo(202);
    assertThat(awaitStatus("control", "Terminated").get("output").asString()).isEqualTo("enough");
    assertProblem(fixture.post(API + "/instances/control/terminate", null), 410, "already finished");
    assertProblem(fixture.post(API + "/instances/control/suspend", null), 410, "already finished");
    assertProblem(fixture.post(API + "/instances/nobody/resume", null), 404, "'nobody'");
  }

  @Test
  void restart_startsAgain_underANewIdByDefault() throws Exception {
    fixture.post(API + "/orchestrators/FanOutFanIn/sum-10", "10");
    awaitStatus("sum-10", "Completed");

    HttpResponse<String> again = fixture.post(API + "/instances/sum-10/restart", null);
    assertThat(again.statusCode()).isEqualTo(202);
    String newId = json(again).get("id").asString();
    assertThat(newId).isNotEqualTo("sum-10");
    assertThat(awaitStatus(newId, "Completed").get("output").asInt()).isEqualTo(55);
    assertThat(json(fixture.post(API + "/instances/sum-10/restart?restartWithNewInstanceId=false", null))
        .get("id").asString()).isEqualTo("sum-10");
    assertProblem(fixture.post(API + "/instances/nobody/restart", null), 404, "'nobody'");
  }

  @Test
  void purge_one_andByFilter() throws Exception {
    fixture.post(API + "/orchestrators/HelloCities/purge-1", null);
    fixture.post(API + "/orchestrators/HelloCities/purge-2", null);
    fixture.post(API + "/orchestrators/ApprovalWorkflow/keep", "{\"timeoutSeconds\": 600}");
    awaitStatus("purge-1", "Completed");
    awaitStatus("purge-2", "Completed");
    awaitStatus("keep", "Running");

    HttpResponse<String> one = fixture.delete(API + "/instances/purge-1");
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(json(one).get("instancesDeleted").asInt()).isEqualTo(1);
    assertProblem(fixture.delete(API + "/instances/purge-1"), 404, "'purge-1'");
    assertProblem(fixture.delete(API + "/instances/keep"), 400, "only finished instances");
    assertProblem(fixture.delete(API + "/instances"), 400, "createdTimeFrom");
    String from = Instant.now().minus(Duration.ofHours(1)).toString();
    HttpResponse<String> many = fixture.delete(API + "/instances?createdTimeFrom=" + from + "&runtimeStatus=Completed");
    assertThat(json(many).get("instancesDeleted").asInt()).isEqualTo(1);
    assertProblem(fixture.delete(API + "/instances?createdTimeFrom=" + from + "&runtimeStatus=Completed"), 404,
        "No finished instance");
  }

  @Test
  void list_filtersAndPagesWithTheContinuationHeader() throws Exception {
    for (int i = 0; i < 5; i++) {
      fixture.post(API + "/orchestrators/HelloCities/list-" + i, null);
    }
    fixture.post(API + "/orchestrators/ApprovalWorkflow/other", "{\"timeoutSeconds\": 600}");
    for (int i = 0; i < 5; i++) {
      awaitStatus("list-" + i, "Completed");
    }

    HttpResponse<String> first = fixture.get(API + "/instances?instanceIdPrefix=list-&top=3");
    assertThat(json(first)).hasSize(3);
    String token = first.headers().firstValue("x-ms-continuation-token").orElseThrow();
    HttpResponse<String> second = fixture.send(java.net.http.HttpRequest.newBuilder(
        fixture.uri(API + "/instances?instanceIdPrefix=list-&top=3")).header("x-ms-continuation-token", token).GET());
    assertThat(json(second)).hasSize(2);
    assertThat(second.headers().firstValue("x-ms-continuation-token")).isEmpty();
    assertThat(json(fixture.get(API + "/instances?runtimeStatus=Running,Pending"))).hasSize(1);
    String from = Instant.now().minus(Duration.ofHours(1)).toString();
    assertThat(json(fixture.get(API + "/instances?createdTimeFrom=" + from + "&createdTimeTo=" + from))).isEmpty();
    assertProblem(fixture.get(API + "/instances?runtimeStatus=Sleeping"), 400, "Unknown runtime status");
    assertProblem(fixture.get(API + "/instances?top=0"), 400, "'top'");
    assertProblem(fixture.get(API + "/instances?createdTimeFrom=yesterday"), 400, "ISO-8601");
  }

  @Test
  void entities_signalReadAndList() throws Exception {
    assertThat(fixture.post(API + "/entities/Counter/visits?op=add", "5").statusCode()).isEqualTo(202);
    fixture.post(API + "/entities/Counter/visits?op=add", "2");
    Awaitility.await().atMost(Duration.ofSeconds(20))
        .until(() -> fixture.get(API + "/entities/Counter/visits").body().equals("7"));

    HttpResponse<String> state = fixture.get(API + "/entities/Counter/visits");
    assertThat(state.statusCode()).isEqualTo(200);
    JsonNode list = json(fixture.get(API + "/entities/Counter?fetchState=true"));
    assertThat(list.get(0).get("entityId").get("name").asString()).isEqualTo("Counter");
    assertThat(list.get(0).get("entityId").get("key").asString()).isEqualTo("visits");
    assertThat(list.get(0).get("state").asInt()).isEqualTo(7);
    assertThat(json(fixture.get(API + "/entities"))).hasSize(1);
    assertProblem(fixture.get(API + "/entities/Counter/never"), 404, "no state");
    assertProblem(fixture.post(API + "/entities/Counter/visits", "1"), 400, "?op=");
    assertProblem(fixture.post(API + "/entities/Nope/x?op=add", "1"), 404, "No entity named 'Nope'");
    assertProblem(fixture.post(API + "/entities/Counter/visits?op=add", "{bad"), 400, "not valid JSON");
  }

  @Test
  void cluster_showsThisWorkerOwningEveryPartition_theBacklogs_andTheActivityTasks() throws Exception {
    JsonNode cluster = json(fixture.get("/api/cluster"));
    String self = cluster.get("self").asString();
    assertThat(cluster.get("workers")).hasSize(1);
    JsonNode worker = cluster.get("workers").get(0);
    assertThat(worker.get("id").asString()).isEqualTo(self);
    int partitions = cluster.get("partitions").size();
    assertThat(partitions).isPositive();
    assertThat(worker.get("partitions")).hasSize(partitions);
    assertThat(worker.get("epochs").size()).isEqualTo(partitions);
    for (JsonNode partition : cluster.get("partitions")) {
      assertThat(partition.get("owner").asString()).isEqualTo(self);
      assertThat(partition.get("epoch").asLong()).isPositive();
      assertThat(partition.get("backlog").asLong()).isNotNegative();
    }
    assertThat(cluster.get("scale").get("partitionsWithoutOwner").asInt()).isZero();
    assertThat(cluster.get("scale").has("activityTasksByName")).isTrue();

    HttpResponse<String> page = fixture.get("/ui/cluster");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"workers\"", "id=\"partitions\"", self);
    assertThat(fixture.post("/api/cluster", "{}").statusCode()).isEqualTo(405);
  }

  @Test
  void unknownRoutesMethodsAndOversizedBodies_getProblems() throws Exception {
    assertProblem(fixture.get("/nowhere"), 404, "Nothing is served");
    HttpResponse<String> wrongMethod = fixture.send(java.net.http.HttpRequest.newBuilder(
        fixture.uri(API + "/instances/x")).PUT(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertProblem(wrongMethod, 405, "not allowed");
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("GET"));
    String huge = "\"" + "x".repeat(ServerOptions.DEFAULT_MAX_BODY_BYTES + 10) + "\"";
    assertProblem(fixture.post(API + "/orchestrators/HelloCities", huge), 413, "at most");
    assertThat(fixture.get("/healthz").body()).isEqualTo("{\"status\":\"ok\"}");
  }
}
