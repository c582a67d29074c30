package dev.cairn.cli;

import picocli.CommandLine.Command;

/** {@code cairn terminate ID [--reason TEXT]}. */
@Command(name = "terminate", description = "Terminate a running instance (its locks are released).")
final class TerminateCommand extends InstanceAction {
  @Override
  public Integer call() {
    return act("terminate", "Terminating");
  }
}
