package dev.cairn.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to add to a partition's queue.
 *
 * @param id the message's id if the sender reserved one ({@link Store#reserveMessageIds}), or 0 for the store to
 *     assign one when it commits the message
 * @param partition the target's partition
 * @param target the instance id, or {@code @name@key} for an entity
 * @param body what it carries
 * @param visibleAt the earliest time it may be processed
 */
public record NewMessage(long id, int partition, String target, MessageBody body, Instant visibleAt) {

  /** Checks the required fields. */
  public NewMessage {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(visibleAt, "visibleAt");
    if (id < 0) {
      throw new IllegalArgumentException("A message id is positive (or 0 for the store to assign one): " + id);
    }
  }

  /** A message whose id the store assigns. */
  public NewMessage(int partition, String target, MessageBody body, Instant visibleAt) {
    this(0, partition, target, body, visibleAt);
  }

  /** The same message with a reserved id. */
  public NewMessage withId(long reserved) {
    return new NewMessage(reserved, partition, target, body, visibleAt);
  }
}
