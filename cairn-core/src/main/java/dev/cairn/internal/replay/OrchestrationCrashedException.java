package dev.cairn.internal.replay;

/**
 * Orchestration code threw an {@link Error} (a stack overflow, an out-of-memory error, ...). Unlike an
 * exception, which fails the instance, an error crashes the unit of work: it is retried and, if it keeps
 * happening, its message is parked by poison handling.
 */
public final class OrchestrationCrashedException extends RuntimeException {

  /** Wraps the error thrown by the code of an instance. */
  public OrchestrationCrashedException(String instanceId, Error error) {
    super("The code of orchestration instance '" + instanceId + "' threw " + error, error);
  }
}
