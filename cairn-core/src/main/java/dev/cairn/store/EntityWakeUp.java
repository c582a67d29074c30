package dev.cairn.store;

import java.time.Instant;

/**
 * An entity's reminder to itself that a scheduled operation has come due. It carries no sender and is
 * idempotent: it runs whatever is due when it arrives.
 *
 * @param dueAt the time the reminder was set for
 */
public record EntityWakeUp(Instant dueAt) implements EntityMessage {

  @Override
  public String sender() {
    return null;
  }

  @Override
  public long sequence() {
    return 0;
  }
}
