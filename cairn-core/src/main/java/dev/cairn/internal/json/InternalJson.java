package dev.cairn.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.failure.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

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
          .addModule(new SimpleModule("cairn-instants").addSerializer(Instant.class, new InstantText()))
          .build();

  private static final Map<Class<?>, ObjectWriter> LIST_WRITERS = new ConcurrentHashMap<>();
  private static final Map<Class<?>, ObjectReader> LIST_READERS = new ConcurrentHashMap<>();

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

  /** Writes values of one (polymorphic) type as one JSON array, each with its type id. */
  public static <T> String writeList(List<? extends T> values, Class<T> elementType) {
    try {
      return LIST_WRITERS.computeIfAbsent(elementType,
          type -> MAPPER.writerFor(MAPPER.getTypeFactory().constructCollectionType(List.class, type)))
          .writeValueAsString(values);
    } catch (JacksonException e) {
      throw new StoreException("Cannot serialize a list of " + elementType.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** Reads a JSON array of values. */
  public static <T> List<T> readList(String json, Class<T> elementType) {
    try {
      return LIST_READERS.computeIfAbsent(elementType, MAPPER::readerForListOf).readValue(json);
    } catch (JacksonException e) {
      throw new StoreException("Cannot read a list of " + elementType.getSimpleName() + " from stored JSON: "
          + e.getMessage(), e);
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
