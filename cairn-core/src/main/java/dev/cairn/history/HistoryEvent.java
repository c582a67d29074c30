package dev.cairn.history;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * One event of an orchestration's history. Everything an orchestration does, and everything that happens to
 * it, is recorded as a history event; replaying the orchestration's code against its history rebuilds its
 * state. The types mirror the Durable Task Framework's, so histories map one to one onto that ecosystem.
 *
 * <p>Every event has a sequence number ({@link #eventId()}, its position in the execution's history) and a
 * timestamp. An event that schedules something carries the id (a task id, or a request id for entities) that
 * its completion refers back to. Handle events with an exhaustive {@code switch}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ExecutionStarted.class, name = "ExecutionStarted"),
  @JsonSubTypes.Type(value = ExecutionCompleted.class, name = "ExecutionCompleted"),
  @JsonSubTypes.Type(value = ExecutionTerminated.class, name = "ExecutionTerminated"),
  @JsonSubTypes.Type(value = ExecutionSuspended.class, name = "ExecutionSuspended"),
  @JsonSubTypes.Type(value = ExecutionResumed.class, name = "ExecutionResumed"),
  @JsonSubTypes.Type(value = OrchestratorStarted.class, name = "OrchestratorStarted"),
  @JsonSubTypes.Type(value = OrchestratorCompleted.class, name = "OrchestratorCompleted"),
  @JsonSubTypes.Type(value = TaskScheduled.class, name = "TaskScheduled"),
  @JsonSubTypes.Type(value = TaskCompleted.class, name = "TaskCompleted"),
  @JsonSubTypes.Type(value = TaskFailed.class, name = "TaskFailed"),
  @JsonSubTypes.Type(value = SubOrchestrationInstanceCreated.class, name = "SubOrchestrationInstanceCreated"),
  @JsonSubTypes.Type(value = SubOrchestrationInstanceCompleted.class, name = "SubOrchestrationInstanceCompleted"),
  @JsonSubTypes.Type(value = SubOrchestrationInstanceFailed.class, name = "SubOrchestrationInstanceFailed"),
  @JsonSubTypes.Type(value = TimerCreated.class, name = "TimerCreated"),
  @JsonSubTypes.Type(value = TimerFired.class, name = "TimerFired"),
  @JsonSubTypes.Type(value = EventRaised.class, name = "EventRaised"),
  @JsonSubTypes.Type(value = EventSent.class, name = "EventSent"),
  @JsonSubTypes.Type(value = ContinueAsNew.class, name = "ContinueAsNew"),
  @JsonSubTypes.Type(value = EntityOperationCalled.class, name = "EntityOperationCalled"),
  @JsonSubTypes.Type(value = EntityOperationSignaled.class, name = "EntityOperationSignaled"),
  @JsonSubTypes.Type(value = EntityOperationCompleted.class, name = "EntityOperationCompleted"),
  @JsonSubTypes.Type(value = EntityOperationFailed.class, name = "EntityOperationFailed"),
  @JsonSubTypes.Type(value = EntityLockRequested.class, name = "EntityLockRequested"),
  @JsonSubTypes.Type(value = EntityLockGranted.class, name = "EntityLockGranted"),
  @JsonSubTypes.Type(value = EntityUnlockSent.class, name = "EntityUnlockSent")
})
public sealed interface HistoryEvent
    permits ExecutionStarted,
        ExecutionCompleted,
        ExecutionTerminated,
        ExecutionSuspended,
        ExecutionResumed,
        OrchestratorStarted,
        OrchestratorCompleted,
        TaskScheduled,
        TaskCompleted,
        TaskFailed,
        SubOrchestrationInstanceCreated,
        SubOrchestrationInstanceCompleted,
        SubOrchestrationInstanceFailed,
        TimerCreated,
        TimerFired,
        EventRaised,
        EventSent,
        ContinueAsNew,
        EntityOperationCalled,
        EntityOperationSignaled,
        EntityOperationCompleted,
        EntityOperationFailed,
        EntityLockRequested,
        EntityLockGranted,
        EntityUnlockSent {

  /** The event's sequence number in its execution's history, or -1 before it is appended. */
  int eventId();

  /** When the event happened. */
  Instant timestamp();

  /** The same event with another sequence number. */
  HistoryEvent withEventId(int id);
}
