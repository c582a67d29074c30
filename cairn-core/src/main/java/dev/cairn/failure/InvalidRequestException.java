package dev.cairn.failure;

/**
 * A request was refused at the boundary before anything was stored: an id that is empty, too long or has
 * control characters, a payload over the size limit, a value that cannot be serialized, or an action that is
 * not allowed in the instance's current state.
 */
public sealed class InvalidRequestException extends CairnException permits PayloadTooLargeException {
  private final String field;

  /** Creates the exception; {@code field} names what was wrong (an id, an input, an event name). */
  public InvalidRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** Creates the exception with a cause. */
  public InvalidRequestException(String field, String message, Throwable cause) {
    super(message, cause);
    this.field = field;
  }

  /** What was wrong: {@code instanceId}, {@code input}, {@code eventName}, ... */
  public String field() {
    return field;
  }
}
