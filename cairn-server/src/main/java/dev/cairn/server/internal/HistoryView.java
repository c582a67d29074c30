package dev.cairn.server.internal;

import dev.cairn.history.ContinueAsNew;
import dev.cairn.history.EntityLockGranted;
import dev.cairn.history.EntityLockRequested;
import dev.cairn.history.EntityOperationCalled;
import dev.cairn.history.EntityOperationCompleted;
import dev.cairn.history.EntityOperationFailed;
import dev.cairn.history.EntityOperationSignaled;
import dev.cairn.history.EntityUnlockSent;
import dev.cairn.history.EventRaised;
import dev.cairn.history.EventSent;
import dev.cairn.history.ExecutionCompleted;
import dev.cairn.history.ExecutionResumed;
import dev.cairn.history.ExecutionStarted;
import dev.cairn.history.ExecutionSuspended;
import dev.cairn.history.ExecutionTerminated;
import dev.cairn.history.HistoryEvent;
import dev.cairn.history.OrchestratorCompleted;
import dev.cairn.history.OrchestratorStarted;
import dev.cairn.history.SubOrchestrationInstanceCompleted;
import dev.cairn.history.SubOrchestrationInstanceCreated;
import dev.cairn.history.SubOrchestrationInstanceFailed;
import dev.cairn.history.TaskCompleted;
import dev.cairn.history.TaskFailed;
import dev.cairn.history.TaskScheduled;
import dev.cairn.history.TimerCreated;
import dev.cairn.history.TimerFired;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * A history as people (and Durable Functions tools) read it: episode markers left out, and each completed step
 * shown once, with its name, when it was scheduled and when it completed, as Durable Functions' {@code
 * historyEvents} shows them. Steps still pending are shown as scheduled.
 */
public final class HistoryView {
  private final Map<Integer, HistoryEvent> scheduled = new HashMap<>();
  private final Map<String, HistoryEvent> requests = new HashMap<>();
  private final Set<HistoryEvent> completedSchedules = new HashSet<>();
  private HistoryView() {}

  /** The events of a history in Durable Functions' shape; {@code withOutputs} adds inputs and results. */
  public static List<ObjectNode> of(List<HistoryEvent> history, boolean withOutputs) {
    HistoryView view = new HistoryView();
    view.index(history);
    List<ObjectNode> events = new ArrayList<>();
    for (HistoryEvent event : history) {
      ObjectNode node = view.render(event);
      if (node != null) {
        if (!withOutputs) {
          node.remove(List.of("Input", "Result"));
        }
        events.add(node);
      }
    }
    return events;
  }

  private void index(List<HistoryEvent> history) {
    for (HistoryEvent event : history) {
      switch (event) {
        case TaskScheduled e -> scheduled.put(e.taskId(), e);
        case TimerCreated e -> scheduled.put(e.taskId(), e);
        case SubOrchestrationInstanceCreated e -> scheduled.put(e.taskId(), e);
        case EntityOperationCalled e -> requests.put(e.requestId(), e);
        case EntityLockRequested e -> requests.put(e.requestId(), e);
        case TaskCompleted e -> markDone(scheduled.get(e.taskScheduledId()));
        case TaskFailed e -> markDone(scheduled.get(e.taskScheduledId()));
        case TimerFired e -> markDone(scheduled.get(e.timerId()));
        case SubOrchestrationInstanceCompleted e -> markDone(scheduled.get(e.taskScheduledId()));
        case SubOrchestrationInstanceFailed e -> markDone(scheduled.get(e.taskScheduledId()));
        case EntityOperationCompleted e -> markDone(requests.get(e.requestId()));
        case EntityOperationFailed e -> markDone(requests.get(e.requestId()));
        case EntityLockGranted e -> markDone(requests.get(e.requestId()));
        default -> {
          // Not a step.
        }
      }
    }
  }

  private void markDone(HistoryEvent schedule) {
    if (schedule != null) {
      completedSchedules.add(schedule);
    }
  }

  private ObjectNode render(HistoryEvent event) {
    return switch (event) {
      case OrchestratorStarted e -> null;
      case OrchestratorCompleted e -> null;
      case ExecutionStarted e -> base(e).put("FunctionName", e.name()).set("Input", output(e.input()));
      case ExecutionCompleted e -> {
        ObjectNode node = base(e).put("OrchestrationStatus", e.status().displayName());
        node.set("Result", output(e.result()));
        if (e.failure() != null) {
          node.put("Details", e.failure().summary());
        }
        yield node;
      }
      case ExecutionTerminated e -> base(e).put("Reason", e.reason());
      case ExecutionSuspended e -> base(e).put("Reason", e.reason());
      case ExecutionResumed e -> base(e).put("Reason", e.reason());
      case ContinueAsNew e -> base(e).set("Input", output(e.input()));
      case TaskScheduled e -> pending(e, e.name());
      case TimerCreated e -> completedSchedules.contains(e) ? null : base(e).put("FireAt", e.fireAt().toString());
      case SubOrchestrationInstanceCreated e ->
          completedSchedules.contains(e) ? null : base(e).put("FunctionName", e.name()).put("InstanceId", e.instanceId());
      case EntityOperationCalled e ->
          completedSchedules.contains(e) ? null : base(e).put("EntityId", e.entity().toString()).put("Operation", e.operation());
      case EntityLockRequested e ->
          completedSchedules.contains(e) ? null : base(e).put("LockSet", e.lockSet().toString());
      case TaskCompleted e -> completion(e, scheduled.get(e.taskScheduledId())).set("Result", output(e.result()));
      case TaskFailed e -> completion(e, scheduled.get(e.taskScheduledId()))
          .put("Reason", e.failure().errorMessage()).put("Details", e.failure().summary());
      case TimerFired e -> completion(e, scheduled.get(e.timerId())).put("FireAt", e.fireAt().toString());
      case SubOrchestrationInstanceCompleted e ->
          completion(e, scheduled.get(e.taskScheduledId())).set("Result", output(e.result()));
      case SubOrchestrationInstanceFailed e -> completion(e, scheduled.get(e.taskScheduledId()))
          .put("Reason", e.failure().errorMessage()).put("Details", e.failure().summary());
      case EventRaised e -> base(e).put("Name", e.name()).set("Input", output(e.input()));
      case EventSent e -> base(e).put("Name", e.name()).put("InstanceId", e.instanceId());
      case EntityOperationSignaled e -> base(e).put("EntityId", e.entity().toString()).put("Operation", e.operation());
      case EntityOperationCompleted e -> entityCompletion(e, requests.get(e.requestId())).set("Result", output(e.result()));
      case EntityOperationFailed e -> entityCompletion(e, requests.get(e.requestId()))
          .put("Reason", e.failure().errorMessage()).put("Details", e.failure().summary());
      case EntityLockGranted e -> entityCompletion(e, requests.get(e.requestId())).put("LockSet", e.lockSet().toString());
      case EntityUnlockSent e -> base(e).put("LockSet", e.lockSet().toString());
    };
  }

  private ObjectNode base(HistoryEvent event) {
    ObjectNode node = Json.object();
    node.put("EventType", event.getClass().getSimpleName());
    node.put("EventId", event.eventId());
    node.put("Timestamp", event.timestamp().toString());
    return node;
  }

  private ObjectNode pending(TaskScheduled event, String name) {
    return completedSchedules.contains(event) ? null : base(event).put("FunctionName", name);
  }

  private ObjectNode completion(HistoryEvent event, HistoryEvent schedule) {
    ObjectNode node = base(event);
    if (schedule != null) {
      node.put("ScheduledTime", schedule.timestamp().toString());
      switch (schedule) {
        case TaskScheduled s -> node.put("FunctionName", s.name());
        case SubOrchestrationInstanceCreated s -> node.put("FunctionName", s.name()).put("InstanceId", s.instanceId());
        default -> {
          // Timers have no name.
        }
      }
    }
    return node;
  }

  private ObjectNode entityCompletion(HistoryEvent event, HistoryEvent request) {
    ObjectNode node = base(event);
    if (request != null) {
      node.put("ScheduledTime", request.timestamp().toString());
      if (request instanceof EntityOperationCalled call) {
        node.put("EntityId", call.entity().toString()).put("Operation", call.operation());
      }
    }
    return node;
  }

  private tools.jackson.databind.JsonNode output(String json) {
    return Json.stored(json);
  }
}
