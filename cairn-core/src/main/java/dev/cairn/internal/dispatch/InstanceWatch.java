package dev.cairn.internal.dispatch;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets clients wait for an instance to change without polling the store: a commit that changes an instance
 * completes the futures registered for it. Registering before reading the status closes the race between the
 * read and the commit.
 */
public final class InstanceWatch {
  private final ConcurrentHashMap<String, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();

  /** A future that completes at the next committed change of the instance. */
  public CompletableFuture<Void> nextChange(String instanceId) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    waiters.computeIfAbsent(instanceId, id -> new CopyOnWriteArrayList<>()).add(future);
    return future;
  }

  /** Stops waiting (a timeout). */
  public void cancel(String instanceId, CompletableFuture<Void> future) {
    waiters.computeIfPresent(instanceId, (id, list) -> {
      list.remove(future);
      return list.isEmpty() ? null : list;
    });
  }

  /** Wakes everyone waiting for this instance. */
  void changed(String instanceId) {
    List<CompletableFuture<Void>> list = waiters.remove(instanceId);
    if (list != null) {
      list.forEach(f -> f.complete(null));
    }
  }
}
