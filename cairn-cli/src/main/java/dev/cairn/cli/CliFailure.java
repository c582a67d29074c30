package dev.cairn.cli;

/** A command that cannot do what was asked: the message is for the user, the exit code for scripts. */
final class CliFailure extends RuntimeException {
  final int exitCode;

  CliFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }
}
