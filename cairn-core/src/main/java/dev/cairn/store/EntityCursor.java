package dev.cairn.store;

import dev.cairn.entity.EntityId;
import dev.cairn.failure.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of entities ended: the last entity listed. Entity queries order by (name, key) and continue
 * strictly after it.
 *
 * @param last the last entity of the page
 */
public record EntityCursor(EntityId last) {

  /** The cursor as an opaque continuation token. */
  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(last.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a continuation token.
   *
   * @throws InvalidRequestException when the token was not made by {@link #encode()}
   */
  public static EntityCursor decode(String token) {
    try {
      return new EntityCursor(
          EntityId.parse(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)));
    } catch (RuntimeException e) {
      throw new InvalidRequestException(
          "continuationToken", "The continuation token '" + token + "' is not valid; pass the token"
              + " returned with the previous page, unchanged.", e);
    }
  }
}
