package dev.cairn.store;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.cairn.history.RawJson;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A request to run an entity operation: a call (with {@code replyTo}) or a signal (without).
 *
 * @param requestId the request's id; the answer refers back to it
 * @param sender who sent it (see {@link EntityMessage#sender()})
 * @param sequence the sender's sequence number
 * @param operation the operation's name
 * @param input the input as JSON, or null
 * @param scheduledTime the earliest time it may run, or null for at once
 * @param lockRequestId the critical section it runs in, or null
 * @param replyTo where to send the answer, or null for a signal
 */
public record OperationRequest(
    String requestId,
    String sender,
    long sequence,
    String operation,
    @JsonRawValue @JsonDeserialize(using = RawJson.class) String input,
    Instant scheduledTime,
    String lockRequestId,
    ReplyTo replyTo)
    implements EntityMessage {

  /** Whether this is a signal (no answer expected). */
  public boolean isSignal() {
    return replyTo == null;
  }
}
