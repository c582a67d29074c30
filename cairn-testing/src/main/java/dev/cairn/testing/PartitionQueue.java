package dev.cairn.testing;

import dev.cairn.store.Message;
import dev.cairn.store.MessageBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One partition's queue in the in-memory store. New messages wait in {@code pending}, ordered by the time
 * they become visible; a fetch moves those that are due into {@code ready}, ordered by id, and takes from
 * there. Not thread-safe; the store's lock guards it.
 */
final class PartitionQueue {
  private static final Comparator<Message> BY_VISIBILITY =
      Comparator.comparing(Message::visibleAt).thenComparingLong(Message::id);

  private final TreeSet<Message> pending = new TreeSet<>(BY_VISIBILITY);
  private final TreeMap<Long, Message> ready = new TreeMap<>();
  private final TreeMap<Long, Message> byId = new TreeMap<>();

  void add(Message message) {
    remove(message.id());
    byId.put(message.id(), message);
    pending.add(message);
  }

  boolean contains(long id) {
    return byId.containsKey(id);
  }

  Message remove(long id) {
    Message message = byId.remove(id);
    if (message != null) {
      ready.remove(id);
      pending.remove(message);
    }
    return message;
  }

  void countFailure(long id) {
    Message message = byId.get(id);
    if (message != null) {
      Message counted = new Message(message.id(), message.partition(), message.target(), message.body(),
          message.visibleAt(), message.failedAttempts() + 1);
      boolean wasReady = ready.containsKey(id);
      remove(id);
      byId.put(id, counted);
      if (wasReady) {
        ready.put(id, counted);
      } else {
        pending.add(counted);
      }
    }
  }

  MessageBatch fetch(Instant now, int max, Set<Long> exclude) {
    while (!pending.isEmpty() && !pending.first().visibleAt().isAfter(now)) {
      Message due = pending.pollFirst();
      ready.put(due.id(), due);
    }
    List<Message> batch = new ArrayList<>(Math.min(max, ready.size()));
    for (Message message : ready.values()) {
      if (batch.size() >= max) {
        break;
      }
      if (!exclude.contains(message.id())) {
        batch.add(message);
      }
    }
    return new MessageBatch(batch, pending.isEmpty() ? null : pending.first().visibleAt());
  }

  List<Message> all() {
    return List.copyOf(byId.values());
  }
}
