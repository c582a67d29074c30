package dev.cairn.orchestration;

import java.time.Duration;

/**
 * Options of an activity call.
 *
 * @param retryPolicy how to retry failures, or null for no retries (the default: activities are not retried)
 * @param timeout how long one attempt may run before it fails with a timeout, or null for no limit
 */
public record TaskOptions(RetryPolicy retryPolicy, Duration timeout) {

  /** No retries, no timeout. */
  public static TaskOptions defaults() {
    return new TaskOptions(null, null);
  }

  /** Retry with a policy. */
  public static TaskOptions retry(RetryPolicy policy) {
    return new TaskOptions(policy, null);
  }

  /** The same options with a timeout per attempt. */
  public TaskOptions withTimeout(Duration attemptTimeout) {
    return new TaskOptions(retryPolicy, attemptTimeout);
  }
}
