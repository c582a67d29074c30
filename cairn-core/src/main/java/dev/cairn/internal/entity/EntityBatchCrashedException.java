package dev.cairn.internal.entity;

import dev.cairn.store.Message;

/**
 * Processing one message of an entity crashed the unit of work (an {@link Error} from an operation, or a
 * message that cannot be decoded). The messages before it are processed again next time; this one counts a
 * failed attempt.
 */
public final class EntityBatchCrashedException extends RuntimeException {
  private final transient Message message;

  EntityBatchCrashedException(Message message, Throwable cause) {
    super("Processing message " + message.id() + " for entity " + message.target() + " failed: " + cause,
        cause);
    this.message = message;
  }

  /** The message whose processing crashed. */
  public Message message() {
    return message;
  }
}
