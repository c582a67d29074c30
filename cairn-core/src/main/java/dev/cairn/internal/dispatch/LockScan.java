package dev.cairn.internal.dispatch;

import dev.cairn.history.EntityLockRequested;
import dev.cairn.history.EntityUnlockSent;
import dev.cairn.history.HistoryEvent;
import dev.cairn.history.SubOrchestrationInstanceCreated;
import dev.cairn.history.TaskScheduled;
import dev.cairn.history.TimerCreated;
import java.util.List;

/**
 * Reads from a history, without running any code, the critical section that is still open (requested and not
 * released) and the highest task id: what the engine needs to end an instance whose code cannot run (a
 * non-determinism error, a poison message).
 */
record LockScan(EntityLockRequested openSection, int maxTaskId) {

  static LockScan of(List<HistoryEvent> history) {
    EntityLockRequested open = null;
    int max = -1;
    for (HistoryEvent event : history) {
      switch (event) {
        case EntityLockRequested e -> {
          open = e;
          max = Math.max(max, e.taskId());
        }
        case EntityUnlockSent e -> {
          if (open != null && open.requestId().equals(e.requestId())) {
            open = null;
          }
          max = Math.max(max, e.taskId());
        }
        case TaskScheduled e -> max = Math.max(max, e.taskId());
        case TimerCreated e -> max = Math.max(max, e.taskId());
        case SubOrchestrationInstanceCreated e -> max = Math.max(max, e.taskId());
        default -> max = Math.max(max, taskIdOf(event));
      }
    }
    return new LockScan(open, max);
  }

  private static int taskIdOf(HistoryEvent event) {
    return switch (event) {
      case dev.cairn.history.EventSent e -> e.taskId();
      case dev.cairn.history.EntityOperationCalled e -> e.taskId();
      case dev.cairn.history.EntityOperationSignaled e -> e.taskId();
      default -> -1;
    };
  }
}
