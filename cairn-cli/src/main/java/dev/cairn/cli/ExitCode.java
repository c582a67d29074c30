package dev.cairn.cli;

/** The exit codes of the {@code cairn} command, for scripts. */
final class ExitCode {
  /** It worked (for {@code wait}: the instance completed). */
  static final int OK = 0;
  /** The server refused the request (a 4xx other than the ones below), or the instance failed or was terminated. */
  static final int FAILED = 1;
  /** The command line was wrong. */
  static final int USAGE = 2;
  /** No such instance or entity (404). */
  static final int NOT_FOUND = 3;
  /** The instance exists already, or has already finished (409, 410). */
  static final int CONFLICT = 4;
  /** The server could not be reached, or failed (5xx). */
  static final int UNAVAILABLE = 5;
  /** {@code wait} timed out. */
  static final int TIMEOUT = 6;

  private ExitCode() {}

  static int forStatus(int status) {
    return switch (status) {
      case 404 -> NOT_FOUND;
      case 409, 410 -> CONFLICT;
      default -> status >= 500 ? UNAVAILABLE : FAILED;
    };
  }
}
