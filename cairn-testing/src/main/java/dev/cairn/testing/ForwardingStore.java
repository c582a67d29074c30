package dev.cairn.testing;

import dev.cairn.client.DeadLetter;
import dev.cairn.client.EntityQuery;
import dev.cairn.client.InstanceQuery;
import dev.cairn.client.PurgeFilter;
import dev.cairn.client.ReusePolicy;
import dev.cairn.entity.EntityId;
import dev.cairn.history.HistoryEvent;
import dev.cairn.store.ActivityTask;
import dev.cairn.store.CreateResult;
import dev.cairn.store.EntityRecord;
import dev.cairn.store.EntitySnapshot;
import dev.cairn.store.InstanceRecord;
import dev.cairn.store.MessageBatch;
import dev.cairn.store.NewMessage;
import dev.cairn.store.PartitionCommit;
import dev.cairn.store.PartitionLease;
import dev.cairn.store.RecordPage;
import dev.cairn.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A store that forwards every call to another store. Extend it to inject faults, duplicates or delays in
 * tests; every call goes through {@link #beforeCall(String)} first.
 */
public abstract class ForwardingStore implements Store {
  private final Store delegate;

  /** Forwards to {@code delegate}. */
  protected ForwardingStore(Store delegate) {
    this.delegate = delegate;
  }

  /** The store calls are forwarded to. */
  protected Store delegate() {
    return delegate;
  }

  /** Called before each forwarded call with the method's name; throw to fail the call. */
  protected void beforeCall(String method) {}

  @Override
  public int partitionCount() {
    return delegate.partitionCount();
  }

  @Override
  public int partitionOf(String target) {
    return delegate.partitionOf(target);
  }

  @Override
  public PartitionLease acquirePartition(int partition, String owner, Duration leaseDuration) {
    beforeCall("acquirePartition");
    return delegate.acquirePartition(partition, owner, leaseDuration);
  }

  @Override
  public PartitionLease renewPartition(PartitionLease lease, Duration leaseDuration) {
    beforeCall("renewPartition");
    return delegate.renewPartition(lease, leaseDuration);
  }

  @Override
  public void releasePartition(PartitionLease lease) {
    beforeCall("releasePartition");
    delegate.releasePartition(lease);
  }

  @Override
  public MessageBatch fetchMessages(int partition, Instant now, int max, Set<Long> exclude) {
    beforeCall("fetchMessages");
    return delegate.fetchMessages(partition, now, max, exclude);
  }

  @Override
  public Map<String, InstanceRecord> loadInstances(Collection<String> instanceIds) {
    beforeCall("loadInstances");
    return delegate.loadInstances(instanceIds);
  }

  @Override
  public List<HistoryEvent> loadHistory(String instanceId) {
    beforeCall("loadHistory");
    return delegate.loadHistory(instanceId);
  }

  @Override
  public Map<EntityId, EntitySnapshot> loadEntities(Map<EntityId, Set<String>> sendersByEntity) {
    beforeCall("loadEntities");
    return delegate.loadEntities(sendersByEntity);
  }

  @Override
  public void commit(PartitionCommit commit) {
    beforeCall("commit");
    delegate.commit(commit);
  }

  @Override
  public List<ActivityTask> activityTasks(PartitionLease lease) {
    beforeCall("activityTasks");
    return delegate.activityTasks(lease);
  }

  @Override
  public List<ActivityTask> leaseExpiredActivityTasks(String worker, Instant now, int max, Duration leaseDuration) {
    beforeCall("leaseExpiredActivityTasks");
    return delegate.leaseExpiredActivityTasks(worker, now, max, leaseDuration);
  }

  @Override
  public boolean completeActivityTask(String taskKey, NewMessage result) {
    beforeCall("completeActivityTask");
    return delegate.completeActivityTask(taskKey, result);
  }

  @Override
  public void abandonActivityTask(String taskKey, String worker) {
    beforeCall("abandonActivityTask");
    delegate.abandonActivityTask(taskKey, worker);
  }

  @Override
  public CreateResult createInstance(InstanceRecord record, NewMessage start, ReusePolicy policy) {
    beforeCall("createInstance");
    return delegate.createInstance(record, start, policy);
  }

  @Override
  public void sendMessages(List<NewMessage> messages) {
    beforeCall("sendMessages");
    delegate.sendMessages(messages);
  }

  @Override
  public Optional<InstanceRecord> getInstance(String instanceId) {
    beforeCall("getInstance");
    return delegate.getInstance(instanceId);
  }

  @Override
  public RecordPage<InstanceRecord> queryInstances(InstanceQuery query) {
    beforeCall("queryInstances");
    return delegate.queryInstances(query);
  }

  @Override
  public boolean purgeInstance(String instanceId) {
    beforeCall("purgeInstance");
    return delegate.purgeInstance(instanceId);
  }

  @Override
  public int purgeInstances(PurgeFilter filter) {
    beforeCall("purgeInstances");
    return delegate.purgeInstances(filter);
  }

  @Override
  public Optional<EntityRecord> getEntity(EntityId id) {
    beforeCall("getEntity");
    return delegate.getEntity(id);
  }

  @Override
  public RecordPage<EntityRecord> queryEntities(EntityQuery query) {
    beforeCall("queryEntities");
    return delegate.queryEntities(query);
  }

  @Override
  public List<EntityRecord> lockedEntities() {
    beforeCall("lockedEntities");
    return delegate.lockedEntities();
  }

  @Override
  public int deleteEmptyEntities(List<EntityRecord> rows) {
    beforeCall("deleteEmptyEntities");
    return delegate.deleteEmptyEntities(rows);
  }

  @Override
  public List<DeadLetter> deadLetters(int max) {
    beforeCall("deadLetters");
    return delegate.deadLetters(max);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
