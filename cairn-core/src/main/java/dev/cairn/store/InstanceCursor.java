package dev.cairn.store;

import dev.cairn.failure.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of instances ended: the (creation time, instance id) of its last row. Instance queries order
 * by that pair and continue strictly after it, so paging is stable while instances are written.
 *
 * @param createdAt the last row's creation time
 * @param instanceId the last row's instance id
 */
public record InstanceCursor(Instant createdAt, String instanceId) {

  /** The cursor as an opaque continuation token. */
  public String encode() {
    String text = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + instanceId;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a continuation token.
   *
   * @throws InvalidRequestException when the token was not made by {@link #encode()}
   */
  public static InstanceCursor decode(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int first = text.indexOf(':');
      int second = text.indexOf(':', first + 1);
      Instant created = Instant.ofEpochSecond(
          Long.parseLong(text.substring(0, first)), Long.parseLong(text.substring(first + 1, second)));
      return new InstanceCursor(created, text.substring(second + 1));
    } catch (RuntimeException e) {
      throw new InvalidRequestException(
          "continuationToken", "The continuation token '" + token + "' is not valid; pass the token"
              + " returned with the previous page, unchanged.", e);
    }
  }
}
