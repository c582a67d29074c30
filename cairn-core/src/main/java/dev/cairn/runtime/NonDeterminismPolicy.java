package dev.cairn.runtime;

/** What happens to an instance whose replay does not match its history (SPEC 2.2). */
public enum NonDeterminismPolicy {
  /** Fail the instance, recording the non-determinism error as its failure (the default). */
  FAIL,
  /**
   * Leave the instance suspended, with the error as its failure details, so that a fixed deployment can
   * resume it; events that arrive meanwhile are kept.
   */
  SUSPEND
}
