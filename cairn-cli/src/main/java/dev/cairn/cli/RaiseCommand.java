package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cairn raise ID EVENT [JSON]}. */
@Command(name = "raise", description = "Send an external event to an instance.")
final class RaiseCommand extends ApiCommand {
  @Parameters(index = "0", description = "The instance id.")
  String id;

  @Parameters(index = "1", description = "The event's name.")
  String event;

  @Parameters(index = "2", arity = "0..1", description = "The event's data as JSON.")
  String data;

  @Override
  public Integer call() {
    HttpApi.expect(api().send("POST", HttpApi.API + "/instances/" + HttpApi.segment(id) + "/raiseEvent/"
        + HttpApi.segment(event), requireJson(data, "The event data")), 202);
    out().println(options.json ? "{}" : "Raised " + event + " on " + id);
    return ExitCode.OK;
  }
}
