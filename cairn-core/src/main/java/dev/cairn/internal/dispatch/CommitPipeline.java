package dev.cairn.internal.dispatch;

import dev.cairn.runtime.SchedulingProbe;
import dev.cairn.runtime.SchedulingProbe.Point;
import dev.cairn.store.NewMessage;
import dev.cairn.store.PartitionCommit;
import dev.cairn.store.Store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * A partition's commits between its processor and the store: at most one in flight, and the batches processed
 * since, merged into the next one. While the store makes one commit durable the processor goes on, and
 * everything it does meanwhile becomes one commit: the writes of an instance that ran several episodes become one
 * write, and activities scheduled and finished meanwhile are never stored. The batches' writes stay visible to
 * the processor through {@link PendingWrites} until they are durable. A submitted commit's messages get reserved
 * ids and are handed to their partitions at once ({@link Handoffs}). Used by the processor's thread only.
 */
final class CommitPipeline {
  /** A merged commit stops taking batches at this many writes and messages; the processor waits. */
  private static final int MAX_UNIT_SIZE = 20_000;

  /** Batches merged into one commit, and what they hold. */
  private static final class Unit {
    private final CommitBuilder merged;
    private final List<PartitionCommit> batches = new ArrayList<>();
    private final Set<String> instances = new HashSet<>();
    private final List<StartRequest> starts = new ArrayList<>();
    private PartitionCommit commit;
    private CompletableFuture<Void> done;
    private Set<Integer> handedOver = Set.of();

    private Unit(CommitBuilder first) {
      this.merged = first;
    }
  }

  private final Engine engine;
  private final Store store;
  private final SchedulingProbe probe;
  private final PendingWrites pending;
  private final Runnable wake;
  private final Consumer<PartitionCommit> onDurable;
  private final Set<Long> messagesInFlight = new HashSet<>();
  private Unit open;
  private Unit inFlight;

  CommitPipeline(Engine engine, PendingWrites pending, Runnable wake, Consumer<PartitionCommit> onDurable) {
    this.engine = engine;
    this.store = engine.config().store();
    this.probe = engine.config().probe();
    this.pending = pending;
    this.wake = wake;
    this.onDurable = onDurable;
  }

  /** Message ids that commits not yet durable consume, fail or park (not to be fetched again meanwhile). */
  Set<Long> messagesInFlight() {
    return messagesInFlight;
  }

  /**
   * Adds a processed batch: its writes become visible to the next batches at once, and it is committed with the
   * next commit (at once when none is in flight).
   */
  void add(CommitBuilder batch, Set<String> instanceIds, List<StartRequest> startsTaken) {
    PartitionCommit unit = batch.build();
    pending.add(unit);
    messagesInFlight.addAll(unit.consumedMessages());
    messagesInFlight.addAll(unit.failedMessages().keySet());
    unit.parkedMessages().forEach(parked -> messagesInFlight.add(parked.messageId()));
    if (open == null) {
      open = new Unit(batch);
    } else {
      open.merged.absorb(batch);
    }
    open.batches.add(unit);
    open.instances.addAll(instanceIds);
    open.starts.addAll(startsTaken);
    if (inFlight == null) {
      submitOpen();
    }
  }

  /** Whether the next commit is too large to take more batches until the one in flight is durable. */
  boolean full() {
    return open != null && inFlight != null && open.merged.size() >= MAX_UNIT_SIZE;
  }

  /** Whether nothing is in flight or waiting to be committed. */
  boolean isEmpty() {
    return open == null && inFlight == null;
  }

  /**
   * Releases the commit in flight if it is durable, and submits the next one.
   *
   * @throws RuntimeException what the commit failed with; the caller then {@link #abandon}s the pipeline
   */
  void settle() {
    if (inFlight != null && inFlight.done.isDone()) {
      Unit settled = inFlight;
      inFlight = null;
      forget(settled);
      Throwable failure = failureOf(settled.done);
      if (failure != null) {
        evict(settled);
        throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
      }
      release(settled);
    }
    if (inFlight == null && open != null) {
      submitOpen();
    }
  }

  /** Waits until the commit in flight is durable or failed (or the thread is interrupted). */
  void awaitInFlight() {
    if (inFlight == null) {
      return;
    }
    try {
      inFlight.done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | CancellationException e) {
      // Looked at when the commit is settled.
    }
  }

  /**
   * After a failure: waits for the commit in flight and releases it if it made it; forgets everything else, and
   * fails the starts that were waiting for it.
   */
  void abandon() {
    if (inFlight != null) {
      awaitInFlight();
      if (inFlight.done.isDone() && failureOf(inFlight.done) == null) {
        release(inFlight);
      } else {
        evict(inFlight);
      }
      inFlight = null;
    }
    if (open != null) {
      evict(open);
      open = null;
    }
    pending.clear();
    messagesInFlight.clear();
  }

  /** Fails every start still waiting for a commit (the processor stops at once). */
  void failStarts() {
    for (Unit unit : new Unit[] {inFlight, open}) {
      if (unit != null) {
        fail(unit.starts);
      }
    }
  }

  /**
   * Submits the open unit. Its messages get their ids and are announced to their partitions first, then the
   * commit goes to the store, and only then may the partitions take the messages from memory: a partition thus
   * knows of every message it will be handed before the store can show it, and its commit that consumes one
   * reaches the store after the commit that adds it.
   */
  private void submitOpen() {
    Unit unit = open;
    open = null;
    inFlight = unit;
    CompletableFuture<Void> done = new CompletableFuture<>();
    unit.done = done;
    CompletableFuture<Void> stored;
    Handover handover = Handover.NONE;
    unit.commit = unit.merged.build();
    try {
      unit.commit = withReservedIds(unit.commit);
      if (unit.commit.isEmpty()) {
        stored = CompletableFuture.completedFuture(null);
      } else {
        handover = engine.announce(unit.commit.lease().partition(), unit.commit.newMessages(), done);
        probe.at(Point.COMMIT_SUBMIT);
        stored = store.commitAsync(unit.commit);
      }
    } catch (RuntimeException e) {
      stored = CompletableFuture.failedFuture(e);
    }
    Handover announced = handover;
    stored.whenComplete((ignored, error) -> {
      probe.at(Point.COMMIT_COMPLETE);
      if (error == null) {
        announced.durable();
        done.complete(null);
      } else {
        done.completeExceptionally(error instanceof CompletionException wrapped ? wrapped.getCause() : error);
      }
      wake.run();
    });
    if (!stored.isCompletedExceptionally()) {
      probe.at(Point.HANDOVER_RELEASE);
      handover.submitted();
      unit.handedOver = handover.partitions();
    }
  }

  private PartitionCommit withReservedIds(PartitionCommit commit) {
    List<NewMessage> messages = commit.newMessages();
    if (messages.isEmpty()) {
      return commit;
    }
    long[] ids = store.reserveMessageIds(messages.size());
    List<NewMessage> numbered = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      numbered.add(messages.get(i).withId(ids[i]));
    }
    return commit.withNewMessages(numbered);
  }

  private void release(Unit durable) {
    if (!durable.commit.isEmpty()) {
      engine.counters().commits.increment();
    }
    onDurable.accept(durable.commit);
    durable.merged.runAfterCommit();
    for (int target : durable.merged.partitionsMessaged()) {
      if (!durable.handedOver.contains(target)) {
        engine.signal(target);
      }
    }
  }

  private void forget(Unit settled) {
    settled.batches.forEach(pending::settled);
    messagesInFlight.removeAll(settled.commit.consumedMessages());
    messagesInFlight.removeAll(settled.commit.failedMessages().keySet());
    settled.commit.parkedMessages().forEach(parked -> messagesInFlight.remove(parked.messageId()));
  }

  private void evict(Unit failed) {
    failed.instances.forEach(engine.cache()::evict);
    fail(failed.starts);
  }

  /** Fails starts (their clients then start through the store). */
  static void fail(Collection<StartRequest> requests) {
    Iterator<StartRequest> waiting = requests.iterator();
    while (waiting.hasNext()) {
      StartRequest request = waiting.next();
      waiting.remove();
      request.outcome().completeExceptionally(new IllegalStateException("The partition cannot take the start now"));
    }
  }

  private static Throwable failureOf(CompletableFuture<Void> done) {
    try {
      done.join();
      return null;
    } catch (CompletionException e) {
      return e.getCause();
    } catch (CancellationException e) {
      return e;
    }
  }
}
