package dev.cairn.failure;

/** A payload (input, output, event data, entity state, custom status) is over the configured size limit. */
public final class PayloadTooLargeException extends InvalidRequestException {
  private final long size;
  private final long limit;

  /** Creates the exception for a payload of {@code size} characters when {@code limit} are allowed. */
  public PayloadTooLargeException(String field, long size, long limit) {
    super(
        field,
        "The "
            + field
            + " is "
            + size
            + " characters of JSON, over the limit of "
            + limit
            + ". Store large data elsewhere (a blob store, a database) and pass a reference, or raise"
            + " the limit with Cairn.builder().maxPayloadChars(...).");
    this.size = size;
    this.limit = limit;
  }

  /** The payload's size in characters of JSON. */
  public long size() {
    return size;
  }

  /** The limit. */
  public long limit() {
    return limit;
  }
}
