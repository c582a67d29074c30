package dev.cairn.server.internal;

import dev.cairn.failure.EntityCallNotAllowedException;
import dev.cairn.failure.EntityNotFoundException;
import dev.cairn.failure.InstanceAlreadyExistsException;
import dev.cairn.failure.InstanceFinishedException;
import dev.cairn.failure.InstanceNotFoundException;
import dev.cairn.failure.InvalidRequestException;
import dev.cairn.failure.PayloadTooLargeException;
import dev.cairn.failure.StoreException;
import dev.cairn.failure.UnknownFunctionException;
import dev.cairn.failure.WaitTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns failures into {@code application/problem+json} responses (RFC 9457) that say what was wrong. Bad input
 * always gets a 4xx; only the server's own trouble (the store down, a bug) gets a 5xx.
 */
public final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** The response for a failure while serving {@code path}. */
  public static Response of(Throwable failure, String path) {
    return switch (failure) {
      case ApiException e -> {
        Response response = problem(e.status(), e.title(), e.getMessage(), path);
        for (var header : e.headers().entrySet()) {
          response = response.with(header.getKey(), header.getValue());
        }
        yield response;
      }
      case PayloadTooLargeException e -> problem(413, "Payload too large", e.getMessage(), path);
      case InvalidRequestException e -> problem(400, "Bad request", e.getMessage(), path);
      case UnknownFunctionException e -> problem(404, "Unknown " + e.kind(), e.getMessage(), path);
      case InstanceNotFoundException e -> problem(404, "Instance not found", e.getMessage(), path);
      case EntityNotFoundException e -> problem(404, "Entity not found", e.getMessage(), path);
      case InstanceAlreadyExistsException e -> problem(409, "Instance exists", e.getMessage(), path);
      case InstanceFinishedException e -> problem(410, "Instance finished", e.getMessage(), path);
      case EntityCallNotAllowedException e -> problem(400, "Not allowed", e.getMessage(), path);
      case WaitTimeoutException e -> problem(408, "Timed out", e.getMessage(), path);
      case IllegalArgumentException e -> problem(400, "Bad request", e.getMessage(), path);
      case StoreException e -> {
        LOG.error("Store failure while serving {}", path, e);
        yield problem(503, "Store unavailable", "The store failed: " + e.getMessage() + " Try again shortly.", path);
      }
      default -> {
        LOG.error("Unexpected failure while serving {}", path, failure);
        yield problem(500, "Internal error", "The server failed unexpectedly (" + failure.getClass().getSimpleName()
            + "); the log has the details.", path);
      }
    };
  }

  /** A problem response. */
  public static Response problem(int status, String title, String detail, String path) {
    ObjectNode body = Json.object();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", path);
    Response json = Response.json(status, Json.write(body));
    return new Response(status, "application/problem+json; charset=utf-8", json.body(), json.headers());
  }
}
