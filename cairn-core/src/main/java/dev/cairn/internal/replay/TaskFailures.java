package dev.cairn.internal.replay;

import dev.cairn.failure.FailureDetails;
import dev.cairn.failure.TaskFailedException;

/** Builds the exception that {@code await()} throws for a failed task. */
final class TaskFailures {
  private TaskFailures() {}

  static TaskFailedException of(TaskImpl<?> task, FailureDetails details) {
    return new TaskFailedException(task.name(), task.taskId(), details);
  }
}
