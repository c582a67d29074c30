package dev.cairn.cli;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Readable tables for the terminal. */
final class Tables {
  private Tables() {}

  static String render(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.min(60, Math.max(widths[i], row.get(i).length()));
      }
    }
    StringBuilder text = new StringBuilder();
    appendRow(text, header, widths);
    for (List<String> row : rows) {
      appendRow(text, row, widths);
    }
    return text.toString().stripTrailing();
  }

  private static void appendRow(StringBuilder text, List<String> cells, int[] widths) {
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i).length() > widths[i] ? cells.get(i).substring(0, widths[i] - 1) + "…" : cells.get(i);
      text.append(String.format("%-" + widths[i] + "s", cell)).append(i + 1 < cells.size() ? "  " : "");
    }
    text.append('\n');
  }

  static String instances(JsonNode list) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode status : list) {
      rows.add(List.of(ApiCommand.text(status, "instanceId"), ApiCommand.text(status, "name"),
          ApiCommand.text(status, "runtimeStatus"), ApiCommand.text(status, "createdTime")));
    }
    return rows.isEmpty() ? "No instances." : render(List.of("INSTANCE", "NAME", "STATUS", "CREATED"), rows);
  }

  static String entities(JsonNode list) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode entity : list) {
      JsonNode id = entity.get("entityId");
      rows.add(List.of("@" + ApiCommand.text(id, "name") + "@" + ApiCommand.text(id, "key"),
          ApiCommand.text(entity, "state"), ApiCommand.text(entity, "lastOperationTime")));
    }
    return rows.isEmpty() ? "No entities." : render(List.of("ENTITY", "STATE", "LAST OPERATION"), rows);
  }

  static String history(JsonNode events) {
    List<List<String>> rows = new ArrayList<>();
    if (events != null) {
      for (JsonNode event : events) {
        String name = ApiCommand.text(event, "FunctionName");
        rows.add(List.of(ApiCommand.text(event, "EventType"), name.isEmpty() ? ApiCommand.text(event, "Name") : name,
            ApiCommand.text(event, "ScheduledTime"), ApiCommand.text(event, "Timestamp"),
            ApiCommand.text(event, event.has("Result") ? "Result" : "Details")));
      }
    }
    return render(List.of("EVENT", "NAME", "SCHEDULED", "AT", "DETAIL"), rows);
  }
}
