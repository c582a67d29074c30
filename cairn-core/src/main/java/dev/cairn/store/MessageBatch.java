package dev.cairn.store;

import java.time.Instant;
import java.util.List;

/**
 * What a fetch found in a partition's queue.
 *
 * @param messages the visible messages, in id order
 * @param nextDueAt the earliest time a message that is not visible yet becomes visible, or null if none
 */
public record MessageBatch(List<Message> messages, Instant nextDueAt) {

  /** Copies the list. */
  public MessageBatch {
    messages = List.copyOf(messages);
  }
}
