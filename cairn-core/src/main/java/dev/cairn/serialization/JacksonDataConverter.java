package dev.cairn.serialization;

import dev.cairn.failure.InvalidRequestException;
import java.lang.reflect.Type;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default {@link DataConverter}: Jackson 3, which handles records and {@code java.time} types without
 * extra modules. Map entries are written in key order so that serialization is deterministic.
 */
public final class JacksonDataConverter implements DataConverter {
  private static final Map<Class<?>, Object> PRIMITIVE_DEFAULTS =
      Map.of(
          int.class, 0, long.class, 0L, double.class, 0.0, float.class, 0.0f, boolean.class, false,
          short.class, (short) 0, byte.class, (byte) 0, char.class, '\0');

  private final JsonMapper mapper;

  /** A converter with Cairn's default Jackson configuration. */
  public JacksonDataConverter() {
    this(defaultMapper());
  }

  /** A converter with a mapper of your own (keep {@code ORDER_MAP_ENTRIES_BY_KEYS} on for determinism). */
  public JacksonDataConverter(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /** Cairn's default mapper: unknown properties ignored, map entries ordered by key. */
  public static JsonMapper defaultMapper() {
    return JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .build();
  }

  @Override
  public String serialize(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return mapper.writeValueAsString(value);
    } catch (JacksonException e) {
      throw new InvalidRequestException(
          "value",
          "Cannot serialize a "
              + value.getClass().getName()
              + " to JSON: "
              + e.getOriginalMessage()
              + ". Use a record or a class with public getters, or register a custom DataConverter.",
          e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T deserialize(String json, Type type) {
    if (json == null || json.equals("null")) {
      return type instanceof Class<?> c && c.isPrimitive() ? (T) PRIMITIVE_DEFAULTS.get(c) : null;
    }
    if (type == Void.class || type == void.class) {
      return null;
    }
    JavaType javaType = mapper.constructType(type);
    try {
      return mapper.readValue(json, javaType);
    } catch (JacksonException e) {
      throw new InvalidRequestException(
          "value",
          "Cannot read JSON as " + type.getTypeName() + ": " + e.getOriginalMessage() + " (JSON: "
              + abbreviate(json) + ")",
          e);
    }
  }

  private static String abbreviate(String json) {
    return json.length() <= 200 ? json : json.substring(0, 200) + "...";
  }
}
