package dev.cairn.tests;

/** The two execution modes every orchestration test runs in (SPEC 2.3). */
public enum ExecutionMode {
  /** Code parked in the instance cache between episodes. */
  CACHED(10_000),
  /** Cache size 0: every episode replays the whole history. */
  REPLAY_ONLY(0);

  private final int cacheSize;

  ExecutionMode(int cacheSize) {
    this.cacheSize = cacheSize;
  }

  public int cacheSize() {
    return cacheSize;
  }
}
