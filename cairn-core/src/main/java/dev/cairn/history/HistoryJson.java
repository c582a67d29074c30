package dev.cairn.history;

import dev.cairn.internal.json.InternalJson;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/**
 * Reads and writes histories as JSON arrays of events, each with a {@code type} field: the form the HTTP API
 * shows and the form to save a history in to replay it later against new code.
 */
public final class HistoryJson {
  private static final TypeReference<List<HistoryEvent>> LIST = new TypeReference<>() {};

  private HistoryJson() {}

  /** A history as a JSON array. */
  public static String write(List<HistoryEvent> history) {
    return InternalJson.mapper().writerFor(LIST).writeValueAsString(history);
  }

  /** One event as a JSON object. */
  public static String write(HistoryEvent event) {
    return InternalJson.write(event);
  }

  /** A history from a JSON array. */
  public static List<HistoryEvent> read(String json) {
    return List.copyOf(InternalJson.mapper().readValue(json, LIST));
  }
}
