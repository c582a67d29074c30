package dev.cairn.internal.util;

import dev.cairn.entity.EntityId;
import dev.cairn.failure.InvalidRequestException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * The rules for ids and names (SPEC 7): 1 to 256 characters, no control characters; orchestration instance
 * ids may not start with {@code @} (that prefix names entities).
 */
public final class Ids {
  /** The longest id or name allowed. */
  public static final int MAX_LENGTH = 256;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /**
   * A new random id that sorts by creation time (a version 7 UUID: 48 bits of milliseconds, then 74 random
   * bits). Stores index instances by id; ids of recent instances then sit together at the end of the index
   * instead of all over it, which keeps the pages a commit touches few.
   */
  public static String timeOrdered() {
    long random = RANDOM.nextLong();
    long high = (System.currentTimeMillis() << 16) | 0x7000L | (random & 0x0FFFL);
    long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }

  /** Checks an orchestration instance id. */
  public static String requireInstanceId(String id) {
    requireText(id, "instanceId", "instance id");
    if (id.charAt(0) == '@') {
      throw new InvalidRequestException("instanceId",
          "The instance id '" + id + "' starts with '@', which is reserved for entity ids (@name@key)."
              + " Choose an id that does not start with '@'.");
    }
    return id;
  }

  /** Checks a function, event or operation name. */
  public static String requireName(String name, String what) {
    return requireText(name, what.replace(' ', '_'), what);
  }

  /** Checks both parts of an entity id. */
  public static EntityId requireEntityId(EntityId id) {
    if (id == null) {
      throw new InvalidRequestException("entityId", "An entity id is required.");
    }
    requireText(id.name(), "entityName", "entity name");
    requireText(id.key(), "entityKey", "entity key");
    return id;
  }

  private static String requireText(String text, String field, String what) {
    if (text == null || text.isEmpty()) {
      throw new InvalidRequestException(field, "The " + what + " must not be empty.");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidRequestException(field,
          "The " + what + " is " + text.length() + " characters long; at most " + MAX_LENGTH
              + " are allowed.");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        throw new InvalidRequestException(field,
            "The " + what + " contains a control character (U+" + String.format("%04X", (int) c)
                + ") at position " + i + "; ids and names may not contain control characters.");
      }
    }
    return text;
  }
}
