package dev.cairn.internal.dispatch;

import dev.cairn.store.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Messages for one partition that their sender hands over in memory, so that the partition can process them
 * before the commit that adds them (the producer) is durable: then a chain of messages between instances and
 * entities costs no flush per hop. The partition's commit that consumes such a message comes after the producer,
 * and is rejected if the producer failed (the message is not there to consume).
 *
 * <p>Every message still reaches the store, and one sender's messages must be processed in the order sent. Two
 * rules keep that order, whatever the threads' timing:
 *
 * <ul>
 *   <li>A producer <em>announces</em> its messages here before it submits its commit, and they may be taken
 *       only once it has ({@link Announcement#submitted}). So a message can never be in the store without this
 *       partition knowing that it is coming in memory too: a fetch leaves announced messages out, and one that a
 *       fetch brought anyway (it was announced after the fetch began) is left out of the fetch and taken from
 *       here. Messages announced here are thus taken in the order announced, which is their senders' order.
 *   <li>A handover is accepted only while the partition has seen every message of the store that was refused:
 *       after the partition is (re)acquired, and while any message refused earlier has not come through the store
 *       yet, announcements are refused and the messages come the slow way.
 * </ul>
 */
final class Handoffs {

  /** One message waiting here, and whether its producer's commit was submitted yet. */
  private static final class Handoff {
    private final Message message;
    private final CompletableFuture<Void> producer;
    private boolean submitted;

    private Handoff(Message message, CompletableFuture<Void> producer) {
      this.message = message;
      this.producer = producer;
    }
  }

  /** Messages a producer announced here; {@link #submitted} lets the partition take them. */
  final class Announcement {
    private final List<Handoff> handoffs;

    private Announcement(List<Handoff> handoffs) {
      this.handoffs = handoffs;
    }

    /** The producer's commit was submitted to the store: the partition may take the messages now. */
    void submitted() {
      lock.lock();
      try {
        handoffs.forEach(handoff -> handoff.submitted = true);
      } finally {
        lock.unlock();
      }
    }
  }

  private final Runnable wake;
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<Long, Handoff> queued = new LinkedHashMap<>();
  private final Map<Long, CompletableFuture<Void>> taken = new HashMap<>();
  private final Map<Long, CompletableFuture<Void>> refused = new HashMap<>();
  private boolean open;

  /** Handoffs for a partition that {@code wake} makes read its queue from the store. */
  Handoffs(Runnable wake) {
    this.wake = wake;
  }

  /**
   * Announces messages that a commit (the producer) will add to this partition's queue; call it before the
   * producer is submitted.
   *
   * @return the announcement to mark submitted, or null when the messages were refused: then they come through
   *     the store once the producer is durable
   */
  Announcement announce(List<Message> messages, CompletableFuture<Void> producer) {
    lock.lock();
    try {
      refused.values().removeIf(CompletableFuture::isCompletedExceptionally);
      if (!open || !refused.isEmpty()) {
        messages.forEach(message -> refused.put(message.id(), producer));
        return null;
      }
      List<Handoff> handoffs = new ArrayList<>(messages.size());
      for (Message message : messages) {
        Handoff handoff = new Handoff(message, producer);
        queued.put(message.id(), handoff);
        handoffs.add(handoff);
      }
      return new Announcement(handoffs);
    } finally {
      lock.unlock();
    }
  }

  /** The ids of the messages waiting here, submitted or not: a fetch leaves them out. */
  Set<Long> waitingIds() {
    lock.lock();
    try {
      return Set.copyOf(queued.keySet());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes up to {@code max} waiting messages whose producers were submitted, in the order announced. Messages of
   * producers that failed are dropped (they never reach the store); those of producers not yet submitted wait.
   */
  List<Message> take(int max) {
    lock.lock();
    try {
      List<Message> messages = new ArrayList<>();
      Iterator<Handoff> waiting = queued.values().iterator();
      while (messages.size() < max && waiting.hasNext()) {
        Handoff next = waiting.next();
        if (next.producer.isCompletedExceptionally()) {
          waiting.remove();
        } else if (next.submitted) {
          waiting.remove();
          taken.put(next.message.id(), next.producer);
          messages.add(next.message);
        }
      }
      return messages;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Notes a fetch from the store and returns the messages of it to process: those not waiting here. One that the
   * fetch brought although it waits here (it was announced after the fetch began) is left out, and taken from
   * here in its turn: taken from the fetch, it could overtake earlier messages of its sender that still wait here
   * (more of them than one batch takes). Refused messages the fetch brought no longer hold handovers back, and a
   * fetch that brought everything visible opens the way for handovers.
   */
  List<Message> fetched(List<Message> messages, boolean everything) {
    lock.lock();
    try {
      List<Message> fromStore = new ArrayList<>(messages.size());
      for (Message message : messages) {
        refused.remove(message.id());
        if (!queued.containsKey(message.id())) {
          fromStore.add(message);
        }
      }
      if (everything) {
        open = true;
      }
      return fromStore;
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
   * durably processed must come through the store before handovers are taken again. The partition is woken when
   * each of their producers completes: a producer does not wake a partition that took its messages, and one not
   * yet durable would otherwise leave them unread until the partition's next periodic read.
   */
  void reset() {
    Set<CompletableFuture<Void>> producers = new HashSet<>();
    lock.lock();
    try {
      open = false;
      for (Handoff handoff : queued.values()) {
        refused.put(handoff.message.id(), handoff.producer);
        producers.add(handoff.producer);
      }
      refused.putAll(taken);
      producers.addAll(taken.values());
      queued.clear();
      taken.clear();
    } finally {
      lock.unlock();
    }
    producers.forEach(producer -> producer.whenComplete((ignored, error) -> wake.run()));
  }

  /**
   * The partition was acquired: as {@link #reset}, and refusals whose producers are durable are dropped. The
   * partition's first reads from the store see every such message that is still queued, and before one of them
   * brings everything visible no handover is taken; one that another owner consumed meanwhile would never come, and
   * would otherwise hold handovers back for as long as this process runs.
   */
  void acquired() {
    reset();
    lock.lock();
    try {
      refused.values().removeIf(producer -> producer.isDone() && !producer.isCompletedExceptionally());
    } finally {
      lock.unlock();
    }
  }
}
