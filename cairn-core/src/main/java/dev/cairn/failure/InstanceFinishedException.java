package dev.cairn.failure;

import dev.cairn.client.RuntimeStatus;

/** The request needs a running instance, but this one has finished (the HTTP API answers 410 Gone). */
public final class InstanceFinishedException extends CairnException {
  private final String instanceId;
  private final RuntimeStatus status;

  /** Creates the exception; {@code status} is the instance's final status. */
  public InstanceFinishedException(String instanceId, RuntimeStatus status, String what) {
    super(
        "Cannot "
            + what
            + ": orchestration instance '"
            + instanceId
            + "' has already finished with status "
            + status
            + ".");
    this.instanceId = instanceId;
    this.status = status;
  }

  /** The finished instance's id. */
  public String instanceId() {
    return instanceId;
  }

  /** Its final status. */
  public RuntimeStatus status() {
    return status;
  }
}
