package dev.cairn.failure;

/**
 * The orchestration code, replayed against its history, did something other than what the history recorded:
 * usually because the code changed while the instance was running, or because it used a non-deterministic
 * value (clock, random number, I/O) outside an activity.
 */
public final class NonDeterminismException extends CairnException {
  private final String instanceId;
  private final int sequenceNumber;
  private final String recorded;
  private final String attempted;

  /** Creates the exception; {@code recorded} and {@code attempted} describe the two diverging actions. */
  public NonDeterminismException(
      String instanceId, int sequenceNumber, String recorded, String attempted) {
    super(
        "Non-deterministic orchestration '"
            + instanceId
            + "' at sequence number "
            + sequenceNumber
            + ": the history recorded "
            + recorded
            + ", but the code now did "
            + attempted
            + ". Did the orchestration code change since this instance started? Orchestration code must make"
            + " the same calls in the same order on every replay; put clocks, random numbers and I/O into"
            + " activities, and version long-running orchestrations instead of editing them in place.");
    this.instanceId = instanceId;
    this.sequenceNumber = sequenceNumber;
    this.recorded = recorded;
    this.attempted = attempted;
  }

  /** The instance whose replay diverged. */
  public String instanceId() {
    return instanceId;
  }

  /** The action's sequence number (task id) where replay diverged. */
  public int sequenceNumber() {
    return sequenceNumber;
  }

  /** What the history recorded at that position. */
  public String recorded() {
    return recorded;
  }

  /** What the code did at that position. */
  public String attempted() {
    return attempted;
  }
}
