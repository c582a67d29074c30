package dev.cairn.runtime;

import java.time.InstantSource;

/**
 * A clock whose time can jump (a test clock). The runtime listens to it, so that timers that came due when
 * the time was moved fire at once instead of at the next poll.
 */
public interface AdjustableClock extends InstantSource {

  /** Registers a listener called after every change of the time. */
  void addListener(Runnable onChange);
}
