package dev.cairn.internal.dispatch;

import dev.cairn.entity.EntityId;
import dev.cairn.history.HistoryEvent;
import dev.cairn.history.TaskScheduled;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Collects a partition's unit of work, and what to do once it is durable: wake the partitions that got messages
 * and tell waiting clients. Nothing collected here is released before the commit is durable, except the new
 * activity tasks, which may start at once (an activity may run more than once anyway): as many as this worker has
 * room for are leased to it and run here, the rest are stored without a lease for any worker to claim. The batch
 * reads history
 * through {@link #history}, which includes what the partition's commits still in flight append.
 *
 * <p>Consecutive batches merge into one unit ({@link #absorb}): the writes of an instance or entity become one
 * write from the first one's version to the last one's state, and an activity task scheduled and finished within
 * the unit is never stored at all.
 */
final class CommitBuilder {
  private final PartitionLease lease;
  private final Store store;
  private final String owner;
  private final Instant leaseUntil;
  /** How many more new tasks this worker runs itself, shared by the builder and its parts. */
  private final AtomicInteger activityRoom;
  private final PendingWrites pending;
  private final List<Long> consumed = new ArrayList<>();
  private final Map<Long, String> failed = new HashMap<>();
  private final List<ParkedMessage> parked = new ArrayList<>();
  private final Map<String, InstanceWrite> instances = new LinkedHashMap<>();
  private final Map<EntityId, EntityWrite> entities = new LinkedHashMap<>();
  private final List<NewMessage> messages = new ArrayList<>();
  private final Map<String, ActivityTask> activities = new LinkedHashMap<>();
  private final List<String> finishedActivities = new ArrayList<>();
  private final List<Runnable> afterCommit = new ArrayList<>();

  /**
   * A unit under a lease; of the activity tasks it schedules, the first {@code activityRoom} are leased to the
   * lease's owner until {@code leaseUntil}.
   */
  CommitBuilder(PartitionLease lease, Store store, Instant leaseUntil, int activityRoom, PendingWrites pending) {
    this(lease, store, leaseUntil, new AtomicInteger(activityRoom), pending);
  }

  private CommitBuilder(
      PartitionLease lease, Store store, Instant leaseUntil, AtomicInteger activityRoom, PendingWrites pending) {
    this.lease = lease;
    this.store = store;
    this.owner = lease.owner();
    this.leaseUntil = leaseUntil;
    this.activityRoom = activityRoom;
    this.pending = pending;
  }

  /** An instance's current history, including what the partition's commits in flight append. */
  List<HistoryEvent> history(String instanceId) {
    return pending.history(instanceId);
  }

  /**
   * A new activity task, leased to this worker while it has room for more, else without a lease (for any worker
   * to claim).
   */
  ActivityTask newTask(String instanceId, String executionId, TaskScheduled scheduled, Instant now) {
    boolean here = activityRoom.getAndDecrement() > 0;
    return new ActivityTask(ActivityTask.keyOf(instanceId, executionId, scheduled.taskId()), lease.partition(),
        instanceId, executionId, scheduled.taskId(), scheduled.name(), scheduled.input(), scheduled.attempt(),
        scheduled.timeout(), now, here ? owner : null, here ? leaseUntil : null, here ? 1 : 0);
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
    instances.merge(write.record().instanceId(), write, CommitBuilder::followedBy);
  }

  void entity(EntityWrite write) {
    entities.merge(write.record().id(), write, CommitBuilder::followedBy);
  }

  /** One write with the effect of an instance's write and the one that builds on it. */
  private static InstanceWrite followedBy(InstanceWrite first, InstanceWrite second) {
    List<HistoryEvent> history = new ArrayList<>();
    if (!second.replaceHistory()) {
      history.addAll(first.history());
    }
    history.addAll(second.history());
    return new InstanceWrite(second.record(), first.expectedVersion(),
        first.replaceHistory() || second.replaceHistory(), history);
  }

  /** One write with the effect of an entity's write and the one that builds on it. */
  private static EntityWrite followedBy(EntityWrite first, EntityWrite second) {
    Map<String, Long> watermarks = new HashMap<>(first.senderWatermarks());
    second.senderWatermarks().forEach((sender, sequence) -> watermarks.merge(sender, sequence, Math::max));
    return new EntityWrite(second.record(), first.expectedVersion(), watermarks);
  }

  void message(String target, MessageBody body, Instant visibleAt) {
    messages.add(new NewMessage(store.partitionOf(target), target, body, visibleAt));
  }

  void activity(ActivityTask task) {
    activities.put(task.taskKey(), task);
  }

  /** Records that a task's result is in; a task scheduled within this unit is then never stored. */
  void activityFinished(String taskKey) {
    if (activities.remove(taskKey) == null) {
      finishedActivities.add(taskKey);
    }
  }

  /** Runs after the commit is durable. */
  void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  /** A fresh builder for one instance's or entity's part, merged with {@link #absorb} when it succeeds. */
  CommitBuilder part() {
    return new CommitBuilder(lease, store, leaseUntil, activityRoom, pending);
  }

  /** Takes over everything a part (or a later batch) collected, as if it had been collected here. */
  void absorb(CommitBuilder part) {
    consumed.addAll(part.consumed);
    failed.putAll(part.failed);
    parked.addAll(part.parked);
    part.instances.values().forEach(this::instance);
    part.entities.values().forEach(this::entity);
    messages.addAll(part.messages);
    part.finishedActivities.forEach(this::activityFinished);
    part.activities.values().forEach(this::activity);
    afterCommit.addAll(part.afterCommit);
  }

  PartitionCommit build() {
    return new PartitionCommit(lease, consumed, failed, parked, List.copyOf(instances.values()),
        List.copyOf(entities.values()), messages, List.copyOf(activities.values()), finishedActivities);
  }

  /** Whether a unit of work crashed: the commit counts a failed attempt of messages, or parks them. */
  boolean recordsCrashes() {
    return !failed.isEmpty() || !parked.isEmpty();
  }

  /** The activity tasks the unit stores (and that may start at once). */
  Collection<ActivityTask> newActivities() {
    return activities.values();
  }

  /** How many writes and messages the unit holds (to bound a merged unit). */
  int size() {
    return consumed.size() + instances.size() + entities.size() + messages.size() + activities.size();
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
