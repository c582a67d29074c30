package dev.cairn.failure;

import java.time.Duration;

/** A client waited for an instance to finish (or start), and it did not within the given time. */
public final class WaitTimeoutException extends CairnException {
  private final String instanceId;

  /** Creates the exception for an instance and the time waited. */
  public WaitTimeoutException(String instanceId, Duration waited, String what) {
    super(
        "Orchestration instance '"
            + instanceId
            + "' did not "
            + what
            + " within "
            + waited
            + ". It may still be running: query its status, or wait longer.");
    this.instanceId = instanceId;
  }

  /** The instance waited for. */
  public String instanceId() {
    return instanceId;
  }
}
