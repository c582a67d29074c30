package dev.cairn.failure;

/**
 * Thrown by {@code Task.await()} in orchestration code when the awaited activity, sub-orchestration or entity
 * operation failed. {@link #details()} carries the original failure (type, message, stack, cause).
 */
public final class TaskFailedException extends CairnException {
  private final String taskName;
  private final int taskId;
  private final FailureDetails details;

  /** Creates the exception for a failed task. */
  public TaskFailedException(String taskName, int taskId, FailureDetails details) {
    super("Task '" + taskName + "' (#" + taskId + ") failed: " + details.summary());
    this.taskName = taskName;
    this.taskId = taskId;
    this.details = details;
  }

  /** The activity, sub-orchestration or entity operation name. */
  public String taskName() {
    return taskName;
  }

  /** The task's id in the orchestration's history. */
  public int taskId() {
    return taskId;
  }

  /** What went wrong, as recorded in the history. */
  public FailureDetails details() {
    return details;
  }
}
