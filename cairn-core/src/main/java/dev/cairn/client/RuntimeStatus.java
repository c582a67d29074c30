package dev.cairn.client;

/** Where an orchestration instance is in its life. */
public enum RuntimeStatus {
  /** Created; its first episode has not run yet. */
  PENDING("Pending"),
  /** Started and not finished. */
  RUNNING("Running"),
  /** Finished with an output. */
  COMPLETED("Completed"),
  /** Finished with a failure. */
  FAILED("Failed"),
  /** Stopped by a terminate request. */
  TERMINATED("Terminated"),
  /** Paused by a suspend request (or by a non-determinism error under the SUSPEND policy). */
  SUSPENDED("Suspended"),
  /** Ended an execution by continuing as new; the next execution starts shortly. */
  CONTINUED_AS_NEW("ContinuedAsNew");

  private final String displayName;

  RuntimeStatus(String displayName) {
    this.displayName = displayName;
  }

  /** The name used by the HTTP API and the dashboard, as in Durable Functions ({@code Running}, ...). */
  public String displayName() {
    return displayName;
  }

  /** Whether the instance has finished for good (completed, failed or terminated). */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == TERMINATED;
  }

  /**
   * Parses a display name or a constant name, ignoring case ({@code Running}, {@code RUNNING},
   * {@code continuedAsNew}, {@code CONTINUED_AS_NEW}).
   *
   * @throws IllegalArgumentException when it names no status
   */
  public static RuntimeStatus parse(String text) {
    for (RuntimeStatus status : values()) {
      if (status.displayName.equalsIgnoreCase(text) || status.name().equalsIgnoreCase(text)) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        "Unknown runtime status '" + text + "'; expected one of Pending, Running, Completed, Failed,"
            + " Terminated, Suspended, ContinuedAsNew.");
  }
}
