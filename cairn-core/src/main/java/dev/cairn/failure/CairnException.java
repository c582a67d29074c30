package dev.cairn.failure;

/**
 * The root of every exception Cairn throws. It is unchecked and sealed: each subtype carries typed context
 * (the instance id, the name, the failure details) so that callers can react without parsing messages.
 */
public abstract sealed class CairnException extends RuntimeException
    permits TaskFailedException,
        NonDeterminismException,
        InstanceNotFoundException,
        InstanceAlreadyExistsException,
        InstanceFinishedException,
        InvalidRequestException,
        UnknownFunctionException,
        CriticalSectionViolationException,
        EntityCallNotAllowedException,
        EventTimeoutException,
        WaitTimeoutException,
        StoreException,
        EntityNotFoundException {

  /** Creates an exception with a message. */
  protected CairnException(String message) {
    super(message);
  }

  /** Creates an exception with a message and a cause. */
  protected CairnException(String message, Throwable cause) {
    super(message, cause);
  }
}
