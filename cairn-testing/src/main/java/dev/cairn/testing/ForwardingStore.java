package dev.cairn.testing;

import dev.cairn.client.DeadLetter;
import dev.cairn.client.EntityQuery;
import dev.cairn.client.InstanceQuery;
import dev.cairn.client.PurgeFilter;
import dev.cairn.client.ReusePolicy;
import dev.cairn.entity.EntityId;
import dev.cairn.history.HistoryEvent;
import dev.cairn.store.ActivityTask;
import dev.cairn.store.ClusterSnapshot;
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
import dev.cairn.store.StoreListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

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

  /** Called before each forwarded call with the method's name; throw to fail the call before it happens. */
  protected void beforeCall(String method) {}

  /** Called after each forwarded call returned; throw to fail a call that did happen. */
  protected void afterCall(String method) {}

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
    var outcome = delegate.acquirePartition(partition, owner, leaseDuration);
    afterCall("acquirePartition");
    return outcome;
  }

  @Override
  public PartitionLease renewPartition(PartitionLease lease, Duration leaseDuration) {
    beforeCall("renewPartition");
    var outcome = delegate.renewPartition(lease, leaseDuration);
    afterCall("renewPartition");
    return outcome;
  }

  @Override
  public void releasePartition(PartitionLease lease) {
    beforeCall("releasePartition");
    delegate.releasePartition(lease);
    afterCall("releasePartition");
  }

  @Override
  public List<String> heartbeat(String worker, Duration ttl) {
    beforeCall("heartbeat");
    var outcome = delegate.heartbeat(worker, ttl);
    afterCall("heartbeat");
    return outcome;
  }

  @Override
  public void leave(String worker) {
    beforeCall("leave");
    delegate.leave(worker);
    afterCall("leave");
  }

  @Override
  public MessageBatch fetchMessages(int partition, Instant now, int max, Set<Long> exclude) {
    beforeCall("fetchMessages");
    var outcome = delegate.fetchMessages(partition, now, max, exclude);
    afterCall("fetchMessages");
    return outcome;
  }

  @Override
  public Map<String, InstanceRecord> loadInstances(Collection<String> instanceIds) {
    beforeCall("loadInstances");
    var outcome = delegate.loadInstances(instanceIds);
    afterCall("loadInstances");
    return outcome;
  }

  @Override
  public List<HistoryEvent> loadHistory(String instanceId) {
    beforeCall("loadHistory");
    var outcome = delegate.loadHistory(instanceId);
    afterCall("loadHistory");
    return outcome;
  }

  @Override
  public Map<EntityId, EntitySnapshot> loadEntities(Map<EntityId, Set<String>> sendersByEntity) {
    beforeCall("loadEntities");
    var outcome = delegate.loadEntities(sendersByEntity);
    afterCall("loadEntities");
    return outcome;
  }

  @Override
  public long[] reserveMessageIds(int count) {
    beforeCall("reserveMessageIds");
    long[] ids = delegate.reserveMessageIds(count);
    afterCall("reserveMessageIds");
    return ids;
  }

  @Override
  public boolean commitsInOrder(int partition, int other) {
    return delegate.commitsInOrder(partition, other);
  }

  @Override
  public CompletableFuture<Void> commitAsync(PartitionCommit commit) {
    beforeCall("commit");
    return delegate.commitAsync(commit).thenRun(() -> afterCall("commit"));
  }

  @Override
  public List<ActivityTask> activityTasks(PartitionLease lease) {
    beforeCall("activityTasks");
    var outcome = delegate.activityTasks(lease);
    afterCall("activityTasks");
    return outcome;
  }

  @Override
  public List<ActivityTask> claimActivityTasks(String worker, int max, Duration leaseDuration) {
    beforeCall("claimActivityTasks");
    var outcome = delegate.claimActivityTasks(worker, max, leaseDuration);
    afterCall("claimActivityTasks");
    return outcome;
  }

  @Override
  public Set<String> renewActivityTasks(String worker, Collection<String> taskKeys, Duration leaseDuration) {
    beforeCall("renewActivityTasks");
    var outcome = delegate.renewActivityTasks(worker, taskKeys, leaseDuration);
    afterCall("renewActivityTasks");
    return outcome;
  }

  @Override
  public boolean completeActivityTask(String taskKey, NewMessage result) {
    beforeCall("completeActivityTask");
    var outcome = delegate.completeActivityTask(taskKey, result);
    afterCall("completeActivityTask");
    return outcome;
  }

  @Override
  public void abandonActivityTasks(String worker) {
    beforeCall("abandonActivityTasks");
    delegate.abandonActivityTasks(worker);
    afterCall("abandonActivityTasks");
  }

  @Override
  public CreateResult createInstance(InstanceRecord record, NewMessage start, ReusePolicy policy) {
    beforeCall("createInstance");
    var outcome = delegate.createInstance(record, start, policy);
    afterCall("createInstance");
    return outcome;
  }

  @Override
  public void sendMessages(List<NewMessage> messages) {
    beforeCall("sendMessages");
    delegate.sendMessages(messages);
    afterCall("sendMessages");
  }

  @Override
  public Optional<InstanceRecord> getInstance(String instanceId) {
    beforeCall("getInstance");
    var outcome = delegate.getInstance(instanceId);
    afterCall("getInstance");
    return outcome;
  }

  @Override
  public RecordPage<InstanceRecord> queryInstances(InstanceQuery query) {
    beforeCall("queryInstances");
    var outcome = delegate.queryInstances(query);
    afterCall("queryInstances");
    return outcome;
  }

  @Override
  public Map<dev.cairn.client.RuntimeStatus, Long> countInstancesByStatus() {
    beforeCall("countInstancesByStatus");
    var outcome = delegate.countInstancesByStatus();
    afterCall("countInstancesByStatus");
    return outcome;
  }

  @Override
  public boolean purgeInstance(String instanceId) {
    beforeCall("purgeInstance");
    var outcome = delegate.purgeInstance(instanceId);
    afterCall("purgeInstance");
    return outcome;
  }

  @Override
  public int purgeInstances(PurgeFilter filter) {
    beforeCall("purgeInstances");
    var outcome = delegate.purgeInstances(filter);
    afterCall("purgeInstances");
    return outcome;
  }

  @Override
  public Optional<EntityRecord> getEntity(EntityId id) {
    beforeCall("getEntity");
    var outcome = delegate.getEntity(id);
    afterCall("getEntity");
    return outcome;
  }

  @Override
  public RecordPage<EntityRecord> queryEntities(EntityQuery query) {
    beforeCall("queryEntities");
    var outcome = delegate.queryEntities(query);
    afterCall("queryEntities");
    return outcome;
  }

  @Override
  public List<EntityRecord> lockedEntities() {
    beforeCall("lockedEntities");
    var outcome = delegate.lockedEntities();
    afterCall("lockedEntities");
    return outcome;
  }

  @Override
  public int deleteEmptyEntities(List<EntityRecord> rows) {
    beforeCall("deleteEmptyEntities");
    var outcome = delegate.deleteEmptyEntities(rows);
    afterCall("deleteEmptyEntities");
    return outcome;
  }

  @Override
  public List<DeadLetter> deadLetters(int max) {
    beforeCall("deadLetters");
    var outcome = delegate.deadLetters(max);
    afterCall("deadLetters");
    return outcome;
  }

  @Override
  public ClusterSnapshot cluster() {
    beforeCall("cluster");
    var outcome = delegate.cluster();
    afterCall("cluster");
    return outcome;
  }

  @Override
  public Listening listen(StoreListener listener) {
    return delegate.listen(listener);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
