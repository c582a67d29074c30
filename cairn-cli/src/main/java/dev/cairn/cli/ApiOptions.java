package dev.cairn.cli;

import picocli.CommandLine.Option;

/** Options every client subcommand takes. */
final class ApiOptions {
  @Option(names = "--server", defaultValue = "${env:CAIRN_SERVER:-http://127.0.0.1:8080}",
      description = "The Cairn server's URL (default: ${DEFAULT-VALUE}; or CAIRN_SERVER).")
  String server;

  @Option(names = "--token", defaultValue = "${env:CAIRN_TOKEN}",
      description = "The server's access token, when it requires one (or CAIRN_TOKEN).")
  String token;

  @Option(names = "--json", description = "Print the server's JSON instead of a readable summary.")
  boolean json;

  HttpApi api() {
    return new HttpApi(server, token);
  }
}
