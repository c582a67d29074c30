package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code cairn restart ID [--new-id]}. */
@Command(name = "restart", description = "Run a finished instance's orchestration again with its input.")
final class RestartCommand extends ApiCommand {
  @Parameters(index = "0", description = "The instance id.")
  String id;

  @Option(names = "--new-id", description = "Under a new instance id (default: replace this one).")
  boolean newId;

  @Override
  public Integer call() {
    JsonNode restarted = HttpApi.expect(api().send("POST", HttpApi.API + "/instances/" + HttpApi.segment(id)
        + "/restart?restartWithNewInstanceId=" + newId, null), 202).json();
    print(restarted, text(restarted, "id"));
    return ExitCode.OK;
  }
}
