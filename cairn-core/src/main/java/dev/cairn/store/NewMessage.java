package dev.cairn.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to add to a partition's queue; the store assigns its id at commit.
 *
 * @param partition the target's partition
 * @param target the instance id, or {@code @name@key} for an entity
 * @param body what it carries
 * @param visibleAt the earliest time it may be processed
 */
public record NewMessage(int partition, String target, MessageBody body, Instant visibleAt) {

  /** Checks the required fields. */
  public NewMessage {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(visibleAt, "visibleAt");
  }
}
