package dev.cairn.internal.dispatch;

import dev.cairn.client.RuntimeStatus;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.FailureDetails;
import dev.cairn.history.EntityLockGranted;
import dev.cairn.history.EntityLockRequested;
import dev.cairn.history.EntityOperationCalled;
import dev.cairn.history.EntityOperationSignaled;
import dev.cairn.history.EntityUnlockSent;
import dev.cairn.history.EventRaised;
import dev.cairn.history.EventSent;
import dev.cairn.history.ExecutionCompleted;
import dev.cairn.history.ExecutionStarted;
import dev.cairn.history.ExecutionTerminated;
import dev.cairn.history.HistoryEvent;
import dev.cairn.history.ParentInstance;
import dev.cairn.history.SubOrchestrationInstanceCompleted;
import dev.cairn.history.SubOrchestrationInstanceCreated;
import dev.cairn.history.SubOrchestrationInstanceFailed;
import dev.cairn.history.TaskScheduled;
import dev.cairn.history.TimerCreated;
import dev.cairn.history.TimerFired;
import dev.cairn.internal.replay.EpisodeResult;
import dev.cairn.store.LockRequest;
import dev.cairn.store.OperationRequest;
import dev.cairn.store.OrchestrationMessage;
import dev.cairn.store.ReplyTo;
import dev.cairn.store.UnlockRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns what an episode recorded into what the commit must carry: each scheduling event becomes an activity
 * task or a message (timers are messages to the instance itself, visible when due), and the end of an
 * execution becomes a message to its parent. Effects are derived from new events only, so a replay never
 * sends anything twice.
 */
final class EffectPlanner {

  void plan(String instanceId, String executionId, EpisodeResult result, CommitBuilder commit, Instant now) {
    for (HistoryEvent event : result.newEvents()) {
      planEvent(instanceId, executionId, result, event, commit, now);
    }
    for (String child : result.childrenToTerminate()) {
      commit.message(child, new OrchestrationMessage(null, new ExecutionTerminated(
          -1, now, "The parent instance '" + instanceId + "' was terminated.", true)), now);
    }
    for (EntityLockGranted grant : result.strayLockGrants()) {
      releaseStrayGrant(instanceId, grant, commit, now);
    }
  }

  /**
   * The sender id of an orchestration's messages to entities: per execution, because the sequence numbers
   * (the event ids of the scheduling events) start again with each execution.
   */
  static String senderId(String instanceId, String executionId) {
    return "o:" + instanceId + ":" + executionId;
  }

  /** Releases the locks of a grant that arrived for no open critical section. */
  static void releaseStrayGrant(String instanceId, EntityLockGranted grant, CommitBuilder commit, Instant now) {
    for (EntityId entity : grant.lockSet()) {
      commit.message(entity.toString(),
          new UnlockRequest(grant.requestId(), "o:" + instanceId, instanceId), now);
    }
  }

  private void planEvent(
      String instanceId, String executionId, EpisodeResult result, HistoryEvent event, CommitBuilder commit,
      Instant now) {
    String sender = senderId(instanceId, executionId);
    long sequence = event.eventId();
    switch (event) {
      case TaskScheduled e -> commit.activity(commit.newTask(instanceId, executionId, e, now));
      case TimerCreated e -> commit.message(instanceId,
          new OrchestrationMessage(executionId, new TimerFired(-1, e.fireAt(), e.taskId(), e.fireAt())),
          e.fireAt());
      case SubOrchestrationInstanceCreated e -> commit.message(e.instanceId(),
          new OrchestrationMessage(null, new ExecutionStarted(-1, now, e.name(), UUID.randomUUID().toString(),
              e.input(), new ParentInstance(instanceId, executionId, e.taskId(), result.name()), null)),
          now);
      case EventSent e -> commit.message(e.instanceId(),
          new OrchestrationMessage(null, new EventRaised(-1, now, e.name(), e.input())), now);
      case EntityOperationCalled e -> commit.message(e.entity().toString(),
          new OperationRequest(e.requestId(), sender, sequence, e.operation(), e.input(), null,
              e.lockRequestId(), new ReplyTo(instanceId, executionId)), now);
      case EntityOperationSignaled e -> commit.message(e.entity().toString(),
          new OperationRequest(e.requestId(), sender, sequence, e.operation(), e.input(), e.scheduledTime(),
              null, null), now);
      case EntityLockRequested e -> commit.message(e.lockSet().get(0).toString(),
          new LockRequest(e.requestId(), sender, sequence, instanceId, executionId, e.lockSet(), 0), now);
      case EntityUnlockSent e -> {
        for (EntityId entity : e.lockSet()) {
          commit.message(entity.toString(), new UnlockRequest(e.requestId(), sender, instanceId), now);
        }
      }
      case ExecutionCompleted e -> notifyParent(instanceId, result.parent(), e, commit, now);
      default -> {
        // Not a scheduling event: nothing to send.
      }
    }
  }

  private static void notifyParent(
      String instanceId, ParentInstance parent, ExecutionCompleted done, CommitBuilder commit, Instant now) {
    if (parent == null) {
      return;
    }
    HistoryEvent answer = switch (done.status()) {
      case COMPLETED -> new SubOrchestrationInstanceCompleted(-1, now, parent.taskScheduledId(), done.result());
      case FAILED -> new SubOrchestrationInstanceFailed(-1, now, parent.taskScheduledId(), done.failure());
      default -> new SubOrchestrationInstanceFailed(-1, now, parent.taskScheduledId(), FailureDetails.of(
          "dev.cairn.SubOrchestrationTerminated",
          "Sub-orchestration '" + instanceId + "' was " + statusWord(done.status()) + ": " + done.result()));
    };
    commit.message(parent.instanceId(), new OrchestrationMessage(parent.executionId(), answer), now);
  }

  private static String statusWord(RuntimeStatus status) {
    return status.displayName().toLowerCase(java.util.Locale.ROOT);
  }

  /** The events to hand to the next execution when an instance continues as new. */
  static List<HistoryEvent> nextExecutionEvents(EpisodeResult ended, String nextExecutionId, Instant now) {
    List<HistoryEvent> events = new java.util.ArrayList<>();
    events.add(new ExecutionStarted(-1, now, ended.name(), nextExecutionId, ended.nextExecutionInput(),
        ended.parent(), null));
    for (EventRaised carried : ended.carriedEvents()) {
      events.add(carried.withEventId(-1));
    }
    return events;
  }
}
