package dev.cairn.internal.dispatch;

import dev.cairn.client.ReusePolicy;
import dev.cairn.history.ExecutionStarted;
import dev.cairn.history.HistoryEvent;
import dev.cairn.internal.replay.ExecutorSettings;
import dev.cairn.runtime.AdjustableClock;
import dev.cairn.runtime.RuntimeMetrics;
import dev.cairn.runtime.SchedulingProbe;
import dev.cairn.store.ActivityTask;
import dev.cairn.store.CreateResult;
import dev.cairn.store.Message;
import dev.cairn.store.NewMessage;
import dev.cairn.store.OrchestrationMessage;
import dev.cairn.store.Store;
import dev.cairn.store.StoreListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the runtime's moving parts: one processor per partition, the activity worker, the instance cache,
 * and the watch that wakes waiting clients. The one place that starts and stops threads.
 */
public final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final Duration HALT_WAIT = Duration.ofSeconds(5);

  private final EngineConfig config;
  private final InstanceCache cache;
  private final InstanceWatch watch = new InstanceWatch();
  private final EngineCounters counters = new EngineCounters();
  private final ActivityWorker activities;
  private final ActivityLeases activityLeases;
  private final PartitionProcessor[] processors;
  private final Ownership ownership;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private Thread heartbeat;
  private Store.Listening hints;

  /** Builds the engine; {@link #start()} starts it. */
  public Engine(EngineConfig config) {
    this.config = config;
    this.cache = new InstanceCache(config.instanceCacheSize(), config.instanceCacheBytes());
    this.activities = new ActivityWorker(config, this::deliver);
    this.activityLeases = new ActivityLeases(config, activities);
    this.ownership = new Ownership(config, this::signalAll);
    ExecutorSettings settings = new ExecutorSettings(
        config.functions(), config.converter(), config.watchdog(), config.maxPayloadChars());
    InstanceStep instanceStep = new InstanceStep(config, settings, cache, watch, counters);
    EntityStep entityStep = new EntityStep(config);
    this.processors = new PartitionProcessor[config.store().partitionCount()];
    for (int p = 0; p < processors.length; p++) {
      processors[p] = new PartitionProcessor(p, this, instanceStep, entityStep);
    }
  }

  /**
   * Joins the workers of the store, starts every partition processor (each takes its partition if this worker's
   * share has room for it), the heartbeat and the claims of activity tasks. Tasks still leased to this worker's id
   * were left by an earlier run of it (that crashed): they are given up first, for any worker to claim.
   */
  public void start() {
    if (config.clock() instanceof AdjustableClock adjustable) {
      adjustable.addListener(this::signalAll);
    }
    abandonActivityTasks();
    hints = config.store().listen(new Hints());
    ownership.beat();
    heartbeat = Thread.ofVirtual().name("cairn-heartbeat").start(ownership::beatForever);
    for (PartitionProcessor processor : processors) {
      processor.start();
    }
    awaitFirstAcquire();
    activityLeases.start();
  }

  private void awaitFirstAcquire() {
    try {
      for (PartitionProcessor processor : processors) {
        processor.awaitFirstAcquire(config.partitionLease());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  EngineConfig config() {
    return config;
  }

  /** This engine's id as a partition and activity owner. */
  public String workerId() {
    return config.workerId();
  }

  /** How long this engine's partition leases last. */
  public Duration partitionLease() {
    return config.partitionLease();
  }

  InstanceCache cache() {
    return cache;
  }

  ActivityWorker activities() {
    return activities;
  }

  Ownership ownership() {
    return ownership;
  }

  /** Lets clients wait for instance changes. */
  public InstanceWatch watch() {
    return watch;
  }

  /** Wakes the processor of a partition (after a client queued a message there). */
  public void signal(int partition) {
    if (partition >= 0 && partition < processors.length) {
      processors[partition].signal();
    }
  }

  /** Wakes every processor (the clock jumped). */
  public void signalAll() {
    for (PartitionProcessor processor : processors) {
      processor.signal();
    }
  }

  /**
   * Starts an instance through the processor of its partition when this engine owns it: the instance is created
   * together with its first episode, in one commit, and the outcome is returned once that is durable.
   *
   * @return the outcome, or null when the start must go through the store instead
   */
  public CreateResult startHere(String instanceId, ExecutionStarted started, ReusePolicy policy) {
    PartitionProcessor owner = processors[config.store().partitionOf(instanceId)];
    CompletableFuture<CreateResult> outcome =
        owner.offerStart(new StartRequest(instanceId, started, policy, new CompletableFuture<>()));
    if (outcome == null) {
      return null;
    }
    try {
      return outcome.join();
    } catch (CompletionException e) {
      LOG.debug("Instance '{}' is started through the store: {}", instanceId, e.getCause().getMessage());
      return null;
    }
  }

  /**
   * Announces the messages a commit of partition {@code from} adds (with reserved ids) to their partitions, before
   * the commit is submitted, so that they can be handed over in memory once it is (see {@link Handoffs}), or once it
   * is durable where the store may apply the consuming commit first ({@link Store#commitsInOrder}); messages that
   * are not visible yet are left to the store.
   */
  Handover announce(int from, List<NewMessage> messages, CompletableFuture<Void> producer) {
    Instant now = config.clock().instant();
    Map<Integer, List<Message>> byPartition = new HashMap<>();
    Set<Integer> notNow = new HashSet<>();
    for (NewMessage message : messages) {
      if (message.visibleAt().isAfter(now)) {
        notNow.add(message.partition());
      } else {
        byPartition.computeIfAbsent(message.partition(), p -> new ArrayList<>()).add(new Message(message.id(),
            message.partition(), message.target(), message.body(), message.visibleAt(), 0));
      }
    }
    Set<Integer> took = new HashSet<>();
    List<Runnable> onSubmitted = new ArrayList<>();
    List<Runnable> onDurable = new ArrayList<>();
    byPartition.forEach((partition, batch) -> {
      Runnable accepted = processors[partition].announceHandoff(batch, producer);
      if (accepted != null) {
        (config.store().commitsInOrder(from, partition) ? onSubmitted : onDurable).add(accepted);
        if (!notNow.contains(partition)) {
          took.add(partition);
        }
      }
    });
    return new Handover(took, onSubmitted, onDurable);
  }

  private void awaitProcessorsEnded(Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    try {
      for (PartitionProcessor processor : processors) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !processor.awaitStopped(Duration.ofNanos(left))) {
          LOG.warn("Partition processors were still running {} after the runtime was halted", atMost);
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Drops a cached instance (purged or replaced by a client). */
  public void evict(String instanceId) {
    cache.evict(instanceId);
  }

  EngineCounters counters() {
    return counters;
  }

  /** The counters since start. */
  public RuntimeMetrics metrics() {
    return new RuntimeMetrics(counters.episodes.sum(), counters.replayedEvents.sum(),
        counters.appendedEvents.sum(), counters.commits.sum(), counters.activitiesCompleted.sum(),
        counters.entityOperations.sum(), counters.instancesFinished.sum(), cache.size());
  }

  private void deliver(ActivityTask task, HistoryEvent outcome) {
    config.probe().at(SchedulingProbe.Point.ACTIVITY_COMPLETE);
    PartitionProcessor owner = processors[task.partition()];
    if (owner.owns()) {
      owner.offer(new ActivityResult(task, outcome));
    } else {
      deliverDurably(new ActivityResult(task, outcome));
    }
  }

  /** Records an activity's outcome through the store: queued for its partition if its task still exists. */
  void deliverDurably(ActivityResult outcome) {
    ActivityTask task = outcome.task();
    NewMessage result = new NewMessage(task.partition(), task.instanceId(),
        new OrchestrationMessage(task.executionId(), outcome.event()), config.clock().instant());
    try {
      if (config.store().completeActivityTask(task.taskKey(), result)) {
        signal(task.partition());
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not record the outcome of activity task {}; it will run again", task.taskKey(), e);
    }
  }

  /** What the store hints about other workers' writes (and this one's) wakes whoever waits for it here. */
  private final class Hints implements StoreListener {
    @Override
    public void messagesQueued(int partition) {
      if (partition >= 0 && partition < processors.length && processors[partition].owns()) {
        processors[partition].signal();
      }
    }

    @Override
    public void partitionReleased(int partition) {
      signal(partition);
    }

    @Override
    public void instanceFinished(String instanceId) {
      watch.finishedElsewhere(instanceId);
    }

    @Override
    public void activityTasksWaiting() {
      Engine.this.activityTasksWaiting();
    }
  }

  /** Activity tasks that any worker may claim were stored: claim them here at once if there is room. */
  void activityTasksWaiting() {
    activityLeases.wake();
  }

  /**
   * Stops gracefully: no new activities start, running ones finish (up to the shutdown timeout) and their
   * results are committed, then the processors stop after their current batch and release their partitions, and
   * the worker gives up its activity leases (tasks it did not finish, or did not start because it was stopping), so
   * that other workers take all of it over at once.
   */
  public void shutdown() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    activities.stopAccepting();
    try {
      stopHeartbeat();
      ownership.leave();
      if (!activities.awaitIdle(config.shutdownTimeout())) {
        LOG.warn("{} activities were still running after {}; they will run again at the next start",
            activities.runningCount(), config.shutdownTimeout());
      }
      for (PartitionProcessor processor : processors) {
        processor.stop();
      }
      for (PartitionProcessor processor : processors) {
        processor.awaitStopped(config.shutdownTimeout());
      }
      activityLeases.stop(config.shutdownTimeout());
      abandonActivityTasks();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopHints();
      activities.close();
      cache.clear();
    }
  }

  private void stopHints() {
    if (hints != null) {
      hints.close();
    }
  }

  private void abandonActivityTasks() {
    try {
      config.store().abandonActivityTasks(config.workerId());
    } catch (RuntimeException e) {
      LOG.warn("Could not give up this worker's activity leases; other workers take them when they run out", e);
    }
  }

  /** Stops the heartbeat and waits for a beat under way, so that none is recorded after the worker left. */
  private void stopHeartbeat() throws InterruptedException {
    if (heartbeat != null) {
      heartbeat.interrupt();
      heartbeat.join(HALT_WAIT);
    }
  }

  /**
   * Stops at once, as a crash would: nothing more is committed, running activities are abandoned. Returns once the
   * processors have ended (at most a few seconds), so that none takes a partition after the caller went on.
   */
  public void halt() {
    stopped.set(true);
    if (heartbeat != null) {
      heartbeat.interrupt();
    }
    activities.halt();
    for (PartitionProcessor processor : processors) {
      processor.halt();
    }
    awaitProcessorsEnded(HALT_WAIT);
    try {
      activityLeases.stop(HALT_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopHints();
    cache.clear();
  }
}
