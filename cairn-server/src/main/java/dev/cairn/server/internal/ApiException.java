package dev.cairn.server.internal;

/** A request the API refuses, with the status and the problem to report. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String title;
  private final java.util.Map<String, String> headers;

  ApiException(int status, String title, String detail, java.util.Map<String, String> headers) {
    super(detail);
    this.status = status;
    this.title = title;
    this.headers = headers;
  }

  /** 400: what was wrong with the request. */
  public static ApiException badRequest(String detail) {
    return new ApiException(400, "Bad request", detail, java.util.Map.of());
  }

  /** 404: nothing at this address. */
  public static ApiException notFound(String detail) {
    return new ApiException(404, "Not found", detail, java.util.Map.of());
  }

  /** 405, with the methods that are allowed. */
  public static ApiException methodNotAllowed(String method, String path, String allowed) {
    return new ApiException(405, "Method not allowed",
        method + " is not allowed on " + path + "; use " + allowed + ".", java.util.Map.of("Allow", allowed));
  }

  /** 401: a token is required. */
  public static ApiException unauthorized() {
    return new ApiException(401, "Unauthorized",
        "This server requires a token: send 'Authorization: Bearer <token>' (or ?code=<token>). The token is"
            + " printed when the server starts, or set with CAIRN_TOKEN.",
        java.util.Map.of("WWW-Authenticate", "Bearer realm=\"cairn\""));
  }

  /** 403: a cross-site request. */
  public static ApiException forbidden(String detail) {
    return new ApiException(403, "Forbidden", detail, java.util.Map.of());
  }

  /** 413: the body is over the limit. */
  public static ApiException tooLarge(long size, long limit) {
    return new ApiException(413, "Payload too large", "The request body is " + (size < 0 ? "more than" : "")
        + (size < 0 ? " " + limit : size) + " bytes; at most " + limit + " are accepted.", java.util.Map.of());
  }

  /** 415: a body type the API does not read. */
  public static ApiException unsupportedMediaType(String type) {
    return new ApiException(415, "Unsupported media type",
        "The body's content type '" + type + "' is not supported; send JSON (application/json).",
        java.util.Map.of());
  }

  /** The status code. */
  public int status() {
    return status;
  }

  /** A short title for the problem. */
  public String title() {
    return title;
  }

  /** Headers to add to the response. */
  public java.util.Map<String, String> headers() {
    return headers;
  }
}
