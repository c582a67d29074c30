package dev.cairn.failure;

import dev.cairn.client.RuntimeStatus;

/** A start asked for an instance id that already exists, and the reuse policy refused to reuse it. */
public final class InstanceAlreadyExistsException extends CairnException {
  private final String instanceId;
  private final RuntimeStatus status;

  /** Creates the exception; {@code status} is the existing instance's status. */
  public InstanceAlreadyExistsException(String instanceId, RuntimeStatus status) {
    super(
        "An orchestration instance '"
            + instanceId
            + "' already exists (status "
            + status
            + "). Use another id, or start with a reuse policy of RETURN_EXISTING or REPLACE_FINISHED.");
    this.instanceId = instanceId;
    this.status = status;
  }

  /** The id that exists. */
  public String instanceId() {
    return instanceId;
  }

  /** The existing instance's status. */
  public RuntimeStatus status() {
    return status;
  }
}
