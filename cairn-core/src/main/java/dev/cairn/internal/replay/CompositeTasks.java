package dev.cairn.internal.replay;

import dev.cairn.orchestration.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** All-of and any-of over tasks, built from completion callbacks so that they stay deterministic. */
final class CompositeTasks {
  private CompositeTasks() {}

  /**
   * Completes when every task has; with the results in the order given, or with the first failure in that
   * order.
   */
  static <T> void allOf(List<TaskImpl<? extends T>> tasks, TaskImpl<List<T>> all) {
    if (tasks.isEmpty()) {
      all.completeWithValue(List.of());
      return;
    }
    int[] remaining = {tasks.size()};
    for (TaskImpl<? extends T> task : tasks) {
      task.whenDone(
          () -> {
            if (--remaining[0] == 0) {
              finishAll(tasks, all);
            }
          });
    }
  }

  private static <T> void finishAll(List<TaskImpl<? extends T>> tasks, TaskImpl<List<T>> all) {
    List<T> results = new ArrayList<>(tasks.size());
    try {
      for (TaskImpl<? extends T> task : tasks) {
        results.add(task.result());
      }
    } catch (RuntimeException failure) {
      all.fail(failure);
      return;
    }
    all.completeWithValue(Collections.unmodifiableList(results));
  }

  /** Completes with the first task to finish; when several are done already, the first in the order given. */
  static <T> void anyOf(List<TaskImpl<T>> tasks, TaskImpl<Task<T>> any) {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("anyOf needs at least one task");
    }
    for (TaskImpl<T> task : tasks) {
      task.whenDone(() -> any.completeWithValue(task));
    }
  }
}
