package dev.cairn.history;

import java.io.StringWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON value embedded in an event back as its JSON text, exactly as written (numbers keep their
 * digits). Payloads are kept as JSON text inside Cairn and converted to Java types only at the API boundary,
 * so a history can be stored, shown and replayed without knowing the user's classes.
 */
public final class RawJson extends ValueDeserializer<String> {

  /** Creates the deserializer (Jackson instantiates it from the annotation). */
  public RawJson() {}

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = JsonMapper.shared().createGenerator(text)) {
      generator.copyCurrentStructureExact(parser);
    }
    return text.toString();
  }

  @Override
  public String getNullValue(DeserializationContext context) {
    return null;
  }
}
