package dev.cairn.orchestration;

/**
 * The durable result of something an orchestration started: an activity, a timer, a sub-orchestration, an
 * external event, an entity call, or a combination of tasks. Tasks start when created; {@link #await()} waits
 * for the result, suspending the orchestration (durably) until it arrives.
 *
 * @param <T> the result type
 */
public interface Task<T> {

  /**
   * Waits for the task and returns its result.
   *
   * @throws dev.cairn.failure.TaskFailedException when the activity, sub-orchestration or entity operation
   *     failed; its {@code details()} carry the original failure
   * @throws dev.cairn.failure.EventTimeoutException when an external event did not arrive in time
   */
  T await();

  /** Whether the task has finished (successfully or not). Never waits. */
  boolean isDone();

  /** Whether the task has finished with a failure. Never waits. */
  boolean isFailed();
}
