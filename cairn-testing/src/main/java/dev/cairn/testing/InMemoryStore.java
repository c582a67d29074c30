package dev.cairn.testing;

import dev.cairn.client.DeadLetter;
import dev.cairn.client.EntityQuery;
import dev.cairn.client.InstanceQuery;
import dev.cairn.client.PurgeFilter;
import dev.cairn.client.ReusePolicy;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.CommitRejectedException;
import dev.cairn.failure.InvalidRequestException;
import dev.cairn.failure.StoreException;
import dev.cairn.history.HistoryEvent;
import dev.cairn.store.ActivityTask;
import dev.cairn.store.ClusterSnapshot;
import dev.cairn.store.CommitChains;
import dev.cairn.store.CreateResult;
import dev.cairn.store.EntityCursor;
import dev.cairn.store.EntityRecord;
import dev.cairn.store.EntitySnapshot;
import dev.cairn.store.EntityWrite;
import dev.cairn.store.InstanceCursor;
import dev.cairn.store.InstanceRecord;
import dev.cairn.store.InstanceWrite;
import dev.cairn.store.Message;
import dev.cairn.store.MessageBatch;
import dev.cairn.store.NewMessage;
import dev.cairn.store.ParkedMessage;
import dev.cairn.store.PartitionCommit;
import dev.cairn.store.PartitionLease;
import dev.cairn.store.PartitionState;
import dev.cairn.store.RecordPage;
import dev.cairn.store.Store;
import dev.cairn.store.StoreCodec;
import dev.cairn.store.StoreHints;
import dev.cairn.store.StoreListener;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A complete {@link Store} in memory: atomic commits, compare-and-swap checks, partition epochs, timers,
 * activity leases, paging and dead letters, all under one lock. It keeps its state for as long as the object
 * lives, so a test can crash a runtime ({@code Cairn.halt()}), {@link #reopen()} the store (which drops the
 * crashed runtime's partition leases and heartbeat) and start a new one on it, as if the store were durable. It is
 * what the test kit offers for users' own tests.
 */
public final class InMemoryStore implements Store {
  private static final Comparator<InstanceRecord> CREATION_ORDER =
      Comparator.comparing(InstanceRecord::createdAt).thenComparing(InstanceRecord::instanceId);

  private final int partitionCount;
  private final InstantSource clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final CommitChains chains = new CommitChains();
  private final List<PartitionQueue> queues = new ArrayList<>();
  private final PartitionLease[] leases;
  private final Map<String, Instant> heartbeats = new HashMap<>();
  private final long[] epochs;
  private final Map<String, InstanceRecord> instances = new HashMap<>();
  private final TreeSet<InstanceRecord> instancesByCreation = new TreeSet<>(CREATION_ORDER);
  private final Map<String, List<HistoryEvent>> histories = new HashMap<>();
  private final TreeMap<EntityId, EntityRecord> entities = new TreeMap<>();
  private final Map<EntityId, Map<String, Long>> watermarks = new HashMap<>();
  private final Map<String, ActivityTask> activityTasks = new LinkedHashMap<>();
  private final StoreHints hints = new StoreHints();
  private final ArrayDeque<DeadLetter> deadLetters = new ArrayDeque<>();
  private long nextMessageId = 1;
  private volatile boolean closed;

  private InMemoryStore(int partitionCount, InstantSource clock) {
    if (partitionCount < 1) {
      throw new IllegalArgumentException("partitionCount must be at least 1, got " + partitionCount);
    }
    this.partitionCount = partitionCount;
    this.clock = clock;
    this.leases = new PartitionLease[partitionCount];
    this.epochs = new long[partitionCount];
    for (int p = 0; p < partitionCount; p++) {
      queues.add(new PartitionQueue());
    }
  }

  /** A store with 8 partitions on the system clock. */
  public static InMemoryStore create() {
    return new InMemoryStore(8, InstantSource.system());
  }

  /** A store with a number of partitions, whose leases follow the given clock. */
  public static InMemoryStore create(int partitions, InstantSource clock) {
    return new InMemoryStore(partitions, clock);
  }

  @Override
  public int partitionCount() {
    return partitionCount;
  }

  private <T> T locked(java.util.function.Supplier<T> action) {
    lock.lock();
    try {
      if (closed) {
        throw new StoreException("The in-memory store is closed.");
      }
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  private void lockedRun(Runnable action) {
    locked(() -> {
      action.run();
      return null;
    });
  }

  // ----- partitions ----------------------------------------------------------------------------------

  @Override
  public PartitionLease acquirePartition(int partition, String owner, Duration leaseDuration) {
    return locked(() -> {
      Instant now = clock.instant();
      PartitionLease held = leases[partition];
      if (held != null && !held.owner().equals(owner) && held.expiresAt().isAfter(now)) {
        return null;
      }
      PartitionLease lease = new PartitionLease(partition, owner, ++epochs[partition], now.plus(leaseDuration));
      leases[partition] = lease;
      return lease;
    });
  }

  @Override
  public PartitionLease renewPartition(PartitionLease lease, Duration leaseDuration) {
    return locked(() -> {
      requireCurrent(lease);
      PartitionLease renewed = new PartitionLease(lease.partition(), lease.owner(), lease.epoch(),
          clock.instant().plus(leaseDuration));
      leases[lease.partition()] = renewed;
      return renewed;
    });
  }

  @Override
  public List<String> heartbeat(String worker, Duration ttl) {
    return locked(() -> {
      Instant now = clock.instant();
      heartbeats.put(worker, now);
      return heartbeats.entrySet().stream().filter(beat -> beat.getValue().plus(ttl).isAfter(now))
          .map(Map.Entry::getKey).sorted().toList();
    });
  }

  @Override
  public void leave(String worker) {
    lockedRun(() -> heartbeats.remove(worker));
  }

  @Override
  public void releasePartition(PartitionLease lease) {
    lockedRun(() -> {
      PartitionLease current = leases[lease.partition()];
      if (current != null && current.epoch() == lease.epoch()) {
        leases[lease.partition()] = null;
      }
    });
    hints.deliver(List.of(StoreHints.released(lease.partition())));
  }

  private void requireCurrent(PartitionLease lease) {
    PartitionLease current = leases[lease.partition()];
    if (current == null || current.epoch() != lease.epoch() || !current.owner().equals(lease.owner())) {
      throw new CommitRejectedException("Partition " + lease.partition() + " is no longer owned by "
          + lease.owner() + " at epoch " + lease.epoch() + " (current: " + current + ").");
    }
  }

  // ----- partition work ------------------------------------------------------------------------------

  @Override
  public MessageBatch fetchMessages(int partition, Instant now, int max, Set<Long> exclude) {
    return locked(() -> queues.get(partition).fetch(now, max, exclude));
  }

  @Override
  public Map<String, InstanceRecord> loadInstances(Collection<String> instanceIds) {
    return locked(() -> {
      Map<String, InstanceRecord> found = new HashMap<>();
      for (String id : instanceIds) {
        InstanceRecord row = instances.get(id);
        if (row != null) {
          found.put(id, row);
        }
      }
      return found;
    });
  }

  @Override
  public List<HistoryEvent> loadHistory(String instanceId) {
    return locked(() -> List.copyOf(histories.getOrDefault(instanceId, List.of())));
  }

  @Override
  public Map<EntityId, EntitySnapshot> loadEntities(Map<EntityId, Set<String>> sendersByEntity) {
    return locked(() -> {
      Map<EntityId, EntitySnapshot> found = new HashMap<>();
      sendersByEntity.forEach((id, senders) -> {
        Map<String, Long> all = watermarks.getOrDefault(id, Map.of());
        Map<String, Long> asked = new HashMap<>();
        for (String sender : senders) {
          Long mark = all.get(sender);
          if (mark != null) {
            asked.put(sender, mark);
          }
        }
        found.put(id, new EntitySnapshot(entities.get(id), asked));
      });
      return found;
    });
  }

  @Override
  public CompletableFuture<Void> commitAsync(PartitionCommit commit) {
    try {
      lockedRun(() -> {
        chains.requireUnbroken(commit.lease());
        try {
          validate(commit);
        } catch (RuntimeException e) {
          chains.broken(commit.lease());
          throw e;
        }
        apply(commit);
      });
      hints.deliver(StoreHints.of(commit));
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void validate(PartitionCommit commit) {
    requireCurrent(commit.lease());
    PartitionQueue queue = queues.get(commit.lease().partition());
    int partition = commit.lease().partition();
    for (long id : commit.consumedMessages()) {
      requireQueued(queue, id, partition, "was already consumed.");
    }
    String gone = "is not in the queue: consumed already, or never added (its commit failed).";
    commit.failedMessages().keySet().forEach(id -> requireQueued(queue, id, partition, gone));
    commit.parkedMessages().forEach(parked -> requireQueued(queue, parked.messageId(), partition, gone));
    for (InstanceWrite write : commit.instanceWrites()) {
      InstanceRecord current = instances.get(write.record().instanceId());
      long version = current == null ? 0 : current.version();
      if (version != write.expectedVersion()) {
        throw new CommitRejectedException("Instance '" + write.record().instanceId() + "' is at version "
            + version + ", not " + write.expectedVersion() + ".");
      }
      if (current != null && !write.replaceHistory() && !sameExecution(current, write.record())) {
        throw new IllegalStateException("A write that keeps the execution of '" + write.record().instanceId()
            + "' changes its identity: " + current + " -> " + write.record());
      }
      int length = write.replaceHistory() ? 0 : histories.getOrDefault(write.record().instanceId(), List.of()).size();
      if (!write.history().isEmpty() && write.history().get(0).eventId() != length) {
        throw new CommitRejectedException("History of '" + write.record().instanceId() + "' has " + length
            + " events; the commit appends from " + write.history().get(0).eventId() + ".");
      }
    }
    for (EntityWrite write : commit.entityWrites()) {
      EntityRecord current = entities.get(write.record().id());
      long version = current == null ? 0 : current.version();
      if (version != write.expectedVersion()) {
        throw new CommitRejectedException("Entity " + write.record().id() + " is at version " + version
            + ", not " + write.expectedVersion() + ".");
      }
    }
  }

  private static void requireQueued(PartitionQueue queue, long id, int partition, String otherwise) {
    if (!queue.contains(id)) {
      throw new CommitRejectedException("Message " + id + " of partition " + partition + " " + otherwise);
    }
  }

  private static boolean sameExecution(InstanceRecord current, InstanceRecord next) {
    return current.name().equals(next.name()) && Objects.equals(current.executionId(), next.executionId())
        && Objects.equals(current.input(), next.input()) && Objects.equals(current.parent(), next.parent())
        && current.createdAt().equals(next.createdAt());
  }

  private void apply(PartitionCommit commit) {
    PartitionQueue queue = queues.get(commit.lease().partition());
    commit.consumedMessages().forEach(queue::remove);
    commit.failedMessages().forEach((id, error) -> queue.countFailure(id));
    Instant now = clock.instant();
    for (ParkedMessage parked : commit.parkedMessages()) {
      Message message = queue.remove(parked.messageId());
      if (message != null) {
        deadLetters.addFirst(new DeadLetter(message.id(), message.target(), StoreCodec.encode(message.body()),
            parked.reason(), message.failedAttempts() + 1, now));
      }
    }
    for (InstanceWrite write : commit.instanceWrites()) {
      putInstance(write.record());
      List<HistoryEvent> history = write.replaceHistory()
          ? new ArrayList<>() : histories.computeIfAbsent(write.record().instanceId(), k -> new ArrayList<>());
      history.addAll(write.history());
      histories.put(write.record().instanceId(), history);
    }
    for (EntityWrite write : commit.entityWrites()) {
      entities.put(write.record().id(), write.record());
      if (!write.senderWatermarks().isEmpty()) {
        watermarks.computeIfAbsent(write.record().id(), k -> new HashMap<>()).putAll(write.senderWatermarks());
      }
    }
    enqueue(commit.newMessages());
    commit.finishedActivityTasks().forEach(activityTasks::remove);
    for (ActivityTask task : commit.newActivityTasks()) {
      activityTasks.put(task.taskKey(), task.leaseFrom(now));
    }
  }

  private void putInstance(InstanceRecord row) {
    InstanceRecord previous = instances.put(row.instanceId(), row);
    if (previous != null) {
      instancesByCreation.remove(previous);
    }
    instancesByCreation.add(row);
  }

  private void enqueue(List<NewMessage> messages) {
    for (NewMessage message : messages) {
      if (message.partition() < 0 || message.partition() >= partitionCount) {
        throw new StoreException("Message for unknown partition " + message.partition());
      }
      long id = message.id() != 0 ? message.id() : nextMessageId++;
      queues.get(message.partition()).add(new Message(id, message.partition(), message.target(),
          message.body(), message.visibleAt(), 0));
    }
  }

  @Override
  public long[] reserveMessageIds(int count) {
    return locked(() -> {
      long[] ids = new long[count];
      for (int i = 0; i < count; i++) {
        ids[i] = nextMessageId++;
      }
      return ids;
    });
  }

  // ----- activities ----------------------------------------------------------------------------------

  @Override
  public List<ActivityTask> activityTasks(PartitionLease lease) {
    return locked(() -> activityTasks.values().stream()
        .filter(t -> t.partition() == lease.partition() && lease.owner().equals(t.leaseOwner()))
        .toList());
  }

  @Override
  public List<ActivityTask> claimActivityTasks(String worker, int max, Duration leaseDuration) {
    return locked(() -> {
      Instant now = clock.instant();
      List<ActivityTask> leased = new ArrayList<>();
      List<ActivityTask> oldestFirst = activityTasks.values().stream()
          .sorted(Comparator.comparing(ActivityTask::createdAt)).toList();
      for (ActivityTask task : oldestFirst) {
        if (leased.size() < max && task.claimableAt(now)) {
          ActivityTask claimed = task.leasedTo(worker, now.plus(leaseDuration));
          activityTasks.put(task.taskKey(), claimed);
          leased.add(claimed);
        }
      }
      return leased;
    });
  }

  @Override
  public Set<String> renewActivityTasks(String worker, Collection<String> taskKeys, Duration leaseDuration) {
    return locked(() -> {
      Instant until = clock.instant().plus(leaseDuration);
      Set<String> held = new HashSet<>();
      for (String key : taskKeys) {
        ActivityTask task = activityTasks.get(key);
        if (task != null && worker.equals(task.leaseOwner())) {
          activityTasks.put(key, task.renewedUntil(until));
          held.add(key);
        }
      }
      return held;
    });
  }

  @Override
  public boolean completeActivityTask(String taskKey, NewMessage result) {
    boolean recorded = locked(() -> {
      if (activityTasks.remove(taskKey) == null) {
        return false;
      }
      enqueue(List.of(result));
      return true;
    });
    if (recorded) {
      hintQueued(List.of(result));
    }
    return recorded;
  }

  @Override
  public void abandonActivityTasks(String worker) {
    lockedRun(() -> activityTasks.replaceAll(
        (key, task) -> worker.equals(task.leaseOwner()) ? task.unleased() : task));
    hints.deliver(List.of(StoreHints.activityTasks()));
  }

  // ----- clients -------------------------------------------------------------------------------------

  @Override
  public CreateResult createInstance(InstanceRecord record, NewMessage start, ReusePolicy policy) {
    CreateResult result = locked(() -> {
      InstanceRecord existing = instances.get(record.instanceId());
      if (existing != null) {
        if (policy != ReusePolicy.REPLACE_FINISHED || !existing.status().isTerminal()) {
          return new CreateResult(false, existing);
        }
        histories.remove(record.instanceId());
      }
      putInstance(existing == null ? record : record.withVersion(existing.version() + 1));
      enqueue(List.of(start));
      return new CreateResult(true, existing);
    });
    if (result.created()) {
      hintQueued(List.of(start));
    }
    return result;
  }

  @Override
  public void sendMessages(List<NewMessage> messages) {
    lockedRun(() -> enqueue(messages));
    hintQueued(messages);
  }

  private void hintQueued(List<NewMessage> messages) {
    hints.deliver(messages.stream().map(message -> StoreHints.partition(message.partition())).distinct().toList());
  }

  @Override
  public Listening listen(StoreListener listener) {
    return hints.add(listener);
  }

  @Override
  public Optional<InstanceRecord> getInstance(String instanceId) {
    return locked(() -> Optional.ofNullable(instances.get(instanceId)));
  }

  @Override
  public Map<RuntimeStatus, Long> countInstancesByStatus() {
    return locked(() -> {
      Map<RuntimeStatus, Long> counts = new java.util.EnumMap<>(RuntimeStatus.class);
      instances.values().forEach(row -> counts.merge(row.status(), 1L, Long::sum));
      return counts;
    });
  }

  @Override
  public RecordPage<InstanceRecord> queryInstances(InstanceQuery query) {
    return locked(() -> {
      NavigableSet<InstanceRecord> candidates =
          query.newestFirst() ? instancesByCreation.descendingSet() : instancesByCreation;
      if (query.continuationToken() != null) {
        InstanceCursor cursor = InstanceCursor.decode(query.continuationToken());
        candidates = candidates.tailSet(probe(cursor), false);
      }
      List<InstanceRecord> page = new ArrayList<>();
      Iterator<InstanceRecord> it = candidates.iterator();
      while (it.hasNext() && page.size() <= query.pageSize()) {
        InstanceRecord row = it.next();
        if (matches(row, query)) {
          page.add(row);
        }
      }
      boolean more = page.size() > query.pageSize();
      List<InstanceRecord> items = more ? page.subList(0, query.pageSize()) : page;
      InstanceRecord last = items.isEmpty() ? null : items.get(items.size() - 1);
      return new RecordPage<>(items, more ? new InstanceCursor(last.createdAt(), last.instanceId()).encode() : null);
    });
  }

  private static InstanceRecord probe(InstanceCursor cursor) {
    return new InstanceRecord(cursor.instanceId(), "-", null, RuntimeStatus.PENDING, null, null,
        null, null, null, cursor.createdAt(), cursor.createdAt(), 0);
  }

  private static boolean matches(InstanceRecord row, InstanceQuery query) {
    return (query.statuses().isEmpty() || query.statuses().contains(row.status()))
        && (query.name() == null || query.name().equals(row.name()))
        && (query.createdFrom() == null || !row.createdAt().isBefore(query.createdFrom()))
        && (query.createdTo() == null || row.createdAt().isBefore(query.createdTo()))
        && (query.instanceIdPrefix() == null || row.instanceId().startsWith(query.instanceIdPrefix()));
  }

  @Override
  public boolean purgeInstance(String instanceId) {
    return locked(() -> {
      InstanceRecord row = instances.get(instanceId);
      if (row == null) {
        return false;
      }
      if (!row.status().isTerminal()) {
        throw new InvalidRequestException("instanceId", "Instance '" + instanceId + "' is "
            + row.status().displayName() + "; only finished instances can be purged. Terminate it first.");
      }
      removeInstance(row);
      return true;
    });
  }

  @Override
  public int purgeInstances(PurgeFilter filter) {
    return locked(() -> {
      List<InstanceRecord> doomed = instancesByCreation.stream()
          .filter(row -> filter.statuses().contains(row.status()))
          .filter(row -> filter.createdFrom() == null || !row.createdAt().isBefore(filter.createdFrom()))
          .filter(row -> filter.createdTo() == null || row.createdAt().isBefore(filter.createdTo()))
          .toList();
      doomed.forEach(this::removeInstance);
      return doomed.size();
    });
  }

  private void removeInstance(InstanceRecord row) {
    instances.remove(row.instanceId());
    instancesByCreation.remove(row);
    histories.remove(row.instanceId());
  }

  @Override
  public Optional<EntityRecord> getEntity(EntityId id) {
    return locked(() -> Optional.ofNullable(entities.get(id)));
  }

  @Override
  public RecordPage<EntityRecord> queryEntities(EntityQuery query) {
    return locked(() -> {
      Map<EntityId, EntityRecord> candidates = entities;
      if (query.continuationToken() != null) {
        candidates = entities.tailMap(EntityCursor.decode(query.continuationToken()).last(), false);
      }
      List<EntityRecord> page = new ArrayList<>();
      for (EntityRecord row : candidates.values()) {
        if (page.size() > query.pageSize()) {
          break;
        }
        if ((query.name() == null || query.name().equals(row.id().name()))
            && (query.keyPrefix() == null || row.id().key().startsWith(query.keyPrefix()))
            && (query.includeStateless() || row.state() != null)) {
          page.add(row);
        }
      }
      boolean more = page.size() > query.pageSize();
      List<EntityRecord> items = more ? page.subList(0, query.pageSize()) : page;
      return new RecordPage<>(items, more ? new EntityCursor(items.get(items.size() - 1).id()).encode() : null);
    });
  }

  @Override
  public List<EntityRecord> lockedEntities() {
    return locked(() -> entities.values().stream().filter(e -> e.lockedBy() != null).toList());
  }

  @Override
  public int deleteEmptyEntities(List<EntityRecord> rows) {
    return locked(() -> {
      int deleted = 0;
      for (EntityRecord row : rows) {
        EntityRecord current = entities.get(row.id());
        if (current != null && current.version() == row.version() && current.isEmpty()) {
          entities.remove(row.id());
          watermarks.remove(row.id());
          deleted++;
        }
      }
      return deleted;
    });
  }

  @Override
  public List<DeadLetter> deadLetters(int max) {
    return locked(() -> deadLetters.stream().limit(max).toList());
  }

  @Override
  public ClusterSnapshot cluster() {
    return locked(() -> {
      List<PartitionState> partitions = new ArrayList<>();
      for (int p = 0; p < partitionCount; p++) {
        PartitionLease lease = leases[p];
        partitions.add(new PartitionState(p, lease == null ? null : lease.owner(), epochs[p],
            lease == null ? null : lease.expiresAt(), queues.get(p).all().size()));
      }
      Map<String, Long> byName = new HashMap<>();
      Map<String, Long> byWorker = new HashMap<>();
      for (ActivityTask task : activityTasks.values()) {
        byName.merge(task.name(), 1L, Long::sum);
        if (task.leaseOwner() != null) {
          byWorker.merge(task.leaseOwner(), 1L, Long::sum);
        }
      }
      return new ClusterSnapshot(clock.instant(), heartbeats, partitions, byName, byWorker);
    });
  }

  @Override
  public void close() {
    closed = true;
  }

  /**
   * Reopens a closed store (its contents were kept), as a restarted process would reopen a file: the leases of the
   * process that had it open are dropped.
   */
  public InMemoryStore reopen() {
    lock.lock();
    try {
      Arrays.fill(leases, null);
      heartbeats.clear();
      activityTasks.replaceAll((key, task) -> task.unleased());
      closed = false;
    } finally {
      lock.unlock();
    }
    return this;
  }

  /**
   * Puts a copy of a queued message back into its queue under the same id, as a faulty queue redelivering a
   * message would. For tests of duplicate detection.
   */
  public void redeliver(Message message) {
    lockedRun(() -> queues.get(message.partition()).add(message));
  }

  /** A snapshot of every queued message (for tests and diagnostics). */
  public List<Message> queuedMessages() {
    return locked(() -> queues.stream().flatMap(q -> q.all().stream()).toList());
  }
}
