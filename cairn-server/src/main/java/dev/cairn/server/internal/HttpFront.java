package dev.cairn.server.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that knows the HTTP server library (the JDK's {@code com.sun.net.httpserver}, on virtual
 * threads): it turns exchanges into {@link Request}s, refuses oversized bodies before reading them whole, and
 * writes {@link Response}s with safe default headers.
 */
public final class HttpFront implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final int maxBodyBytes;
  private final ServerApp app;
  private final AtomicInteger inFlight = new AtomicInteger();

  /**
   * How much more than the largest accepted body a refused request's body may be to be read and dropped, so that
   * the connection answers cleanly (closing a socket with unread data resets it, and the client may lose the
   * answer) and is kept; a larger body gets {@code Connection: close} instead.
   */
  private static final int DRAIN_LIMIT = 1 << 20;

  /** Binds the address and starts serving {@code app}. */
  public HttpFront(InetSocketAddress address, int maxBodyBytes, ServerApp app) throws IOException {
    this.maxBodyBytes = maxBodyBytes;
    this.app = app;
    this.server = HttpServer.create(address, 256);
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  /** The address actually bound (its port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Requests being served now. */
  public int inFlight() {
    return inFlight.get();
  }

  private void serve(HttpExchange exchange) {
    inFlight.incrementAndGet();
    String path = exchange.getRequestURI().getRawPath();
    try {
      write(exchange, respond(exchange, path));
    } catch (IOException | RuntimeException e) {
      LOG.debug("Could not answer {} {}: {}", exchange.getRequestMethod(), path, e.toString());
    } finally {
      exchange.close();
      inFlight.decrementAndGet();
    }
  }

  /**
   * Builds the response: the token and cross-site checks come first, on the headers alone, so that a request
   * that may not be served learns nothing else (not even that its body is too large or its path malformed).
   */
  private Response respond(HttpExchange exchange, String path) throws IOException {
    Map<String, List<String>> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    Map<String, String> query;
    List<String> segments;
    RuntimeException malformed = null;
    try {
      query = UrlEncoded.decode(exchange.getRequestURI().getRawQuery(), "The query string");
    } catch (ApiException e) {
      query = Map.of();
      malformed = e;
    }
    try {
      segments = segments(path);
    } catch (ApiException e) {
      segments = List.of();
      malformed = malformed == null ? e : malformed;
    }
    Request head = new Request(method, path, segments, query, headers, new byte[0], Map.of());
    Response refused = app.preflight(head);
    if (refused == null && malformed != null) {
      refused = Problems.of(malformed, path);
    }
    if (refused != null) {
      return drained(exchange) ? refused : refused.with("Connection", "close");
    }
    byte[] body;
    try {
      body = body(exchange, headers);
    } catch (ApiException tooLarge) {
      Response problem = Problems.of(tooLarge, path);
      return drained(exchange) ? problem : problem.with("Connection", "close");
    }
    try {
      return app.apply(new Request(method, path, segments, query, headers, body, Map.of()));
    } catch (RuntimeException e) {
      return Problems.of(e, path);
    }
  }

  /** Reads and drops the body of a refused request; false when it was too large to drop. */
  private boolean drained(HttpExchange exchange) {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] buffer = new byte[8_192];
      long total = 0;
      int read;
      while ((read = in.read(buffer)) >= 0) {
        total += read;
        if (total > (long) maxBodyBytes + DRAIN_LIMIT) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private byte[] body(HttpExchange exchange, Map<String, List<String>> headers) throws IOException {
    List<String> lengths = headers.get("content-length");
    if (lengths != null && !lengths.isEmpty()) {
      try {
        long declared = Long.parseLong(lengths.get(0).strip());
        if (declared > maxBodyBytes) {
          throw ApiException.tooLarge(declared, maxBodyBytes);
        }
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("The Content-Length header is not a number.");
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8_192];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        if (out.size() > maxBodyBytes) {
          throw ApiException.tooLarge(-1, maxBodyBytes);
        }
      }
      return out.toByteArray();
    }
  }

  /** The path's segments, each percent-decoded as UTF-8 ({@code +} stays a plus). */
  static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String part : rawPath.split("/", -1)) {
      if (!part.isEmpty()) {
        segments.add(percentDecode(part));
      }
    }
    return segments;
  }

  private static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length()) {
          throw ApiException.badRequest("The path has an incomplete percent escape: '" + text + "'.");
        }
        int high = Character.digit(text.charAt(i + 1), 16);
        int low = Character.digit(text.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw ApiException.badRequest("The path has an invalid percent escape: '" + text + "'.");
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void write(HttpExchange exchange, Response response) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "same-origin");
    headers.set("Cache-Control", "no-store");
    if (response.contentType() != null) {
      headers.set("Content-Type", response.contentType());
      if (response.contentType().startsWith("text/html")) {
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy",
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
      }
    }
    response.headers().forEach(headers::set);
    byte[] body = response.body();
    boolean noBody = body.length == 0 || response.status() == 204 || response.status() == 304
        || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }
}
