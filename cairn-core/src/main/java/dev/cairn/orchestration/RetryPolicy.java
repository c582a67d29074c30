package dev.cairn.orchestration;

import dev.cairn.failure.FailureDetails;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How to retry a failed activity or sub-orchestration. Retries wait on durable timers, so they survive
 * restarts. The n-th retry waits {@code firstRetryInterval * backoffCoefficient^(n-1)}, at most {@code
 * maxRetryInterval}; no retry starts once {@code retryTimeout} has passed since the first attempt. Failures
 * whose type implements {@link dev.cairn.failure.NonRetriableFailure} are never retried.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.of(5, Duration.ofSeconds(1))
 *     .withBackoffCoefficient(2.0)
 *     .withMaxRetryInterval(Duration.ofMinutes(1))
 *     .retryingOnly(f -> f.isCausedBy(IOException.class));
 * }</pre>
 *
 * @param maxAttempts the most attempts, the first included (at least 1)
 * @param firstRetryInterval the wait before the first retry
 * @param backoffCoefficient the factor each further wait grows by (at least 1)
 * @param maxRetryInterval the longest wait, or null for no limit
 * @param retryTimeout how long after the first attempt retries may still start, or null for no limit
 * @param retryIf which failures to retry (must be deterministic), or null for all
 */
public record RetryPolicy(
    int maxAttempts,
    Duration firstRetryInterval,
    double backoffCoefficient,
    Duration maxRetryInterval,
    Duration retryTimeout,
    Predicate<FailureDetails> retryIf) {

  /** Checks the values. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    Objects.requireNonNull(firstRetryInterval, "firstRetryInterval");
    if (firstRetryInterval.isNegative()) {
      throw new IllegalArgumentException("firstRetryInterval must not be negative");
    }
    if (backoffCoefficient < 1.0) {
      throw new IllegalArgumentException("backoffCoefficient must be at least 1.0, got " + backoffCoefficient);
    }
  }

  /** Up to {@code maxAttempts} attempts, waiting {@code firstRetryInterval} between them. */
  public static RetryPolicy of(int maxAttempts, Duration firstRetryInterval) {
    return new RetryPolicy(maxAttempts, firstRetryInterval, 1.0, null, null, null);
  }

  /** The same policy with waits growing by a factor. */
  public RetryPolicy withBackoffCoefficient(double coefficient) {
    return new RetryPolicy(maxAttempts, firstRetryInterval, coefficient, maxRetryInterval, retryTimeout, retryIf);
  }

  /** The same policy with a longest wait. */
  public RetryPolicy withMaxRetryInterval(Duration max) {
    return new RetryPolicy(maxAttempts, firstRetryInterval, backoffCoefficient, max, retryTimeout, retryIf);
  }

  /** The same policy giving up once {@code timeout} has passed since the first attempt. */
  public RetryPolicy withRetryTimeout(Duration timeout) {
    return new RetryPolicy(maxAttempts, firstRetryInterval, backoffCoefficient, maxRetryInterval, timeout, retryIf);
  }

  /** The same policy retrying only failures that match (the predicate must be deterministic). */
  public RetryPolicy retryingOnly(Predicate<FailureDetails> predicate) {
    return new RetryPolicy(maxAttempts, firstRetryInterval, backoffCoefficient, maxRetryInterval, retryTimeout,
        predicate);
  }

  /** The wait before retry number {@code retry} (1 for the first retry). */
  public Duration delayBeforeRetry(int retry) {
    double millis = firstRetryInterval.toMillis() * Math.pow(backoffCoefficient, retry - 1.0);
    Duration delay = Duration.ofMillis((long) Math.min(millis, Long.MAX_VALUE / 2.0));
    return maxRetryInterval != null && delay.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : delay;
  }

  /** Whether a failure may be retried at all under this policy (type and predicate, not counts). */
  public boolean handles(FailureDetails failure) {
    return !failure.nonRetriable() && (retryIf == null || retryIf.test(failure));
  }
}
