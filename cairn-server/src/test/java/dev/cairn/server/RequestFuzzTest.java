package dev.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A seeded request fuzzer: malformed JSON, wrong methods and content types, oversized bodies, hostile ids,
 * unknown names, and (beyond loopback) missing or wrong tokens. No request may get a 5xx, none may get past a
 * required token, every well-formed request gets an answer (only a header with bytes HTTP does not allow may
 * get the connection closed), and afterwards the server must be healthy with its threads and connections back
 * to where they were. The seed is printed; {@code -Dcairn.fuzz.seed=...} replays a run, {@code -Dcairn.fuzz.requests}
 * sets the count (default 10,000).
 */
class RequestFuzzTest {
  private static final int REQUESTS = Integer.getInteger("cairn.fuzz.requests", 10_000);
  private static final String API = "/runtime/webhooks/durabletask";
  private static final String[] ROUTES = {
    API + "/orchestrators/{name}", API + "/orchestrators/{name}/{id}", API + "/instances", API + "/instances/{id}",
    API + "/instances/{id}/raiseEvent/{event}", API + "/instances/{id}/terminate", API + "/instances/{id}/suspend",
    API + "/instances/{id}/resume", API + "/instances/{id}/restart", API + "/entities", API + "/entities/{name}",
    API + "/entities/{name}/{key}", "/healthz", "/", "/ui", "/ui/instances", "/ui/instances/{id}",
    "/ui/instances/{id}/live", "/ui/instances/{id}/raise", "/ui/instances/{id}/terminate", "/ui/start",
    "/ui/entities", "/ui/entities/{name}/{key}", "/ui/entities/{name}/{key}/signal", "/ui/login", "/nowhere/{id}"
  };
  private static final String[] NAMES = {"HelloCities", "FanOutFanIn", "ApprovalWorkflow", "Monitor",
    "TransferFunds", "Counter", "Account", "NoSuchThing", "helloCities"};
  private static final String[] HOSTILE = {"", "a", "../..", "..%2F..", "%2e%2e", "%2E%2E%2Fetc", "%00", "%0A%0D",
    "%7F", "%E2%80%AE", "%F0%9F%92%A9", "e%CC%81", "%40Account%40x", "%25", "%ZZ", "%", "a%2Fb", "<script>",
    "%22%27", "%20lead", "trail%20", "%EF%BF%BF", "%C0%AF"};
  private static final String[] BODIES = {"", "null", "1", "\"text\"", "{}", "[]", "{\"timeoutSeconds\": 1}",
    "{\"from\":\"a\",\"to\":\"b\",\"amount\":5}", "{", "[1,", "nul", "{\"a\":}", "\u0000\u0001", "<xml/>", "{'a':1}",
    "123abc", "{\"from\":\"a\",\"to\":\"a\",\"amount\":-1}", "1e999999", "-0"};
  private static final String[] TYPES = {"application/json", "text/plain", "multipart/form-data; boundary=x",
    "application/xml", "application/x-www-form-urlencoded", "garbage/\u00ff", null};
  private static final String[] METHODS = {"GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS", "HEAD", "PROPFIND"};

  private final Random random;
  private final long seed;

  RequestFuzzTest() {
    seed = Long.getLong("cairn.fuzz.seed", System.nanoTime());
    random = new Random(seed);
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private String segment() {
    return switch (random.nextInt(6)) {
      case 0 -> pick(NAMES);
      case 1 -> "id-" + random.nextInt(20);
      case 2 -> "x".repeat(random.nextInt(2) == 0 ? 300 : 10_000);
      default -> pick(HOSTILE);
    };
  }

  private String path() {
    String path = pick(ROUTES);
    while (path.contains("{")) {
      int start = path.indexOf('{');
      path = path.substring(0, start) + segment() + path.substring(path.indexOf('}', start) + 1);
    }
    if (random.nextInt(3) == 0) {
      path += switch (random.nextInt(8)) {
        case 0 -> "?top=" + pick(new String[] {"-1", "0", "abc", "99999999999", "5"});
        case 1 -> "?runtimeStatus=" + pick(new String[] {"Running", "Sleeping", ",,", "%00"});
        case 2 -> "?createdTimeFrom=" + pick(new String[] {"yesterday", "2030-01-01T00:00:00Z", "%ZZ"});
        case 3 -> "?op=" + pick(NAMES) + "&showHistory=" + pick(new String[] {"true", "maybe"});
        case 4 -> "?reason=" + "r".repeat(random.nextInt(3_000));
        case 5 -> "?restartWithNewInstanceId=" + pick(new String[] {"false", "1"});
        case 6 -> "?code=wrong&fetchState=true";
        default -> "?" + pick(HOSTILE) + "=" + pick(HOSTILE);
      };
    }
    return path;
  }

  private String body() {
    int kind = random.nextInt(20);
    if (kind == 0) {
      return "\"" + "y".repeat(70_000) + "\"";
    }
    if (kind == 1) {
      StringBuilder deep = new StringBuilder();
      deep.append("[".repeat(5_000)).append("]".repeat(5_000));
      return deep.toString();
    }
    return pick(BODIES);
  }

  private record Outcome(String path, int status, String contentType, String location) {}

  private Outcome sendOne(HttpTarget server, String token, boolean withToken) throws Exception {
    String method = pick(METHODS);
    String body = method.equals("GET") || method.equals("HEAD") ? null : body();
    String path = path();
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(server.uri(path));
    } catch (IllegalArgumentException e) {
      return null;
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    String type = pick(TYPES);
    if (type != null && body != null) {
      try {
        request.header("Content-Type", type);
      } catch (IllegalArgumentException e) {
        // Characters the client refuses to send: skip the header.
      }
    }
    if (random.nextInt(5) == 0) {
      request.header("Accept", "text/html");
    }
    if (random.nextInt(10) == 0) {
      request.header("Origin", pick(new String[] {"https://evil.example", "null", "http://127.0.0.1"}));
    }
    if (withToken) {
      request.header("Authorization", "Bearer " + token);
    } else if (token != null && random.nextBoolean()) {
      request.header("Authorization", "Bearer " + token.substring(1));
    }
    try {
      HttpResponse<String> response = server.send(request);
      return new Outcome(path, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Location").orElse(""));
    } catch (IOException e) {
      return new Outcome(path, -1, e + " (" + method + ", body " + (body == null ? 0 : body.length()) + " chars, type "
          + type + ")", "");
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 120 ? text.substring(0, 120) + "..." : text;
  }

  private static long socketCount() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException e) {
          return false;
        }
      }).count();
    }
  }

  private static int platformThreads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  private void fuzz(ServerOptions options, boolean tokenRequired) throws Exception {
    TreeMap<Integer, AtomicInteger> statuses = new TreeMap<>();
    List<String> violations = new ArrayList<>();
    try (ServerFixture server = new ServerFixture(options.withMaxBodyBytes(64 * 1024))) {
      String token = server.server.token();
      server.get("/healthz?code=" + token);
      long sockets = socketCount();
      int threads = platformThreads();
      try (HttpTarget client = new ClientOnly(server.port())) {
        for (int i = 0; i < REQUESTS; i++) {
          boolean withToken = !tokenRequired || random.nextInt(4) == 0;
          Outcome outcome = sendOne(client, token, withToken);
          if (outcome == null) {
            continue;
          }
          statuses.computeIfAbsent(outcome.status(), s -> new AtomicInteger()).incrementAndGet();
          if (outcome.status() == -1 && !outcome.contentType().contains("garbage")) {
            violations.add("request " + i + " to " + abbreviate(outcome.path()) + " got no answer: "
                + outcome.contentType());
          }
          if (outcome.status() >= 500) {
            violations.add("request " + i + " to " + abbreviate(outcome.path()) + " got " + outcome.status());
          }
          boolean exempt = outcome.path().startsWith("/ui/login");
          boolean toLogin = outcome.status() == 303 && outcome.location().equals("/ui/login");
          boolean unanswered = outcome.status() == -1;
          if (tokenRequired && !withToken && !exempt && outcome.status() != 401 && !toLogin && !unanswered) {
            violations.add("request " + i + " to " + abbreviate(outcome.path()) + " without the token got "
                + outcome.status() + " " + outcome.contentType());
          }
          if (outcome.status() >= 400 && outcome.status() != 401 && !outcome.contentType().contains("json")
              && !outcome.contentType().startsWith("text/html")) {
            violations.add("request " + i + " to " + abbreviate(outcome.path()) + ": " + outcome.status()
                + " without a problem body (" + outcome.contentType() + ")");
          }
        }
      }
      assertThat(violations).as("seed %d, statuses %s", seed, statuses).isEmpty();
      assertThat(server.get("/healthz?code=" + token).statusCode()).isEqualTo(200);
      Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
        assertThat(server.server.requestsInFlight()).isZero();
        assertThat(socketCount()).as("sockets").isLessThanOrEqualTo(sockets + 2);
        assertThat(platformThreads()).as("platform threads").isLessThanOrEqualTo(threads + 2);
      });
      System.out.printf("Fuzzed %d requests (seed %d, token %s): statuses %s%n", REQUESTS, seed,
          tokenRequired ? "required" : "not required", statuses);
    }
  }

  @Test
  void fuzzedRequestsOnLoopback_neverGetA5xx_andLeaveTheServerAsItWas() throws Exception {
    fuzz(ServerOptions.defaults(), false);
  }

  @Test
  void fuzzedRequestsBeyondLoopback_neverGetPastTheToken() throws Exception {
    fuzz(ServerOptions.defaults().withHost("0.0.0.0"), true);
  }

  /** An HTTP client of a server that another fixture owns. */
  private static final class ClientOnly extends HttpTarget {
    private final int port;

    ClientOnly(int port) {
      this.port = port;
    }

    @Override
    protected int port() {
      return port;
    }

    @Override
    protected void stop() {}
  }
}
