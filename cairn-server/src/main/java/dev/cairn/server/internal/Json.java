package dev.cairn.server.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON for the API: parses bodies strictly, writes responses. */
public final class Json {
  /** The server's mapper. */
  public static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Json() {}

  /** A new object node. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * The request body as a JSON value; an empty body is JSON null.
   *
   * @throws ApiException (400) when the body is not JSON
   */
  public static JsonNode body(Request request) {
    String type = request.header("content-type");
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
      throw ApiException.unsupportedMediaType(type);
    }
    if (request.body().length == 0) {
      return MAPPER.nullNode();
    }
    return parse(request.bodyText(), "The request body");
  }

  /**
   * Parses JSON text.
   *
   * @throws ApiException (400) naming {@code what} when it is not JSON
   */
  public static JsonNode parse(String text, String what) {
    try {
      return MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw ApiException.badRequest(what + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** Stored JSON text as a node (null for none). */
  public static JsonNode stored(String json) {
    if (json == null) {
      return MAPPER.nullNode();
    }
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      return MAPPER.getNodeFactory().stringNode(json);
    }
  }

  /** A value as compact JSON. */
  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  /** Stored JSON text, indented for people (null for none). */
  public static String pretty(String json) {
    return json == null ? null : PRETTY.writeValueAsString(stored(json));
  }
}
