package dev.cairn.internal.dispatch;

import dev.cairn.client.ReusePolicy;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.CommitRejectedException;
import dev.cairn.runtime.SchedulingProbe.Point;
import dev.cairn.store.ActivityTask;
import dev.cairn.store.CreateResult;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one partition: takes its queued messages (and the activity results and client starts handed to it in
 * memory) in batches, runs the episodes and entity batches they trigger, and commits their outcome atomically. It
 * does not wait for a commit to be durable before it goes on: the next batches build on it, and are committed
 * together once it is (see {@link CommitPipeline}). What a commit releases (messages to other partitions, answers
 * to clients) waits until it is durable; only new activity tasks start at once. Runs on a virtual thread.
 */
final class PartitionProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionProcessor.class);

  /**
   * Even without a signal, the queue is read this often: the store's hints of other workers' messages may be lost.
   * While such reads find nothing, the interval doubles up to {@link #MAX_IDLE_POLL}.
   */
  private static final Duration IDLE_POLL = Duration.ofSeconds(1);

  private static final Duration MAX_IDLE_POLL = Duration.ofSeconds(8);

  private final int partition;
  private final Engine engine;
  private final EngineConfig config;
  private final Store store;
  private final InstanceStep instances;
  private final EntityStep entities;
  private final WorkSignal signal = new WorkSignal();
  private final AtomicBoolean messagesMayWait = new AtomicBoolean(true);
  private final ConcurrentLinkedQueue<ActivityResult> inbox = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<StartRequest> starts = new ConcurrentLinkedQueue<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch firstAcquireTried = new CountDownLatch(1);
  private final Set<String> liveTasks = new HashSet<>();
  private final PendingWrites pending;
  private final CommitPipeline pipeline;
  private final Handoffs handoffs = new Handoffs(this::signal);
  private Instant lastBatchTime = Instant.MIN;
  private volatile boolean stopping;
  private volatile boolean halted;
  private volatile PartitionLease lease;
  /** The lease last acquired, also after the processor stopped using it (to release it when stopping). */
  private PartitionLease lastAcquired;
  private long renewedAtNanos;
  /** Whether this processor holds a place in the worker's share of the partitions (see {@link Ownership}). */
  private boolean claimed;
  private Instant nextDueAt;
  private long lastFetchNanos;
  private Duration idlePoll = IDLE_POLL;
  private Thread thread;

  PartitionProcessor(int partition, Engine engine, InstanceStep instances, EntityStep entities) {
    this.partition = partition;
    this.engine = engine;
    this.config = engine.config();
    this.store = config.store();
    this.instances = instances;
    this.entities = entities;
    this.pending = new PendingWrites(store);
    this.pipeline = new CommitPipeline(engine, pending, signal::signal, this::durable);
  }

  void start() {
    thread = Thread.ofVirtual().name("cairn-partition-" + partition).start(this::loop);
  }

  /**
   * Waits until the processor has tried once to own its partition, so that clients of a runtime that has just
   * started hand their starts to it instead of racing it through the store.
   */
  void awaitFirstAcquire(Duration timeout) throws InterruptedException {
    firstAcquireTried.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Wakes the processor because its queue may have new messages (or the clock changed, or shutdown). */
  void signal() {
    messagesMayWait.set(true);
    signal.signal();
  }

  /**
   * Takes note of messages a commit will add to this partition's queue, before that commit is submitted (see
   * {@link Handoffs}).
   *
   * @return what to run once the commit is submitted (the messages may then be taken from memory), or null when
   *     they must come through the store
   */
  Runnable announceHandoff(List<Message> messages, CompletableFuture<Void> producer) {
    if (stopping) {
      return null;
    }
    Handoffs.Announcement announced = handoffs.announce(messages, producer);
    if (announced == null) {
      return null;
    }
    return () -> {
      announced.submitted();
      signal.signal();
    };
  }

  /** Hands an activity's outcome to this partition; it is committed with a later batch. */
  void offer(ActivityResult result) {
    inbox.add(result);
    signal.signal();
  }

  /**
   * Takes a client's start, to be created together with its first episode. Returns null when this processor
   * cannot take it (it does not own the partition, or is stopping); then the client starts through the store.
   */
  CompletableFuture<CreateResult> offerStart(StartRequest request) {
    if (!owns() || stopping) {
      return null;
    }
    starts.add(request);
    signal.signal();
    if (stopped.getCount() == 0 && starts.remove(request)) {
      return null;
    }
    return request.outcome();
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
        release();
      }
    } finally {
      firstAcquireTried.countDown();
      stopped.countDown();
      CommitPipeline.fail(starts);
      pipeline.failStarts();
    }
  }

  private void step() {
    try {
      if (lease == null && !claimAndAcquire()) {
        CommitPipeline.fail(starts);
        signal.await(config.partitionLease().dividedBy(4));
        return;
      }
      pipeline.settle();
      renewIfDue();
      if (engine.ownership().tryShed()) {
        claimed = false;
        stepDown();
        return;
      }
      if (pipeline.full()) {
        pipeline.awaitInFlight();
      } else if (!processBatch()) {
        waitForWork();
      }
    } catch (RuntimeException e) {
      if (halted) {
        return;
      }
      LOG.error("Partition {} failed to process a batch; it takes the partition over again", partition, e);
      config.probe().at(Point.TAKE_OVER);
      lease = null;
      CommitPipeline.fail(starts);
      pipeline.abandon();
      handoffs.reset();
      liveTasks.clear();
      deliverWaitingResultsDurably();
      if (!claimed) {
        release();
      }
      signal.await(Duration.ofMillis(e instanceof CommitRejectedException ? 10 : 500));
    }
  }

  /**
   * Takes the partition if this worker's share has room for it (a place already claimed is kept across a
   * take-over of its own partition); returns whether it owns it now.
   */
  private boolean claimAndAcquire() {
    try {
      if (!claimed && !engine.ownership().tryClaim()) {
        return false;
      }
      claimed = true;
      if (acquire()) {
        return true;
      }
      claimed = false;
      engine.ownership().unclaim();
      return false;
    } finally {
      firstAcquireTried.countDown();
    }
  }

  /**
   * Hands the partition over because this worker's share shrank (another worker joined): what was started is
   * committed first, then the partition is released for the new worker to take at once. Activity results that
   * wait here are recorded through the store.
   */
  private void stepDown() {
    LOG.info("Partition {} is handed over: this worker's share of the partitions shrank", partition);
    awaitPipelineDurable();
    release();
    CommitPipeline.fail(starts);
    handoffs.reset();
    liveTasks.clear();
    deliverWaitingResultsDurably();
  }

  /**
   * Records the activity results waiting here through the store (which records one only if its task is still
   * there): this processor no longer knows which of their tasks it may record from memory.
   */
  private void deliverWaitingResultsDurably() {
    ActivityResult waiting;
    while ((waiting = inbox.poll()) != null) {
      deliverDurablyLater(waiting);
    }
  }

  /** Waits until every commit submitted is durable (or the processor is halted). */
  private void awaitPipelineDurable() {
    while (!halted && !pipeline.isEmpty()) {
      pipeline.awaitInFlight();
      pipeline.settle();
    }
  }

  /** Records an activity's outcome through the store, off this thread. */
  private void deliverDurablyLater(ActivityResult result) {
    Thread.ofVirtual().name("cairn-activity-result").start(() -> engine.deliverDurably(result));
  }

  private void drain() {
    for (int round = 0; round < 1_000 && lease != null && (!inbox.isEmpty() || !pipeline.isEmpty()); round++) {
      try {
        pipeline.settle();
        if (!inbox.isEmpty()) {
          processBatch();
        } else {
          pipeline.awaitInFlight();
        }
      } catch (RuntimeException e) {
        LOG.warn("Partition {} could not commit its last batch while stopping", partition, e);
        return;
      }
    }
  }

  /**
   * Gives up the partition's last lease (when the processor stops, hands the partition over, or failed while
   * handing it over), so that another worker can take it at once; the store ignores a lease no longer current.
   */
  private void release() {
    PartitionLease held = lastAcquired;
    lease = null;
    if (held == null) {
      return;
    }
    try {
      store.releasePartition(held);
      lastAcquired = null;
    } catch (RuntimeException e) {
      LOG.warn("Partition {} could not be released; another worker takes it when its lease runs out", partition, e);
    }
  }

  private boolean acquire() {
    long asked = System.nanoTime();
    PartitionLease acquired = store.acquirePartition(partition, config.workerId(), config.partitionLease());
    if (acquired == null) {
      return false;
    }
    handoffs.acquired();
    lease = acquired;
    lastAcquired = acquired;
    renewedAtNanos = asked;
    deliverWaitingResultsDurably();
    CommitPipeline.fail(starts);
    liveTasks.clear();
    messagesMayWait.set(true);
    for (ActivityTask task : store.activityTasks(acquired)) {
      liveTasks.add(task.taskKey());
      engine.activities().dispatch(task);
    }
    releaseOrphanedLocks();
    return true;
  }

  /**
   * Renews the lease a third of the way through it, measured on this process's monotonic clock (the store may
   * measure leases by another clock, the database's), and also when the lease is half gone by the runtime's clock.
   */
  private void renewIfDue() {
    long sinceRenewal = System.nanoTime() - renewedAtNanos;
    Instant halfway = lease.expiresAt().minus(config.partitionLease().dividedBy(2));
    boolean halfGone = halfway.isBefore(config.clock().instant());
    if (halfGone || sinceRenewal >= config.partitionLease().toNanos() / 3) {
      long asked = System.nanoTime();
      lease = store.renewPartition(lease, config.partitionLease());
      renewedAtNanos = asked;
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
    long untilRenewal = config.partitionLease().toNanos() / 3 - (System.nanoTime() - renewedAtNanos);
    Duration wait = capped(idlePoll, Duration.ofNanos(Math.max(0, untilRenewal)));
    if (nextDueAt != null) {
      Duration untilDue = Duration.between(config.clock().instant(), nextDueAt);
      if (untilDue.compareTo(wait) < 0) {
        wait = untilDue.isNegative() ? Duration.ZERO : untilDue.plusMillis(1);
      }
    }
    signal.await(wait);
  }

  /**
   * The clock's time, never earlier than an earlier batch's even if the wall clock steps back: a sender's
   * messages then become visible in the order they are numbered, which an entity's duplicate check relies on.
   */
  private Instant monotonicNow() {
    Instant now = config.clock().instant();
    if (now.isBefore(lastBatchTime)) {
      return lastBatchTime;
    }
    lastBatchTime = now;
    return now;
  }

  /** Processes one batch; returns false when there was nothing to do. */
  private boolean processBatch() {
    Instant now = monotonicNow();
    List<Message> messages = withHandoffs(fetchIfDue(now));
    List<ActivityResult> results = drainInbox();
    Map<String, StartRequest> startsById = drainStarts();
    if (messages.isEmpty() && results.isEmpty() && startsById.isEmpty()) {
      return false;
    }
    Set<String> ran = new HashSet<>();
    boolean crashed;
    try {
      crashed = process(now, messages, results, startsById, ran);
    } catch (RuntimeException | Error e) {
      // Nothing of the batch was submitted: forget what its episodes left in the cache.
      ran.forEach(engine.cache()::evict);
      CommitPipeline.fail(new ArrayList<>(startsById.values()));
      throw e;
    }
    if (crashed) {
      retakeAfterCrash();
    }
    return true;
  }

  /**
   * After a unit of work crashed, its messages (and the rest of its entity's share of the batch, which it left
   * unconsumed) must run again before anything later of their senders: from memory, a later message could overtake
   * them, and an entity would then drop them as duplicates. So the processor waits until the commit that counts the
   * failed attempt is durable, and then takes what is waiting from the store again, in id order, as after a
   * take-over. Crashes are rare; this costs one commit's wait.
   */
  private void retakeAfterCrash() {
    awaitPipelineDurable();
    handoffs.reset();
    messagesMayWait.set(true);
  }

  /** Processes the batch and submits its commit; returns whether a unit of work of it crashed. */
  private boolean process(Instant now, List<Message> messages, List<ActivityResult> results,
      Map<String, StartRequest> startsById, Set<String> ran) {
    Map<String, List<Message>> byInstance = new LinkedHashMap<>();
    Map<EntityId, List<Message>> byEntity = new LinkedHashMap<>();
    Map<EntityId, Set<String>> senders = new HashMap<>();
    for (Message message : messages) {
      if (message.target().startsWith("@")) {
        EntityId entity = EntityId.parse(message.target());
        byEntity.computeIfAbsent(entity, e -> new ArrayList<>()).add(message);
        Set<String> sendersOfEntity = senders.computeIfAbsent(entity, e -> new HashSet<>());
        if (message.body() instanceof EntityMessage body && body.sender() != null) {
          sendersOfEntity.add(body.sender());
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
    for (String id : startsById.keySet()) {
      byInstance.computeIfAbsent(id, t -> new ArrayList<>());
    }
    ran.addAll(byInstance.keySet());
    CommitBuilder commit = new CommitBuilder(
        lease, store, now.plus(config.activityLease()), engine.activities().room(), pending);
    Map<String, InstanceRecord> rows = currentRows(byInstance.keySet());
    List<StartRequest> taken = new ArrayList<>();
    for (Map.Entry<String, List<Message>> entry : byInstance.entrySet()) {
      String id = entry.getKey();
      InstanceRecord row = rows.get(id);
      StartRequest start = startsById.get(id);
      if (start != null && !mayStart(start, row)) {
        StartRequest refused = start;
        commit.afterCommit(() -> refused.outcome().complete(new CreateResult(false, row)));
        taken.add(refused);
        start = null;
      }
      boolean started = instances.process(new InstanceStep.Work(id, entry.getValue(),
          resultsByInstance.getOrDefault(id, List.of()), start == null ? null : start.started()), row, commit, now);
      if (start != null && started) {
        StartRequest accepted = start;
        commit.afterCommit(() -> accepted.outcome().complete(new CreateResult(true, row)));
        taken.add(start);
      } else if (start != null) {
        start.outcome().completeExceptionally(new IllegalStateException("The start did not take effect here"));
      }
    }
    Map<EntityId, EntitySnapshot> snapshots = byEntity.isEmpty() ? Map.of() : store.loadEntities(senders);
    for (Map.Entry<EntityId, List<Message>> entry : byEntity.entrySet()) {
      EntityId entity = entry.getKey();
      entities.process(new EntityStep.Work(entity, entry.getValue()), pending.entity(entity, snapshots.get(entity)),
          commit, now);
    }
    submit(commit, byInstance.keySet(), taken);
    engine.counters().activitiesCompleted.add(results.size());
    for (List<Message> batch : byEntity.values()) {
      engine.counters().entityOperations.add(batch.size());
    }
    return commit.recordsCrashes();
  }

  /** Reads the queue when it may hold something new: after a signal, when a message is due, or now and then. */
  private List<Message> fetchIfDue(Instant now) {
    boolean due = nextDueAt != null && !now.isBefore(nextDueAt);
    boolean pollDue = System.nanoTime() - lastFetchNanos >= idlePoll.toNanos();
    boolean signalled = messagesMayWait.getAndSet(false);
    if (!signalled && !due && !pollDue) {
      return List.of();
    }
    lastFetchNanos = System.nanoTime();
    Set<Long> waiting = handoffs.waitingIds();
    Set<Long> exclude = pipeline.messagesInFlight();
    if (!waiting.isEmpty()) {
      exclude = new HashSet<>(exclude);
      exclude.addAll(waiting);
    }
    config.probe().at(Point.FETCH);
    MessageBatch fetched = store.fetchMessages(partition, now, config.batchSize(), exclude);
    config.probe().at(Point.FETCHED);
    nextDueAt = fetched.nextDueAt();
    idlePoll = signalled || due || !fetched.messages().isEmpty()
        ? IDLE_POLL : capped(idlePoll.multipliedBy(2), MAX_IDLE_POLL);
    boolean everything = fetched.messages().size() < config.batchSize();
    if (!everything) {
      messagesMayWait.set(true);
    }
    return handoffs.fetched(fetched.messages(), everything);
  }

  private static Duration capped(Duration wanted, Duration most) {
    return wanted.compareTo(most) < 0 ? wanted : most;
  }

  /** Adds the messages handed over in memory to those fetched, in id order (a sender's order). */
  private List<Message> withHandoffs(List<Message> fetched) {
    List<Message> handed = handoffs.take(config.batchSize());
    if (handed.isEmpty()) {
      return fetched;
    }
    List<Message> all = new ArrayList<>(fetched);
    all.addAll(handed);
    all.sort(Comparator.comparingLong(Message::id));
    return all;
  }

  /** A commit is durable: the messages it consumed, failed or parked are done with. */
  private void durable(PartitionCommit commit) {
    List<Long> ids = new ArrayList<>(commit.consumedMessages());
    ids.addAll(commit.failedMessages().keySet());
    commit.parkedMessages().forEach(parked -> ids.add(parked.messageId()));
    handoffs.settled(ids);
  }

  /** Whether a start may create its instance, given the row there is: as {@link Store#createInstance} decides. */
  private static boolean mayStart(StartRequest start, InstanceRecord row) {
    return row == null || (start.policy() == ReusePolicy.REPLACE_FINISHED && row.status().isTerminal());
  }

  /** The starts waiting, at most one per instance (a second start of the same id waits for the next batch). */
  private Map<String, StartRequest> drainStarts() {
    Map<String, StartRequest> taken = new LinkedHashMap<>();
    List<StartRequest> later = new ArrayList<>();
    StartRequest next;
    while (taken.size() < config.batchSize() && (next = starts.poll()) != null) {
      if (taken.putIfAbsent(next.instanceId(), next) != null) {
        later.add(next);
      }
    }
    if (!later.isEmpty()) {
      starts.addAll(later);
      signal.signal();
    }
    return taken;
  }

  /**
   * The rows the batch builds on: what the commits in flight write, else the cached row, else the store's. A
   * cached row is current: only this processor changes a running instance's row.
   */
  private Map<String, InstanceRecord> currentRows(Set<String> ids) {
    Map<String, InstanceRecord> rows = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      InstanceRecord row = pending.row(id);
      if (row == null) {
        row = engine.cache().row(id);
      }
      if (row != null) {
        rows.put(id, row);
      } else {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      rows.putAll(store.loadInstances(unknown));
    }
    return rows;
  }

  /**
   * Takes the activity results waiting in memory. A result of a task this owner did not schedule or hand out
   * since it acquired the partition (it ran for a commit that failed, or before a takeover) goes the durable
   * way, which records it only if its task exists.
   */
  private List<ActivityResult> drainInbox() {
    List<ActivityResult> results = new ArrayList<>();
    ActivityResult next;
    while (results.size() < config.batchSize() && (next = inbox.poll()) != null) {
      if (liveTasks.remove(next.task().taskKey())) {
        results.add(next);
      } else {
        deliverDurablyLater(next);
      }
    }
    return results;
  }

  private void submit(CommitBuilder batch, Set<String> instanceIds, List<StartRequest> startsTaken) {
    if (halted) {
      CommitPipeline.fail(startsTaken);
      throw new IllegalStateException("halted");
    }
    boolean forAnyWorker = false;
    for (ActivityTask task : batch.newActivities()) {
      if (task.leaseOwner() == null) {
        forAnyWorker = true;
      } else {
        liveTasks.add(task.taskKey());
        engine.activities().dispatch(task);
      }
    }
    if (forAnyWorker) {
      batch.afterCommit(engine::activityTasksWaiting);
    }
    pipeline.add(batch, instanceIds, startsTaken);
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
