package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn resume ID [--reason TEXT]}. */
@Command(name = "resume", description = "Resume a suspended instance.")
final class ResumeCommand extends InstanceAction {
  @Parameters(index = "0", description = "The instance id.")
  String id;

  @Option(names = "--reason", description = "Why.")
  String reason;

  @Override
  public Integer call() {
    return act(id, "resume", reason, "Resuming");
  }
}
