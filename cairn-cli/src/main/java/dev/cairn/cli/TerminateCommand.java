package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn terminate ID [--reason TEXT]}. */
@Command(name = "terminate", description = "Terminate a running instance (its locks are released).")
final class TerminateCommand extends InstanceAction {
  @Parameters(index = "0", description = "The instance id.")
  String id;

  @Option(names = "--reason", description = "Why.")
  String reason;

  @Override
  public Integer call() {
    return act(id, "terminate", reason, "Terminating");
  }
}
