package dev.cairn.server;

import dev.cairn.runtime.Cairn;
import dev.cairn.server.internal.Auth;
import dev.cairn.server.internal.HttpFront;
import dev.cairn.server.internal.ManagementApi;
import dev.cairn.server.internal.ClusterApi;
import dev.cairn.server.internal.Router;
import dev.cairn.server.internal.ServerApp;
import dev.cairn.server.internal.ui.Dashboard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Serves a runtime over HTTP: the management API (Durable Functions' routes under {@code
 * /runtime/webhooks/durabletask/}), the dashboard (under {@code /}) and {@code /healthz}. Bound to loopback it
 * needs no token; bound to anything else it requires one on every route.
 *
 * <pre>{@code
 * try (Cairn cairn = ...start(); CairnServer server = CairnServer.start(cairn, ServerOptions.defaults())) {
 *   System.out.println("Dashboard: " + server.uri());
 * }
 * }</pre>
 */
public final class CairnServer implements AutoCloseable {
  static {
    // The JDK server's limits against slow or endless requests, unless the operator set them.
    setDefault("sun.net.httpserver.maxReqHeaders", "200");
    setDefault("sun.net.httpserver.maxReqTime", "60");
    setDefault("sun.net.httpserver.maxRspTime", "120");
    setDefault("sun.net.httpserver.idleInterval", "30");
  }

  private final HttpFront front;
  private final String token;
  private final String host;

  private CairnServer(HttpFront front, String token, String host) {
    this.front = front;
    this.token = token;
    this.host = host;
  }

  private static void setDefault(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /**
   * Starts serving a runtime.
   *
   * @throws UncheckedIOException when the address cannot be bound (the port is taken, the host unknown)
   */
  public static CairnServer start(Cairn cairn, ServerOptions options) {
    InetAddress address;
    try {
      address = InetAddress.getByName(options.host());
    } catch (IOException e) {
      throw new UncheckedIOException("Unknown host '" + options.host() + "'", e);
    }
    String token = options.token();
    if (token == null && !address.isLoopbackAddress()) {
      token = Auth.generate();
    }
    Auth auth = token == null ? Auth.none() : Auth.token(token);
    Router router = new Router();
    new ManagementApi(cairn.client()).register(router);
    new ClusterApi(cairn.store(), cairn.workerId(), cairn.partitionLease()).register(router);
    new Dashboard(cairn, auth).register(router);
    try {
      HttpFront front = new HttpFront(new InetSocketAddress(address, options.port()), options.maxBodyBytes(),
          new ServerApp(router, auth));
      return new CairnServer(front, token, options.host());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + options.host() + ":" + options.port() + " ("
          + e.getMessage() + "). Is another server using the port? Choose another with --port.", e);
    }
  }

  /** The port served. */
  public int port() {
    return front.address().getPort();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + shown + ":" + port() + "/");
  }

  /** The access token required, or null when none is. */
  public String token() {
    return token;
  }

  /** Requests being served right now. */
  public int requestsInFlight() {
    return front.inFlight();
  }

  /** Stops listening; requests in flight get a moment to finish. */
  @Override
  public void close() {
    front.close();
  }
}
