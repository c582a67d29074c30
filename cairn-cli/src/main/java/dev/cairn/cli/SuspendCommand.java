package dev.cairn.cli;

import picocli.CommandLine.Command;

/** {@code cairn suspend ID [--reason TEXT]}. */
@Command(name = "suspend", description = "Suspend a running instance; events that arrive meanwhile are kept.")
final class SuspendCommand extends InstanceAction {
  @Override
  public Integer call() {
    return act("suspend", "Suspending");
  }
}
