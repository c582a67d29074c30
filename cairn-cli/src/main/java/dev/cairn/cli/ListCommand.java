package dev.cairn.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn list [--status S] [--name N] [--prefix P] [--top N]}. */
@Command(name = "list", description = "List instances, oldest first.")
final class ListCommand extends ApiCommand {
  @Option(names = "--status", split = ",", description = "Only these statuses (Running, Completed, ...).")
  List<String> statuses = new ArrayList<>();

  @Option(names = "--name", description = "Only instances of this orchestration.")
  String name;

  @Option(names = "--prefix", description = "Only ids with this prefix.")
  String prefix;

  @Option(names = "--top", defaultValue = "100", description = "At most this many (default ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() {
    StringBuilder path = new StringBuilder(HttpApi.API + "/instances?top=" + top);
    if (!statuses.isEmpty()) {
      path.append("&runtimeStatus=").append(HttpApi.query(String.join(",", statuses)));
    }
    if (name != null) {
      path.append("&name=").append(HttpApi.query(name));
    }
    if (prefix != null) {
      path.append("&instanceIdPrefix=").append(HttpApi.query(prefix));
    }
    var list = HttpApi.expect(api().send("GET", path.toString(), null), 200).json();
    print(list, Tables.instances(list));
    return ExitCode.OK;
  }
}
