package dev.cairn.cli;

/** A plain instance action: POST .../instances/{id}/{action}?reason=... answering 202. */
abstract class InstanceAction extends ApiCommand {

  int act(String id, String action, String reason, String done) {
    String path = HttpApi.API + "/instances/" + HttpApi.segment(id) + "/" + action
        + (reason == null ? "" : "?reason=" + HttpApi.query(reason));
    HttpApi.expect(api().send("POST", path, null), 202);
    out().println(options.json ? "{}" : done + " " + id);
    return ExitCode.OK;
  }
}
