package dev.cairn.sqlite;

/** How SQLite flushes commits to disk. */
public enum Synchronous {
  /** Every commit is flushed to disk before it returns: durable on power loss (the default). */
  FULL,
  /**
   * Commits are flushed at WAL checkpoints: a power loss may lose the last commits (the file stays
   * consistent), a process crash loses nothing. Faster on slow disks.
   */
  NORMAL
}
