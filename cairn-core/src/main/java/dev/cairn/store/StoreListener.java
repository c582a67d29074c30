package dev.cairn.store;

/**
 * Hears the hints a store gives about writes, its own process's and (on a shared store) every other worker's
 * (see {@link Store#listen}). Hints only save waiting: one may come late, twice, or not at all (while a
 * database connection is replaced), so whoever acts on them still reads the store now and then. Called on the
 * store's threads: return quickly.
 */
public interface StoreListener {

  /** Messages were queued for a partition: its owner should look now. */
  void messagesQueued(int partition);

  /** A partition was released: a worker that may take it should ask now. */
  void partitionReleased(int partition);

  /** An instance finished (completed, failed or terminated). */
  void instanceFinished(String instanceId);

  /** Activity tasks that any worker may claim were stored (scheduled without a lease, or given up by a worker). */
  void activityTasksWaiting();
}
