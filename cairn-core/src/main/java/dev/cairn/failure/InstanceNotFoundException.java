package dev.cairn.failure;

/** No orchestration instance with this id exists (it was never started, or it was purged). */
public final class InstanceNotFoundException extends CairnException {
  private final String instanceId;

  /** Creates the exception for an instance id. */
  public InstanceNotFoundException(String instanceId) {
    super(
        "No orchestration instance '"
            + instanceId
            + "' exists. Check the id, or whether the instance was purged.");
    this.instanceId = instanceId;
  }

  /** The id that was not found. */
  public String instanceId() {
    return instanceId;
  }
}
