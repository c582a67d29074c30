package dev.cairn.failure;

/**
 * A commit was rejected because what it was based on changed meanwhile: the partition has a newer owner (its
 * epoch moved on), a message it consumed is gone, or an instance or entity it updated has a newer version.
 * Nothing of the commit became visible.
 */
public final class CommitRejectedException extends StoreException {

  /** Creates the exception, saying which check failed. */
  public CommitRejectedException(String message) {
    super(message);
  }
}
