package dev.cairn.internal.dispatch;

import dev.cairn.internal.replay.OrchestrationExecutor;
import dev.cairn.store.InstanceRecord;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The instance cache of the cached execution mode: executors whose code is parked between episodes, bounded
 * by count and by estimated memory, least recently used evicted first. An evicted executor's code is unwound;
 * the instance is rebuilt by replay the next time it runs. A processor takes an entry out while it runs an
 * episode and puts it back right after (before the commit is durable: a failed commit evicts the instances it
 * touched), so an executor is never used by two threads.
 */
final class InstanceCache {
  /** The estimated memory of one cached instance, beyond its history. */
  private static final long BASE_BYTES = 8_192;

  /** The estimated memory of one history event held by a cached executor. */
  private static final long EVENT_BYTES = 320;

  /** A parked executor and the instance row as of its last episode (committed, or in a commit in flight). */
  record Entry(OrchestrationExecutor executor, InstanceRecord row) {
    String executionId() {
      return row.executionId();
    }

    long version() {
      return row.version();
    }

    long weight() {
      return BASE_BYTES + EVENT_BYTES * executor.historyLength();
    }
  }

  private final int maxCount;
  private final long maxBytes;
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;

  InstanceCache(int maxCount, long maxBytes) {
    this.maxCount = maxCount;
    this.maxBytes = maxBytes;
  }

  boolean enabled() {
    return maxCount > 0;
  }

  /** The row of a cached instance, or null when it is not cached. */
  InstanceRecord row(String instanceId) {
    lock.lock();
    try {
      Entry entry = entries.get(instanceId);
      return entry == null ? null : entry.row();
    } finally {
      lock.unlock();
    }
  }

  /** Removes and returns the instance's entry, or null. */
  Entry take(String instanceId) {
    lock.lock();
    try {
      Entry entry = entries.remove(instanceId);
      if (entry != null) {
        bytes -= entry.weight();
      }
      return entry;
    } finally {
      lock.unlock();
    }
  }

  /** Caches an executor after its episode, evicting the least recently used over the limits. */
  void put(String instanceId, Entry entry) {
    if (!enabled()) {
      entry.executor().abandon();
      return;
    }
    lock.lock();
    try {
      Entry previous = entries.put(instanceId, entry);
      if (previous != null) {
        bytes -= previous.weight();
        if (previous.executor() != entry.executor()) {
          previous.executor().abandon();
        }
      }
      bytes += entry.weight();
      Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
      while ((entries.size() > maxCount || bytes > maxBytes) && eldest.hasNext()) {
        Entry evicted = eldest.next().getValue();
        eldest.remove();
        bytes -= evicted.weight();
        evicted.executor().abandon();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Drops an instance's entry (purged, replaced, or its commit failed). */
  void evict(String instanceId) {
    Entry entry = take(instanceId);
    if (entry != null) {
      entry.executor().abandon();
    }
  }

  /** Drops every entry. */
  void clear() {
    lock.lock();
    try {
      entries.values().forEach(e -> e.executor().abandon());
      entries.clear();
      bytes = 0;
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return entries.size();
    } finally {
      lock.unlock();
    }
  }
}
