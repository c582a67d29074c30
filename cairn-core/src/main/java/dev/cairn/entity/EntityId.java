package dev.cairn.entity;

import dev.cairn.failure.InvalidRequestException;
import java.util.Comparator;
import java.util.Objects;

/**
 * The id of a durable entity: its name (the entity type, as registered) and its key. Written as
 * {@code @name@key} where an instance id is expected. Entity ids are ordered by (name, key), the global order
 * in which critical sections acquire locks.
 *
 * @param name the entity's registered name, e.g. {@code Account}
 * @param key the instance's key, e.g. {@code alice}
 */
public record EntityId(String name, String key) implements Comparable<EntityId> {
  private static final Comparator<EntityId> ORDER =
      Comparator.comparing(EntityId::name).thenComparing(EntityId::key);

  /** Checks both parts: not null, not empty, and no {@code @} in the name. */
  public EntityId {
    Objects.requireNonNull(name, "entity name");
    Objects.requireNonNull(key, "entity key");
    if (name.isEmpty() || name.indexOf('@') >= 0) {
      throw new InvalidRequestException(
          "entityName",
          "An entity name must be non-empty and contain no '@' (got '" + name + "').");
    }
    if (key.isEmpty()) {
      throw new InvalidRequestException("entityKey", "An entity key must be non-empty (entity '" + name + "').");
    }
  }

  /** The entity {@code (name, key)}. */
  public static EntityId of(String name, String key) {
    return new EntityId(name, key);
  }

  /**
   * Parses {@code @name@key}.
   *
   * @throws InvalidRequestException when the text is not of that form
   */
  public static EntityId parse(String text) {
    int second = text.length() > 1 && text.charAt(0) == '@' ? text.indexOf('@', 1) : -1;
    if (second < 0) {
      throw new InvalidRequestException(
          "entityId", "An entity id is written @name@key; '" + text + "' is not of that form.");
    }
    return new EntityId(text.substring(1, second), text.substring(second + 1));
  }

  @Override
  public int compareTo(EntityId other) {
    return ORDER.compare(this, other);
  }

  /** {@code @name@key}. */
  @Override
  public String toString() {
    return "@" + name + "@" + key;
  }
}
