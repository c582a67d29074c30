package dev.cairn.internal.replay;

import dev.cairn.history.EventRaised;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * External events of one execution: events that arrived before anybody waited (kept in arrival order) and
 * waiters for events not yet arrived (served first come, first served). Names are compared ignoring case, as
 * in Durable Functions.
 */
final class ExternalEvents {
  private final LinkedList<EventRaised> buffered = new LinkedList<>();
  private final Map<String, ArrayDeque<TaskImpl<?>>> waiters = new HashMap<>();

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Hands an arriving event to the first waiter for its name, or keeps it. */
  void deliver(EventRaised event) {
    ArrayDeque<TaskImpl<?>> queue = waiters.get(key(event.name()));
    TaskImpl<?> waiter = queue == null ? null : queue.poll();
    if (waiter != null) {
      waiter.completeWithJson(event.input());
    } else {
      buffered.add(event);
    }
  }

  /** Completes the task with the oldest kept event of that name, or queues it as a waiter. */
  void waitFor(String name, TaskImpl<?> task) {
    String key = key(name);
    for (Iterator<EventRaised> it = buffered.iterator(); it.hasNext(); ) {
      EventRaised event = it.next();
      if (key(event.name()).equals(key)) {
        it.remove();
        task.completeWithJson(event.input());
        return;
      }
    }
    waiters.computeIfAbsent(key, k -> new ArrayDeque<>()).add(task);
  }

  /** Stops waiting (the wait timed out); a later event goes to the next waiter or is kept. */
  void cancelWait(String name, TaskImpl<?> task) {
    ArrayDeque<TaskImpl<?>> queue = waiters.get(key(name));
    if (queue != null) {
      queue.remove(task);
    }
  }

  /** Events that arrived and were never handed to a waiter, in arrival order. */
  List<EventRaised> unconsumed() {
    return new ArrayList<>(buffered);
  }
}
