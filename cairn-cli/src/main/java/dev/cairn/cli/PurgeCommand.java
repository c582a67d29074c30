package dev.cairn.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code cairn purge ID}, or {@code cairn purge --from TIME [--to TIME] [--status S]}. */
@Command(name = "purge", description = "Delete finished instances and their histories: one by id, or by filter.")
final class PurgeCommand extends ApiCommand {
  @Parameters(index = "0", arity = "0..1", description = "The instance id.")
  String id;

  @Option(names = "--from", description = "Created at or after this ISO-8601 time (purge by filter).")
  String from;

  @Option(names = "--to", description = "Created before this ISO-8601 time.")
  String to;

  @Option(names = "--status", split = ",", description = "Only these final statuses (Completed, Failed, Terminated).")
  List<String> statuses = new ArrayList<>();

  @Override
  public Integer call() {
    String path;
    if (id != null) {
      path = HttpApi.API + "/instances/" + HttpApi.segment(id);
    } else if (from != null) {
      path = HttpApi.API + "/instances?createdTimeFrom=" + HttpApi.query(from)
          + (to == null ? "" : "&createdTimeTo=" + HttpApi.query(to))
          + (statuses.isEmpty() ? "" : "&runtimeStatus=" + HttpApi.query(String.join(",", statuses)));
    } else {
      throw new CliFailure(ExitCode.USAGE, "Give an instance id, or --from TIME to purge by filter.");
    }
    JsonNode result = HttpApi.expect(api().send("DELETE", path, null), 200).json();
    print(result, "Purged " + text(result, "instancesDeleted") + " instance(s)");
    return ExitCode.OK;
  }
}
