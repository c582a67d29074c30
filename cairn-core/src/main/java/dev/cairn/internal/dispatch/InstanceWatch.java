package dev.cairn.internal.dispatch;

import dev.cairn.store.InstanceRecord;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets clients wait for an instance to change without polling the store: every commit that changes an
 * instance hands its new row to the subscriptions open for it. A client subscribes before it reads the status,
 * so no change between the read and the wait is missed.
 */
public final class InstanceWatch {
  private final ConcurrentHashMap<String, List<Subscription>> subscriptions = new ConcurrentHashMap<>();

  /** Opens a subscription to an instance's committed changes; close it when done waiting. */
  public Subscription subscribe(String instanceId) {
    Subscription subscription = new Subscription(instanceId);
    subscriptions.computeIfAbsent(instanceId, id -> new CopyOnWriteArrayList<>()).add(subscription);
    return subscription;
  }

  /**
   * Tells the subscriptions of an instance that it finished by another worker's commit (or this one's, told twice):
   * they read its row from the store again.
   */
  public void finishedElsewhere(String instanceId) {
    List<Subscription> list = subscriptions.get(instanceId);
    if (list != null) {
      list.forEach(Subscription::poke);
    }
  }

  /** Tells the subscriptions of the instance about its row as just committed. */
  void changed(InstanceRecord row) {
    List<Subscription> list = subscriptions.get(row.instanceId());
    if (list != null) {
      list.forEach(s -> s.offer(row));
    }
  }

  /** One client's wait for the changes of one instance. */
  public final class Subscription implements AutoCloseable {
    private final String instanceId;
    private final Semaphore changes = new Semaphore(0);
    private volatile InstanceRecord latest;
    private volatile boolean stale;

    private Subscription(String instanceId) {
      this.instanceId = instanceId;
    }

    private synchronized void offer(InstanceRecord row) {
      if (latest == null || row.version() > latest.version()) {
        latest = row;
      }
      changes.release();
    }

    private void poke() {
      stale = true;
      changes.release();
    }

    /**
     * Whether the instance changed where this subscription could not see the row (another worker committed it) since
     * the last call: then read it from the store.
     */
    public boolean takeStale() {
      boolean was = stale;
      stale = false;
      return was;
    }

    /** The newest committed row this subscription was told about, or null if none yet. */
    public InstanceRecord latest() {
      return latest;
    }

    /** Waits until a change arrives (or one arrived since the last wait); false when the time ran out. */
    public boolean awaitChange(long nanos) throws InterruptedException {
      if (!changes.tryAcquire(nanos, TimeUnit.NANOSECONDS)) {
        return false;
      }
      changes.drainPermits();
      return true;
    }

    @Override
    public void close() {
      subscriptions.computeIfPresent(instanceId, (id, list) -> {
        list.remove(this);
        return list.isEmpty() ? null : list;
      });
    }
  }
}
