package dev.cairn.serialization;

import java.lang.reflect.Type;

/**
 * Converts inputs, outputs, event data and entity state between Java values and the JSON text Cairn stores.
 * The default is {@link JacksonDataConverter}; supply another with {@code Cairn.builder().dataConverter(...)}.
 *
 * <p>Implementations must be thread-safe and deterministic: the same value must always give the same JSON
 * (orchestration replay compares what code does against what was recorded).
 */
public interface DataConverter {

  /**
   * The JSON text of a value; null for null.
   *
   * @throws dev.cairn.failure.InvalidRequestException when the value cannot be serialized
   */
  String serialize(Object value);

  /**
   * The value of a JSON text as the given type; null JSON (or a null text) gives null, or the default of a
   * primitive type.
   *
   * @throws dev.cairn.failure.InvalidRequestException when the text does not fit the type
   */
  <T> T deserialize(String json, Type type);

  /** Like {@link #deserialize(String, Type)} with a class. */
  default <T> T deserialize(String json, Class<T> type) {
    return deserialize(json, (Type) type);
  }
}
