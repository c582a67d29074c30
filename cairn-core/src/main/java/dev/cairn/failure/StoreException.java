package dev.cairn.failure;

/**
 * The store failed or refused an operation. {@link CommitRejectedException} means a compare-and-swap check
 * failed (the state or the partition's ownership changed meanwhile): the work is discarded and redone.
 */
public sealed class StoreException extends CairnException permits CommitRejectedException {

  /** Creates the exception with a message. */
  public StoreException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
