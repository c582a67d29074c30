package dev.cairn.internal.dispatch;

import dev.cairn.client.RuntimeStatus;
import dev.cairn.failure.FailureDetails;
import dev.cairn.failure.NonDeterminismException;
import dev.cairn.history.EntityUnlockSent;
import dev.cairn.history.ExecutionCompleted;
import dev.cairn.history.ExecutionSuspended;
import dev.cairn.history.HistoryEvent;
import dev.cairn.history.OrchestratorCompleted;
import dev.cairn.history.OrchestratorStarted;
import dev.cairn.internal.replay.EpisodeResult;
import dev.cairn.runtime.NonDeterminismPolicy;
import dev.cairn.store.InstanceRecord;
import dev.cairn.store.InstanceWrite;
import dev.cairn.store.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends or suspends an instance whose code cannot run: after a non-determinism error (by the configured
 * policy), or when its messages are parked as poison. It works from the history alone: it releases a critical
 * section the history shows open, tells the parent, and records why.
 */
final class InstanceEnding {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceEnding.class);

  private final EngineConfig config;
  private final EffectPlanner effects;
  private final InstanceWatch watch;

  InstanceEnding(EngineConfig config, EffectPlanner effects, InstanceWatch watch) {
    this.config = config;
    this.effects = effects;
    this.watch = watch;
  }

  void onNonDeterminism(
      String id, InstanceRecord row, List<HistoryEvent> unused, List<HistoryEvent> fresh,
      NonDeterminismException error, CommitBuilder part, Instant now) {
    FailureDetails details = FailureDetails.from(error);
    if (config.nonDeterminismPolicy() == NonDeterminismPolicy.SUSPEND) {
      LOG.error("{} The instance is suspended; resume it once fixed code is deployed.", error.getMessage());
      suspend(id, row, fresh, details, part, now);
    } else {
      LOG.error("{} The instance fails.", error.getMessage());
      fail(id, row, details, part, now);
    }
  }

  void onPoison(
      String id, InstanceRecord row, List<Message> messages, Throwable error, int attempts, CommitBuilder commit,
      Instant now) {
    if (row == null || row.status().isTerminal()) {
      return;
    }
    List<Long> ids = messages.stream().map(Message::id).toList();
    FailureDetails details = new FailureDetails("dev.cairn.PoisonMessage",
        "Processing message(s) " + ids + " for this instance failed " + attempts + " times; they were moved"
            + " to the dead letters and the instance was failed. Last error: " + error,
        "", FailureDetails.from(error), true);
    CommitBuilder part = commit.part();
    try {
      fail(id, row, details, part, now);
      commit.absorb(part);
    } catch (RuntimeException e) {
      LOG.error("Could not record the failure of instance '{}' after parking its messages", id, e);
    }
  }

  private void fail(String id, InstanceRecord row, FailureDetails details, CommitBuilder part, Instant now) {
    if (row == null) {
      return;
    }
    List<HistoryEvent> history = part.history(id);
    LockScan scan = LockScan.of(history);
    int next = history.size();
    List<HistoryEvent> events = new ArrayList<>();
    events.add(new OrchestratorStarted(next++, now));
    if (scan.openSection() != null) {
      events.add(new EntityUnlockSent(next++, now, scan.maxTaskId() + 1, scan.openSection().requestId(),
          scan.openSection().lockSet()));
    }
    events.add(new ExecutionCompleted(next++, now, RuntimeStatus.FAILED, null, details));
    events.add(new OrchestratorCompleted(next, now));
    EpisodeResult ended = new EpisodeResult(events, RuntimeStatus.FAILED, row.name(), row.executionId(),
        row.input(), row.parent(), null, details, row.customStatus(), null, List.of(), List.of(), List.of(), 0);
    effects.plan(id, row.executionId(), ended, part, now);
    write(row, RuntimeStatus.FAILED, details, events, part, now);
  }

  private void suspend(
      String id, InstanceRecord row, List<HistoryEvent> fresh, FailureDetails details, CommitBuilder part,
      Instant now) {
    int next = part.history(id).size();
    List<HistoryEvent> events = new ArrayList<>();
    events.add(new OrchestratorStarted(next++, now));
    events.add(new ExecutionSuspended(next++, now, details.errorMessage()));
    for (HistoryEvent event : fresh) {
      events.add(event.withEventId(next++));
    }
    events.add(new OrchestratorCompleted(next, now));
    write(row, RuntimeStatus.SUSPENDED, details, events, part, now);
  }

  private void write(
      InstanceRecord row, RuntimeStatus status, FailureDetails details, List<HistoryEvent> events,
      CommitBuilder part, Instant now) {
    InstanceRecord next = new InstanceRecord(row.instanceId(), row.name(), row.executionId(), status,
        row.input(), null, row.customStatus(), details, row.parent(), row.createdAt(), now, row.version() + 1);
    part.instance(new InstanceWrite(next, row.version(), false, events));
    part.afterCommit(() -> watch.changed(next));
  }
}
