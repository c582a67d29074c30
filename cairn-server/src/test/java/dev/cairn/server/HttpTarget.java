package dev.cairn.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A Cairn server reachable over HTTP, with small helpers to call it. Closing it stops the server. */
public abstract class HttpTarget implements AutoCloseable {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The server's port on 127.0.0.1. */
  protected abstract int port();

  /** An absolute URI for a path. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  /** Sends a request and reads the body as text. */
  public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** GET a path. */
  public HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** POST JSON (or nothing) to a path. */
  public HttpResponse<String> post(String path, String body) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** DELETE a path. */
  public HttpResponse<String> delete(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  /** Stops what this target started. */
  protected abstract void stop() throws Exception;

  @Override
  public void close() throws Exception {
    http.close();
    stop();
  }
}
