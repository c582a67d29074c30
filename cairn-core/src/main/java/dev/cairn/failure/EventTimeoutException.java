package dev.cairn.failure;

import java.time.Duration;

/** An orchestration waited for an external event with a timeout, and the timeout passed first. */
public final class EventTimeoutException extends CairnException {
  private final String eventName;
  private final Duration timeout;

  /** Creates the exception for an event name and the timeout that passed. */
  public EventTimeoutException(String eventName, Duration timeout) {
    super("No event '" + eventName + "' arrived within " + timeout + ".");
    this.eventName = eventName;
    this.timeout = timeout;
  }

  /** The awaited event's name. */
  public String eventName() {
    return eventName;
  }

  /** How long the orchestration waited. */
  public Duration timeout() {
    return timeout;
  }
}
