package dev.cairn.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.failure.StoreException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper for Cairn's own structures (history events, message bodies, entity bookkeeping). It is separate
 * from the users' {@code DataConverter} so that user configuration can never change how histories are stored.
 * Map entries are ordered by key so that serialization is deterministic.
 */
public final class InternalJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .changeDefaultPropertyInclusion(
              incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private InternalJson() {}

  /** The shared mapper. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /** Writes a value as JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JacksonException e) {
      throw new StoreException("Cannot serialize " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** Reads a value from JSON. */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JacksonException e) {
      throw new StoreException("Cannot read " + type.getSimpleName() + " from stored JSON: " + e.getMessage(), e);
    }
  }
}
