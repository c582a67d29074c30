package dev.cairn.internal.dispatch;

import dev.cairn.history.HistoryEvent;
import dev.cairn.store.ActivityTask;
import dev.cairn.store.EntityWrite;
import dev.cairn.store.InstanceWrite;
import dev.cairn.store.MessageBody;
import dev.cairn.store.NewMessage;
import dev.cairn.store.ParkedMessage;
import dev.cairn.store.PartitionCommit;
import dev.cairn.store.PartitionLease;
import dev.cairn.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects one partition batch's unit of work, and what to do once it is durable: wake the partitions that got
 * messages and tell waiting clients. Nothing collected here is released before the commit is durable, except the
 * new activity tasks, which may start at once (an activity may run more than once anyway). The batch reads
 * history through {@link #history}, which includes what the partition's commits still in flight append.
 */
final class CommitBuilder {
  private final PartitionLease lease;
  private final Store store;
  private final String owner;
  private final Instant leaseUntil;
  private final PendingWrites pending;
  private final List<Long> consumed = new ArrayList<>();
  private final Map<Long, String> failed = new HashMap<>();
  private final List<ParkedMessage> parked = new ArrayList<>();
  private final List<InstanceWrite> instances = new ArrayList<>();
  private final List<EntityWrite> entities = new ArrayList<>();
  private final List<NewMessage> messages = new ArrayList<>();
  private final List<ActivityTask> activities = new ArrayList<>();
  private final List<String> finishedActivities = new ArrayList<>();
  private final List<Runnable> afterCommit = new ArrayList<>();

  CommitBuilder(PartitionLease lease, Store store, Instant leaseUntil, PendingWrites pending) {
    this.lease = lease;
    this.store = store;
    this.owner = lease.owner();
    this.leaseUntil = leaseUntil;
    this.pending = pending;
  }

  /** An instance's current history, including what the partition's commits in flight append. */
  List<HistoryEvent> history(String instanceId) {
    return pending.history(instanceId);
  }

  String owner() {
    return owner;
  }

  Instant activityLeaseUntil() {
    return leaseUntil;
  }

  void consumed(List<Long> messageIds) {
    consumed.addAll(messageIds);
  }

  void failed(long messageId, String error) {
    failed.put(messageId, error);
  }

  void parked(long messageId, String reason) {
    parked.add(new ParkedMessage(messageId, reason));
  }

  void instance(InstanceWrite write) {
    instances.add(write);
  }

  void entity(EntityWrite write) {
    entities.add(write);
  }

  void message(String target, MessageBody body, Instant visibleAt) {
    messages.add(new NewMessage(store.partitionOf(target), target, body, visibleAt));
  }

  void activity(ActivityTask task) {
    activities.add(task);
  }

  void activityFinished(String taskKey) {
    finishedActivities.add(taskKey);
  }

  /** Runs after the commit is durable. */
  void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  /** A fresh builder for one instance's or entity's part, merged with {@link #absorb} when it succeeds. */
  CommitBuilder part() {
    return new CommitBuilder(lease, store, leaseUntil, pending);
  }

  /** Takes over everything a part collected. */
  void absorb(CommitBuilder part) {
    consumed.addAll(part.consumed);
    failed.putAll(part.failed);
    parked.addAll(part.parked);
    instances.addAll(part.instances);
    entities.addAll(part.entities);
    messages.addAll(part.messages);
    activities.addAll(part.activities);
    finishedActivities.addAll(part.finishedActivities);
    afterCommit.addAll(part.afterCommit);
  }

  PartitionCommit build() {
    return new PartitionCommit(lease, consumed, failed, parked, instances, entities, messages, activities,
        finishedActivities);
  }

  List<ActivityTask> newActivities() {
    return activities;
  }

  Set<Integer> partitionsMessaged() {
    Set<Integer> partitions = new LinkedHashSet<>();
    for (NewMessage message : messages) {
      partitions.add(message.partition());
    }
    return partitions;
  }

  void runAfterCommit() {
    afterCommit.forEach(Runnable::run);
  }
}
