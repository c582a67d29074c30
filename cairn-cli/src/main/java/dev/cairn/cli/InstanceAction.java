package dev.cairn.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A plain instance action, {@code ID [--reason TEXT]}: POST .../instances/{id}/{action}?reason=... answering 202. */
abstract class InstanceAction extends ApiCommand {
  @Parameters(index = "0", description = "The instance id.")
  String id;

  @Option(names = "--reason", description = "Why.")
  String reason;

  int act(String action, String done) {
    String path = HttpApi.API + "/instances/" + HttpApi.segment(id) + "/" + action
        + (reason == null ? "" : "?reason=" + HttpApi.query(reason));
    HttpApi.expect(api().send("POST", path, null), 202);
    out().println(options.json ? "{}" : done + " " + id);
    return ExitCode.OK;
  }
}
