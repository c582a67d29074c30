package dev.cairn.internal.dispatch;

import dev.cairn.client.RuntimeStatus;
import dev.cairn.failure.FailureDetails;
import dev.cairn.failure.NonDeterminismException;
import dev.cairn.history.EntityLockGranted;
import dev.cairn.history.ExecutionStarted;
import dev.cairn.history.HistoryEvent;
import dev.cairn.history.SubOrchestrationInstanceFailed;
import dev.cairn.internal.replay.EpisodeResult;
import dev.cairn.internal.replay.ExecutorSettings;
import dev.cairn.internal.replay.OrchestrationExecutor;
import dev.cairn.store.InstanceRecord;
import dev.cairn.store.InstanceWrite;
import dev.cairn.store.Message;
import dev.cairn.store.OrchestrationMessage;
import dev.cairn.store.UndecodableMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one orchestration instance's share of a partition batch: routes the arriving events to the right
 * execution, runs the episode (from the cache, or by replaying the history), follows continue-as-new, and adds
 * the instance's row, history and effects to the commit. Its failures are contained: an instance that crashes
 * its unit of work counts a failed attempt for its messages, and is parked and failed after too many.
 */
final class InstanceStep {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceStep.class);

  /** Executions that continue as new without waiting are followed this many times within one batch. */
  private static final int MAX_GENERATIONS_PER_BATCH = 100;

  /**
   * An instance's share of a batch.
   *
   * @param instanceId the instance
   * @param messages its queued messages
   * @param results activity results handed over in memory
   * @param start a start handed over in memory by a client, or null
   */
  record Work(String instanceId, List<Message> messages, List<ActivityResult> results, ExecutionStarted start) {}

  private final EngineConfig config;
  private final ExecutorSettings settings;
  private final InstanceCache cache;
  private final InstanceWatch watch;
  private final EffectPlanner effects;
  private final InstanceEnding ending;
  private final EngineCounters counters;

  InstanceStep(
      EngineConfig config, ExecutorSettings settings, InstanceCache cache, InstanceWatch watch,
      EngineCounters counters) {
    this.config = config;
    this.counters = counters;
    this.settings = settings;
    this.cache = cache;
    this.watch = watch;
    this.effects = new EffectPlanner();
    this.ending = new InstanceEnding(config, effects, watch);
  }

  /**
   * Runs the work and adds its outcome to the commit.
   *
   * @return whether the work's in-memory start (if any) started the new execution
   */
  boolean process(Work work, InstanceRecord row, CommitBuilder commit, Instant now) {
    CommitBuilder part = commit.part();
    try {
      ExecutionStarted started = run(work, row, part, now);
      commit.absorb(part);
      return started != null && started == work.start();
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (RuntimeException | Error e) {
      if (Thread.currentThread().isInterrupted()) {
        // The runtime is being halted: this is not a failure of the instance.
        throw e;
      }
      onCrash(work, row, e, commit, now);
      return false;
    }
  }

  /** Runs the work; returns the start event of the execution it started, or null. */
  private ExecutionStarted run(Work work, InstanceRecord row, CommitBuilder part, Instant now) {
    String id = work.instanceId();
    List<Incoming> incoming = new ArrayList<>();
    for (Message message : work.messages()) {
      part.consumed(List.of(message.id()));
      switch (message.body()) {
        case OrchestrationMessage m -> incoming.add(new Incoming(m.event(), m.executionId()));
        case UndecodableMessage u -> throw new IllegalStateException(
            "message " + message.id() + " cannot be decoded: " + u.error());
        default -> LOG.warn("Dropped entity message {} addressed to orchestration instance '{}'", message.id(), id);
      }
    }
    for (ActivityResult result : work.results()) {
      part.activityFinished(result.task().taskKey());
      incoming.add(new Incoming(result.event(), result.task().executionId()));
    }
    if (work.start() != null) {
      incoming.add(new Incoming(work.start(), null));
    }
    boolean active = row != null && !row.status().isTerminal() && row.status() != RuntimeStatus.CONTINUED_AS_NEW;
    if (active) {
      continueExecution(id, row, incoming, part, now);
      return null;
    }
    return startExecution(id, row, incoming, part, now);
  }

  private void continueExecution(
      String id, InstanceRecord row, List<Incoming> incoming, CommitBuilder part, Instant now) {
    List<HistoryEvent> fresh = new ArrayList<>();
    for (Incoming in : incoming) {
      if (in.event() instanceof ExecutionStarted start && !start.executionId().equals(row.executionId())) {
        refuseStart(id, row, start, part, now);
      } else if (in.isFor(row.executionId())) {
        fresh.add(in.event());
      } else if (in.event() instanceof EntityLockGranted grant) {
        EffectPlanner.releaseStrayGrant(id, grant, part, now);
      }
    }
    InstanceCache.Entry cached = cache.take(id);
    OrchestrationExecutor executor;
    List<HistoryEvent> past;
    if (cached != null && cached.version() == row.version() && cached.executionId().equals(row.executionId())) {
      executor = cached.executor();
      past = List.of();
    } else {
      if (cached != null) {
        cached.executor().abandon();
      }
      executor = new OrchestrationExecutor(id, settings);
      past = part.history(id);
    }
    runEpisode(id, row, executor, past, fresh, false, part, now);
  }

  private ExecutionStarted startExecution(
      String id, InstanceRecord row, List<Incoming> incoming, CommitBuilder part, Instant now) {
    ExecutionStarted start = null;
    for (Incoming in : incoming) {
      if (in.event() instanceof ExecutionStarted s && (row == null || !s.executionId().equals(row.executionId()))) {
        start = s;
        break;
      }
    }
    if (start == null) {
      for (Incoming in : incoming) {
        if (in.event() instanceof EntityLockGranted grant) {
          EffectPlanner.releaseStrayGrant(id, grant, part, now);
        }
      }
      if (!incoming.isEmpty()) {
        LOG.debug("Dropped {} events for instance '{}', which is not running", incoming.size(), id);
      }
      return null;
    }
    List<HistoryEvent> fresh = new ArrayList<>();
    fresh.add(start);
    for (Incoming in : incoming) {
      if (in.executionId() == null && !(in.event() instanceof ExecutionStarted)) {
        fresh.add(in.event());
      }
    }
    cache.evict(id);
    // A finished instance started again is a new instance under the same id, created now.
    InstanceRecord base = row == null || !row.status().isTerminal() ? row : row.withCreatedAt(start.timestamp());
    runEpisode(id, base, new OrchestrationExecutor(id, settings), List.of(), fresh, row != null, part, now);
    return start;
  }

  private void refuseStart(String id, InstanceRecord row, ExecutionStarted start, CommitBuilder part, Instant now) {
    LOG.warn("Instance '{}' is already {}; a second start of orchestration '{}' was refused",
        id, row.status().displayName(), start.name());
    if (start.parent() != null) {
      part.message(start.parent().instanceId(), new OrchestrationMessage(start.parent().executionId(),
          new SubOrchestrationInstanceFailed(-1, now, start.parent().taskScheduledId(), FailureDetails.of(
              "dev.cairn.InstanceAlreadyRunning",
              "A sub-orchestration instance '" + id + "' is already " + row.status().displayName()
                  + "; give each sub-orchestration its own instance id."))), now);
    }
  }

  private void runEpisode(
      String id, InstanceRecord row, OrchestrationExecutor executor, List<HistoryEvent> past,
      List<HistoryEvent> fresh, boolean replaceHistory, CommitBuilder part, Instant now) {
    EpisodeResult result;
    counters.episodes.increment();
    counters.replayedEvents.add(past.size());
    try {
      result = executor.runEpisode(past, fresh, now);
    } catch (NonDeterminismException e) {
      executor.abandon();
      ending.onNonDeterminism(id, row, replaceHistory ? List.of() : past, fresh, e, part, now);
      return;
    } catch (RuntimeException | Error e) {
      executor.abandon();
      throw e;
    }
    if (result.newEvents().isEmpty()) {
      keepCached(id, row, executor);
      return;
    }
    counters.appendedEvents.add(result.newEvents().size());
    effects.plan(id, result.executionId(), result, part, now);
    EpisodeResult last = result;
    OrchestrationExecutor lastExecutor = executor;
    List<HistoryEvent> history = result.newEvents();
    boolean replace = replaceHistory;
    for (int generation = 0; last.status() == RuntimeStatus.CONTINUED_AS_NEW; generation++) {
      String nextExecution = UUID.randomUUID().toString();
      List<HistoryEvent> start = EffectPlanner.nextExecutionEvents(last, nextExecution, now);
      if (generation == MAX_GENERATIONS_PER_BATCH) {
        for (HistoryEvent event : start) {
          part.message(id, new OrchestrationMessage(null, event), now);
        }
        break;
      }
      lastExecutor = new OrchestrationExecutor(id, settings);
      counters.episodes.increment();
      last = lastExecutor.runEpisode(List.of(), start, now);
      counters.appendedEvents.add(last.newEvents().size());
      effects.plan(id, nextExecution, last, part, now);
      history = last.newEvents();
      replace = true;
    }
    if (last.unconsumedEvents() > 0) {
      LOG.warn("Instance '{}' finished with {} external event(s) that nothing waited for; they were dropped",
          id, last.unconsumedEvents());
    }
    long version = row == null ? 0 : row.version();
    InstanceRecord next = new InstanceRecord(id, last.name(), last.executionId(), last.status(), last.input(),
        last.output(), last.customStatus(), last.failure(), last.parent(), row == null ? now : row.createdAt(),
        now, version + 1);
    part.instance(new InstanceWrite(next, version, replace, history));
    if (last.ended()) {
      lastExecutor.abandon();
    } else {
      cache.put(id, new InstanceCache.Entry(lastExecutor, next));
    }
    boolean finished = last.status().isTerminal();
    part.afterCommit(() -> {
      watch.changed(next);
      if (finished) {
        counters.instancesFinished.increment();
      }
    });
  }

  private void keepCached(String id, InstanceRecord row, OrchestrationExecutor executor) {
    if (executor.isFinished() || row == null) {
      executor.abandon();
      return;
    }
    cache.put(id, new InstanceCache.Entry(executor, row));
  }

  private void onCrash(Work work, InstanceRecord row, Throwable error, CommitBuilder commit, Instant now) {
    String id = work.instanceId();
    cache.evict(id);
    for (ActivityResult result : work.results()) {
      // Keep the outcome durably, so that it counts attempts and is never lost.
      commit.activityFinished(result.task().taskKey());
      commit.message(id, new OrchestrationMessage(result.task().executionId(), result.event()), now);
    }
    int attempts = 0;
    for (Message message : work.messages()) {
      attempts = Math.max(attempts, message.failedAttempts() + 1);
    }
    String summary = String.valueOf(error);
    if (attempts < config.poisonThreshold()) {
      LOG.warn("Processing instance '{}' failed (attempt {} of {}); it will be retried", id, attempts,
          config.poisonThreshold(), error);
      for (Message message : work.messages()) {
        commit.failed(message.id(), summary);
      }
      return;
    }
    LOG.error("Processing instance '{}' failed {} times; its messages are parked and the instance fails", id,
        attempts, error);
    for (Message message : work.messages()) {
      commit.parked(message.id(), summary);
    }
    ending.onPoison(id, row, work.messages(), error, attempts, commit, now);
  }
}
