package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn suspend ID [--reason TEXT]}. */
@Command(name = "suspend", description = "Suspend a running instance; events that arrive meanwhile are kept.")
final class SuspendCommand extends InstanceAction {
  @Parameters(index = "0", description = "The instance id.")
  String id;

  @Option(names = "--reason", description = "Why.")
  String reason;

  @Override
  public Integer call() {
    return act(id, "suspend", reason, "Suspending");
  }
}
