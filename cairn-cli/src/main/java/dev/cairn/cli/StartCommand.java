package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code cairn start NAME [--id ID] [--input JSON]}. */
@Command(name = "start", description = "Start an orchestration; prints its instance id.")
final class StartCommand extends ApiCommand {
  @Parameters(index = "0", description = "The orchestration's name.")
  String name;

  @Option(names = "--id", description = "The instance id (default: a new UUID).")
  String id;

  @Option(names = "--input", description = "The input as JSON, e.g. 100 or '{\"timeoutSeconds\": 60}'.")
  String input;

  @Override
  public Integer call() {
    String path = HttpApi.API + "/orchestrators/" + HttpApi.segment(name) + (id == null ? "" : "/" + HttpApi.segment(id));
    JsonNode started = HttpApi.expect(api().send("POST", path, requireJson(input, "--input")), 202).json();
    print(started, text(started, "id"));
    return ExitCode.OK;
  }
}
