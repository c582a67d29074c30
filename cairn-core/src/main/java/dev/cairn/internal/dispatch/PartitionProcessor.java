package dev.cairn.internal.dispatch;

import dev.cairn.entity.EntityId;
import dev.cairn.failure.CommitRejectedException;
import dev.cairn.store.ActivityTask;
import dev.cairn.store.EntityMessage;
import dev.cairn.store.EntityRecord;
import dev.cairn.store.EntitySnapshot;
import dev.cairn.store.InstanceRecord;
import dev.cairn.store.Message;
import dev.cairn.store.MessageBatch;
import dev.cairn.store.NewMessage;
import dev.cairn.store.PartitionCommit;
import dev.cairn.store.PartitionLease;
import dev.cairn.store.Store;
import dev.cairn.store.UnlockRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one partition: takes its queued messages (and the activity results handed to it in memory) in
 * batches, runs the episodes and entity batches they trigger, commits each batch atomically, and only then
 * releases the effects. Runs on a virtual thread of its own.
 */
final class PartitionProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionProcessor.class);
  private static final Duration IDLE_POLL = Duration.ofSeconds(1);

  private final int partition;
  private final Engine engine;
  private final EngineConfig config;
  private final Store store;
  private final InstanceStep instances;
  private final EntityStep entities;
  private final WorkSignal signal = new WorkSignal();
  private final ConcurrentLinkedQueue<ActivityResult> inbox = new ConcurrentLinkedQueue<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile boolean halted;
  private PartitionLease lease;
  private Instant nextDueAt;
  private Thread thread;

  PartitionProcessor(int partition, Engine engine, InstanceStep instances, EntityStep entities) {
    this.partition = partition;
    this.engine = engine;
    this.config = engine.config();
    this.store = config.store();
    this.instances = instances;
    this.entities = entities;
  }

  void start() {
    thread = Thread.ofVirtual().name("cairn-partition-" + partition).start(this::loop);
  }

  /** Wakes the processor: new messages, a changed clock, or shutdown. */
  void signal() {
    signal.signal();
  }

  /** Hands an activity's outcome to this partition; it is committed with the next batch. */
  void offer(ActivityResult result) {
    inbox.add(result);
    signal.signal();
  }

  /** Whether this processor currently owns its partition. */
  boolean owns() {
    return lease != null && !halted;
  }

  private void loop() {
    try {
      while (!halted && !stopping) {
        step();
      }
      if (!halted) {
        drain();
      }
    } finally {
      stopped.countDown();
    }
  }

  private void step() {
    try {
      if (lease == null && !acquire()) {
        signal.await(config.partitionLease().dividedBy(4));
        return;
      }
      renewIfDue();
      if (!processBatch()) {
        waitForWork();
      }
    } catch (RuntimeException e) {
      if (halted) {
        return;
      }
      LOG.error("Partition {} failed to process a batch; it takes the partition over again", partition, e);
      lease = null;
      signal.await(Duration.ofMillis(e instanceof CommitRejectedException ? 10 : 500));
    }
  }

  private void drain() {
    for (int round = 0; round < 100 && !inbox.isEmpty() && lease != null; round++) {
      try {
        processBatch();
      } catch (RuntimeException e) {
        LOG.warn("Partition {} could not commit its last batch while stopping", partition, e);
        return;
      }
    }
  }

  private boolean acquire() {
    PartitionLease acquired = store.acquirePartition(partition, config.workerId(), config.partitionLease());
    if (acquired == null) {
      return false;
    }
    lease = acquired;
    inbox.clear();
    for (ActivityTask task : store.activityTasks(acquired)) {
      engine.activities().dispatch(task);
    }
    releaseOrphanedLocks();
    return true;
  }

  private void renewIfDue() {
    Instant now = config.clock().instant();
    if (lease.expiresAt().minus(config.partitionLease().dividedBy(2)).isBefore(now)) {
      lease = store.renewPartition(lease, config.partitionLease());
    }
  }

  /** Releases locks of this partition's entities held by instances that are no longer running. */
  private void releaseOrphanedLocks() {
    List<NewMessage> releases = new ArrayList<>();
    Instant now = config.clock().instant();
    for (EntityRecord entity : store.lockedEntities()) {
      if (store.partitionOf(entity.id().toString()) != partition) {
        continue;
      }
      Optional<InstanceRecord> holder = store.getInstance(entity.lockedBy());
      if (holder.isEmpty() || holder.get().status().isTerminal()) {
        LOG.info("Releasing the lock of entity {} held by instance '{}', which is {}", entity.id(),
            entity.lockedBy(), holder.map(h -> h.status().displayName()).orElse("gone"));
        releases.add(new NewMessage(partition, entity.id().toString(),
            new UnlockRequest(null, "c:recovery", entity.lockedBy()), now));
      }
    }
    if (!releases.isEmpty()) {
      store.sendMessages(releases);
    }
  }

  private void waitForWork() {
    Duration wait = IDLE_POLL;
    if (nextDueAt != null) {
      Duration untilDue = Duration.between(config.clock().instant(), nextDueAt);
      if (untilDue.compareTo(wait) < 0) {
        wait = untilDue.isNegative() ? Duration.ZERO : untilDue.plusMillis(1);
      }
    }
    signal.await(wait);
  }

  /** Processes one batch; returns false when there was nothing to do. */
  private boolean processBatch() {
    Instant now = config.clock().instant();
    MessageBatch fetched = store.fetchMessages(partition, now, config.batchSize(), Set.of());
    nextDueAt = fetched.nextDueAt();
    List<ActivityResult> results = drainInbox();
    if (fetched.messages().isEmpty() && results.isEmpty()) {
      return false;
    }
    Map<String, List<Message>> byInstance = new LinkedHashMap<>();
    Map<EntityId, List<Message>> byEntity = new LinkedHashMap<>();
    Map<EntityId, Set<String>> senders = new HashMap<>();
    for (Message message : fetched.messages()) {
      if (message.target().startsWith("@")) {
        EntityId entity = EntityId.parse(message.target());
        byEntity.computeIfAbsent(entity, e -> new ArrayList<>()).add(message);
        if (message.body() instanceof EntityMessage body && body.sender() != null) {
          senders.computeIfAbsent(entity, e -> new HashSet<>()).add(body.sender());
        }
      } else {
        byInstance.computeIfAbsent(message.target(), t -> new ArrayList<>()).add(message);
      }
    }
    Map<String, List<ActivityResult>> resultsByInstance = new HashMap<>();
    for (ActivityResult result : results) {
      byInstance.computeIfAbsent(result.task().instanceId(), t -> new ArrayList<>());
      resultsByInstance.computeIfAbsent(result.task().instanceId(), t -> new ArrayList<>()).add(result);
    }
    CommitBuilder commit = new CommitBuilder(lease, store, now.plus(config.activityLease()));
    Map<String, InstanceRecord> rows = byInstance.isEmpty() ? Map.of() : store.loadInstances(byInstance.keySet());
    for (Map.Entry<String, List<Message>> entry : byInstance.entrySet()) {
      String id = entry.getKey();
      instances.process(new InstanceStep.Work(id, entry.getValue(), resultsByInstance.getOrDefault(id, List.of())),
          rows.get(id), commit, now);
    }
    for (EntityId entity : byEntity.keySet()) {
      senders.putIfAbsent(entity, Set.of());
    }
    Map<EntityId, EntitySnapshot> snapshots = byEntity.isEmpty() ? Map.of() : store.loadEntities(senders);
    for (Map.Entry<EntityId, List<Message>> entry : byEntity.entrySet()) {
      entities.process(new EntityStep.Work(entry.getKey(), entry.getValue()), snapshots.get(entry.getKey()),
          commit, now);
    }
    commitAndRelease(commit);
    engine.counters().activitiesCompleted.add(results.size());
    for (List<Message> messages : byEntity.values()) {
      engine.counters().entityOperations.add(messages.size());
    }
    return true;
  }

  private List<ActivityResult> drainInbox() {
    List<ActivityResult> results = new ArrayList<>();
    ActivityResult next;
    while (results.size() < config.batchSize() && (next = inbox.poll()) != null) {
      results.add(next);
    }
    return results;
  }

  private void commitAndRelease(CommitBuilder commit) {
    PartitionCommit unit = commit.build();
    if (halted) {
      throw new IllegalStateException("halted");
    }
    if (!unit.isEmpty()) {
      try {
        store.commit(unit);
        engine.counters().commits.increment();
      } catch (RuntimeException e) {
        commit.runOnFailure();
        throw e;
      }
    }
    for (ActivityTask task : commit.newActivities()) {
      engine.activities().dispatch(task);
    }
    commit.runAfterCommit();
    for (int target : commit.partitionsMessaged()) {
      engine.signal(target);
    }
  }

  void stop() {
    stopping = true;
    signal.signal();
  }

  void halt() {
    halted = true;
    signal.signal();
    if (thread != null) {
      thread.interrupt();
    }
  }

  boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
