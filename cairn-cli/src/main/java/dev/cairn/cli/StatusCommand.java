package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code cairn status ID [--history]}. */
@Command(name = "status", description = "Show an instance's status, input, output and, with --history, history.")
final class StatusCommand extends ApiCommand {
  @Parameters(index = "0", description = "The instance id.")
  String id;

  @Option(names = "--history", description = "Show the history too.")
  boolean history;

  @Override
  public Integer call() {
    String path = HttpApi.API + "/instances/" + HttpApi.segment(id)
        + (history ? "?showHistory=true&showHistoryOutput=true" : "");
    JsonNode status = HttpApi.expect(api().send("GET", path, null), 200, 202).json();
    if (options.json) {
      out().println(status);
    } else {
      out().println(describe(status));
      if (history) {
        out().println(Tables.history(status.get("historyEvents")));
      }
    }
    return ExitCode.OK;
  }

  static String describe(JsonNode status) {
    StringBuilder text = new StringBuilder();
    for (String field : new String[] {"instanceId", "name", "runtimeStatus", "createdTime", "lastUpdatedTime",
        "input", "output", "customStatus"}) {
      text.append(String.format("%-16s %s%n", field, text(status, field)));
    }
    if (status.has("failureDetails")) {
      text.append(String.format("%-16s %s: %s%n", "failure", text(status.get("failureDetails"), "errorType"),
          text(status.get("failureDetails"), "errorMessage")));
    }
    return text.toString().stripTrailing();
  }
}
