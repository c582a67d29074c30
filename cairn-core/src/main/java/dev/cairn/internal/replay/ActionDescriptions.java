package dev.cairn.internal.replay;

import dev.cairn.history.ContinueAsNew;
import dev.cairn.history.EntityLockRequested;
import dev.cairn.history.EntityOperationCalled;
import dev.cairn.history.EntityOperationSignaled;
import dev.cairn.history.EntityUnlockSent;
import dev.cairn.history.EventSent;
import dev.cairn.history.ExecutionCompleted;
import dev.cairn.history.HistoryEvent;
import dev.cairn.history.SubOrchestrationInstanceCreated;
import dev.cairn.history.TaskScheduled;
import dev.cairn.history.TimerCreated;
import java.util.Objects;

/** Describes recorded actions in words, and decides whether a replayed action is the recorded one. */
final class ActionDescriptions {
  private ActionDescriptions() {}

  /** Whether the code's action matches the recorded one: same kind, same name and same target. */
  static boolean sameAction(HistoryEvent recorded, HistoryEvent attempted) {
    return switch (recorded) {
      case TaskScheduled r -> attempted instanceof TaskScheduled a && r.name().equals(a.name());
      case TimerCreated r -> attempted instanceof TimerCreated;
      case SubOrchestrationInstanceCreated r ->
          attempted instanceof SubOrchestrationInstanceCreated a && r.name().equals(a.name());
      case EventSent r ->
          attempted instanceof EventSent a
              && r.instanceId().equals(a.instanceId())
              && r.name().equals(a.name());
      case EntityOperationCalled r ->
          attempted instanceof EntityOperationCalled a
              && r.entity().equals(a.entity())
              && r.operation().equals(a.operation());
      case EntityOperationSignaled r ->
          attempted instanceof EntityOperationSignaled a
              && r.entity().equals(a.entity())
              && r.operation().equals(a.operation());
      case EntityLockRequested r ->
          attempted instanceof EntityLockRequested a && r.lockSet().equals(a.lockSet());
      case EntityUnlockSent r ->
          attempted instanceof EntityUnlockSent a && r.lockSet().equals(a.lockSet());
      case ExecutionCompleted r ->
          attempted instanceof ExecutionCompleted a && r.status() == a.status();
      case ContinueAsNew r -> attempted instanceof ContinueAsNew;
      default -> Objects.equals(recorded.getClass(), attempted.getClass());
    };
  }

  /** The action in words, e.g. {@code a call of activity 'SayHello' (TaskScheduled)}. */
  static String describe(HistoryEvent event) {
    String what = switch (event) {
      case TaskScheduled e -> "a call of activity '" + e.name() + "'";
      case TimerCreated e -> "a timer";
      case SubOrchestrationInstanceCreated e -> "a call of sub-orchestration '" + e.name() + "'";
      case EventSent e -> "sending event '" + e.name() + "' to instance '" + e.instanceId() + "'";
      case EntityOperationCalled e -> "a call of operation '" + e.operation() + "' on entity " + e.entity();
      case EntityOperationSignaled e -> "a signal of operation '" + e.operation() + "' to entity " + e.entity();
      case EntityLockRequested e -> "a lock of " + e.lockSet();
      case EntityUnlockSent e -> "a release of the locks of " + e.lockSet();
      case ExecutionCompleted e -> "finishing with status " + e.status();
      case ContinueAsNew e -> "continuing as new";
      default -> "an event";
    };
    return what + " (" + event.getClass().getSimpleName() + ")";
  }
}
