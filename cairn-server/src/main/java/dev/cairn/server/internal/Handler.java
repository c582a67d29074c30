package dev.cairn.server.internal;

/** Serves one route. */
@FunctionalInterface
public interface Handler {

  /** Builds the response; may throw {@link ApiException} or a Cairn exception, which become problems. */
  Response handle(Request request) throws Exception;
}
