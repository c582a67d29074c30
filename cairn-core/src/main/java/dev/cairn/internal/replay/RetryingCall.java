package dev.cairn.internal.replay;

import dev.cairn.failure.FailureDetails;
import dev.cairn.failure.TaskFailedException;
import dev.cairn.orchestration.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntFunction;

/**
 * A call retried under a {@link RetryPolicy}: each failed attempt is followed by a durable timer and a new
 * attempt, driven by completion callbacks, so that retries are recorded in the history and survive restarts.
 */
final class RetryingCall<T> {
  private final OrchestrationExecutor executor;
  private final RetryPolicy policy;
  private final IntFunction<TaskImpl<T>> startAttempt;
  private final TaskImpl<T> outcome;
  private final Instant firstAttemptAt;
  private int attempt = 1;

  private RetryingCall(
      OrchestrationExecutor executor, RetryPolicy policy, IntFunction<TaskImpl<T>> startAttempt,
      TaskImpl<T> outcome) {
    this.executor = executor;
    this.policy = policy;
    this.startAttempt = startAttempt;
    this.outcome = outcome;
    this.firstAttemptAt = executor.currentTime;
  }

  /** Starts the first attempt and returns the task that completes with the last attempt's outcome. */
  static <T> TaskImpl<T> start(
      OrchestrationExecutor executor, RetryPolicy policy, TaskImpl<T> outcome,
      IntFunction<TaskImpl<T>> startAttempt) {
    new RetryingCall<>(executor, policy, startAttempt, outcome).next();
    return outcome;
  }

  private void next() {
    TaskImpl<T> current = startAttempt.apply(attempt);
    current.whenDone(() -> onAttemptDone(current));
  }

  private void onAttemptDone(TaskImpl<T> current) {
    if (!current.isFailed()) {
      outcome.completeWithJson(current.resultJson());
      return;
    }
    RuntimeException failure = current.failure();
    if (!(failure instanceof TaskFailedException failed) || !shouldRetry(failed.details())) {
      outcome.fail(failure);
      return;
    }
    Duration delay = policy.delayBeforeRetry(attempt);
    TaskImpl<Void> timer = ContextImpl.scheduleTimer(executor, executor.currentTime.plus(delay));
    timer.whenDone(() -> {
      attempt++;
      next();
    });
  }

  private boolean shouldRetry(FailureDetails details) {
    if (attempt >= policy.maxAttempts() || !policy.handles(details)) {
      return false;
    }
    if (policy.retryTimeout() == null) {
      return true;
    }
    Instant nextStart = executor.currentTime.plus(policy.delayBeforeRetry(attempt));
    return !nextStart.isAfter(firstAttemptAt.plus(policy.retryTimeout()));
  }
}
