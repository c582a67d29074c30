package dev.cairn.cli;

import picocli.CommandLine.Command;

/** {@code cairn resume ID [--reason TEXT]}. */
@Command(name = "resume", description = "Resume a suspended instance.")
final class ResumeCommand extends InstanceAction {
  @Override
  public Integer call() {
    return act("resume", "Resuming");
  }
}
