package dev.cairn.cli;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The CLI's client of the server's HTTP API. */
final class HttpApi {
  static final String API = "/runtime/webhooks/durabletask";

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A response. */
  record Reply(int status, String body, java.net.http.HttpHeaders headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JacksonException e) {
        throw new CliFailure(ExitCode.UNAVAILABLE, "The server's answer is not JSON: " + body);
      }
    }
  }

  private final URI server;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  HttpApi(String server, String token) {
    String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    try {
      this.server = URI.create(base);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(ExitCode.USAGE, "--server must be a URL such as http://127.0.0.1:8080, not '" + server + "'");
    }
    this.token = token;
  }

  static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String query(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  Reply send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null && !token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response.headers());
    } catch (ConnectException e) {
      throw new CliFailure(ExitCode.UNAVAILABLE, "Cannot reach the Cairn server at " + server + ". Is it running"
          + " (cairn serve)? Point to another with --server URL.");
    } catch (IOException e) {
      throw new CliFailure(ExitCode.UNAVAILABLE, "Talking to the Cairn server at " + server + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCode.UNAVAILABLE, "Interrupted");
    }
  }

  Reply send(String method, String path, String body) {
    return send(method, path, body, Map.of());
  }

  /** The reply if its status is one of {@code expected}; otherwise a failure with the server's explanation. */
  static Reply expect(Reply reply, int... expected) {
    for (int status : expected) {
      if (reply.status() == status) {
        return reply;
      }
    }
    String detail = reply.body();
    try {
      JsonNode problem = JSON.readTree(reply.body());
      if (problem.has("detail")) {
        detail = problem.get("detail").asString();
      }
    } catch (JacksonException e) {
      // Not a problem document: show the body as it is.
    }
    throw new CliFailure(ExitCode.forStatus(reply.status()), "Error " + reply.status() + ": " + detail);
  }
}
