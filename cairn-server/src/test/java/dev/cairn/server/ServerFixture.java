package dev.cairn.server;

import dev.cairn.examples.ExamplesApplication;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import dev.cairn.testing.InMemoryStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A runtime with the bundled examples, served over HTTP on a free port, and a small HTTP client for it. */
final class ServerFixture implements AutoCloseable {
  final Store store = InMemoryStore.create(4, java.time.InstantSource.system());
  final Cairn cairn;
  final CairnServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ServerFixture(ServerOptions options) {
    cairn = new ExamplesApplication().registerAll(Cairn.builder()).store(store).start();
    server = CairnServer.start(cairn, options.withPort(0));
  }

  ServerFixture() {
    this(ServerOptions.defaults());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> delete(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  @Override
  public void close() {
    server.close();
    cairn.close();
    http.close();
  }
}
