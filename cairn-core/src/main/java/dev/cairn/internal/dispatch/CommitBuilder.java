package dev.cairn.internal.dispatch;

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
 * Collects one partition batch's unit of work, and what to do once it is durable: dispatch the new activity
 * tasks, wake the partitions that got messages, tell waiting clients, and put executors back in the cache.
 * Nothing collected here is released before {@link #afterCommit}.
 */
final class CommitBuilder {
  private final PartitionLease lease;
  private final Store store;
  private final String owner;
  private final Instant leaseUntil;
  private final List<Long> consumed = new ArrayList<>();
  private final Map<Long, String> failed = new HashMap<>();
  private final List<ParkedMessage> parked = new ArrayList<>();
  private final List<InstanceWrite> instances = new ArrayList<>();
  private final List<EntityWrite> entities = new ArrayList<>();
  private final List<NewMessage> messages = new ArrayList<>();
  private final List<ActivityTask> activities = new ArrayList<>();
  private final List<String> finishedActivities = new ArrayList<>();
  private final List<Runnable> afterCommit = new ArrayList<>();
  private final List<Runnable> onFailure = new ArrayList<>();
  private final Set<String> changedInstances = new LinkedHashSet<>();

  CommitBuilder(PartitionLease lease, Store store, Instant leaseUntil) {
    this.lease = lease;
    this.store = store;
    this.owner = lease.owner();
    this.leaseUntil = leaseUntil;
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
    changedInstances.add(write.record().instanceId());
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

  /** Runs when the commit failed (to undo in-memory changes). */
  void onFailure(Runnable action) {
    onFailure.add(action);
  }

  /** A fresh builder for one instance's or entity's part, merged with {@link #absorb} when it succeeds. */
  CommitBuilder part() {
    return new CommitBuilder(lease, store, leaseUntil);
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
    onFailure.addAll(part.onFailure);
    changedInstances.addAll(part.changedInstances);
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

  Set<String> changedInstances() {
    return changedInstances;
  }

  void runAfterCommit() {
    afterCommit.forEach(Runnable::run);
  }

  void runOnFailure() {
    onFailure.forEach(Runnable::run);
  }
}
