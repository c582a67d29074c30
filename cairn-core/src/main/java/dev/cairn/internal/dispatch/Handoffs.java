package dev.cairn.internal.dispatch;

import dev.cairn.store.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Messages for one partition that their sender hands over in memory as soon as it submits the commit that adds
 * them, so that the partition can process them before that commit is durable (then a chain of messages between
 * instances and entities costs no flush per hop). The partition's commit that consumes such a message comes after
 * the one that adds it, and is rejected if that one failed (the message is not there to consume).
 *
 * <p>Every message still reaches the store, and one sender's messages must be processed in the order sent. So a
 * handover is taken only while the partition has processed every message of the store it could see: after the
 * partition is (re)acquired, and while any message handed over earlier was refused or dropped and has not come
 * through the store yet, handovers are refused and the messages come the slow way.
 */
final class Handoffs {

  private record Handoff(Message message, CompletableFuture<Void> producer) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Handoff> queued = new ArrayDeque<>();
  private final Set<Long> queuedIds = new HashSet<>();
  private final Map<Long, CompletableFuture<Void>> taken = new HashMap<>();
  private final Map<Long, CompletableFuture<Void>> refused = new HashMap<>();
  private boolean open;

  /**
   * Offers messages that a commit (the producer) adds to this partition's queue.
   *
   * @return whether they were taken; if not, they come through the store once the producer is durable
   */
  boolean offer(List<Message> messages, CompletableFuture<Void> producer) {
    lock.lock();
    try {
      refused.values().removeIf(CompletableFuture::isCompletedExceptionally);
      if (!open || !refused.isEmpty()) {
        messages.forEach(message -> refused.put(message.id(), producer));
        return false;
      }
      for (Message message : messages) {
        queued.add(new Handoff(message, producer));
        queuedIds.add(message.id());
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Whether messages wait here. */
  boolean isEmpty() {
    lock.lock();
    try {
      return queued.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  /** The ids of the messages waiting here: a fetch leaves them out. */
  Set<Long> waitingIds() {
    lock.lock();
    try {
      return Set.copyOf(queuedIds);
    } finally {
      lock.unlock();
    }
  }

  /** Takes up to {@code max} waiting messages, in the order handed over, except those {@code skip} says to. */
  List<Message> take(int max, Set<Long> skip) {
    lock.lock();
    try {
      List<Message> messages = new ArrayList<>();
      while (messages.size() < max && !queued.isEmpty()) {
        Handoff next = queued.poll();
        queuedIds.remove(next.message().id());
        if (!skip.contains(next.message().id())) {
          taken.put(next.message().id(), next.producer());
          messages.add(next.message());
        }
      }
      return messages;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Notes a fetch from the store: refused messages it brought no longer hold handovers back, and a fetch that
   * brought everything visible opens the way for handovers.
   */
  void fetched(List<Message> messages, boolean everything) {
    lock.lock();
    try {
      messages.forEach(message -> refused.remove(message.id()));
      if (everything) {
        open = true;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Forgets messages taken earlier whose outcome (consumed, failed or parked) is durable now. */
  void settled(Collection<Long> messageIds) {
    lock.lock();
    try {
      taken.keySet().removeAll(messageIds);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The partition was (re)acquired or dropped what it had not committed: whatever was handed over and not
   * durably processed must come through the store before handovers are taken again.
   */
  void reset() {
    lock.lock();
    try {
      open = false;
      for (Handoff handoff : queued) {
        refused.put(handoff.message().id(), handoff.producer());
      }
      refused.putAll(taken);
      queued.clear();
      queuedIds.clear();
      taken.clear();
    } finally {
      lock.unlock();
    }
  }
}
