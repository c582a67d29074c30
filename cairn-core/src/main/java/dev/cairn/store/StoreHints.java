package dev.cairn.store;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hints of {@link Store#listen} for a store implementation: what a write tells other workers, encoded as short
 * strings that a database can carry between processes (PostgreSQL's {@code NOTIFY} payloads), and the listeners
 * of one store object, to which hints are delivered.
 */
public final class StoreHints {
  private static final Logger LOG = LoggerFactory.getLogger(StoreHints.class);
  private static final String ACTIVITY_TASKS = "a";

  private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();

  /** The hint that a partition got messages. */
  public static String partition(int partition) {
    return "p" + partition;
  }

  /** The hint that a partition was released. */
  public static String released(int partition) {
    return "r" + partition;
  }

  /** The hint that an instance finished. */
  public static String finished(String instanceId) {
    return "f" + instanceId;
  }

  /** The hint that activity tasks any worker may claim were stored. */
  public static String activityTasks() {
    return ACTIVITY_TASKS;
  }

  /**
   * The hints of a partition commit: the other partitions it queued messages for, the instances it finished, and
   * whether it stored tasks without a lease. (Its own partition's owner is the committer, which knows.)
   */
  public static Set<String> of(PartitionCommit commit) {
    Set<String> hints = new LinkedHashSet<>();
    for (NewMessage message : commit.newMessages()) {
      if (message.partition() != commit.lease().partition()) {
        hints.add(partition(message.partition()));
      }
    }
    for (InstanceWrite write : commit.instanceWrites()) {
      if (write.record().status().isTerminal()) {
        hints.add(finished(write.record().instanceId()));
      }
    }
    if (commit.newActivityTasks().stream().anyMatch(task -> task.leaseOwner() == null)) {
      hints.add(ACTIVITY_TASKS);
    }
    return hints;
  }

  /** Adds a listener; closing the subscription removes it. */
  public Store.Listening add(StoreListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Whether anyone listens. */
  public boolean hasListeners() {
    return !listeners.isEmpty();
  }

  /** Delivers hints to every listener; a hint that cannot be read (from a newer Cairn, say) is ignored. */
  public void deliver(Collection<String> hints) {
    for (String hint : hints) {
      for (StoreListener listener : listeners) {
        try {
          deliver(hint, listener);
        } catch (RuntimeException e) {
          LOG.warn("A store listener failed on the hint '{}'", hint, e);
        }
      }
    }
  }

  private static void deliver(String hint, StoreListener listener) {
    if (hint.equals(ACTIVITY_TASKS)) {
      listener.activityTasksWaiting();
    } else if (hint.startsWith("f") && hint.length() > 1) {
      listener.instanceFinished(hint.substring(1));
    } else if (hint.startsWith("p") || hint.startsWith("r")) {
      int partition;
      try {
        partition = Integer.parseInt(hint.substring(1));
      } catch (NumberFormatException e) {
        LOG.debug("Ignoring the store hint '{}'", hint);
        return;
      }
      if (hint.startsWith("p")) {
        listener.messagesQueued(partition);
      } else {
        listener.partitionReleased(partition);
      }
    } else {
      LOG.debug("Ignoring the store hint '{}'", hint);
    }
  }
}
