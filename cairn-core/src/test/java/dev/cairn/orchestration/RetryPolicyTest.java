package dev.cairn.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.failure.FailureDetails;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void delays_growByTheCoefficient_upToTheMaximum() {
    RetryPolicy policy = RetryPolicy.of(10, Duration.ofSeconds(1))
        .withBackoffCoefficient(2)
        .withMaxRetryInterval(Duration.ofSeconds(5));

    assertThat(policy.delayBeforeRetry(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.delayBeforeRetry(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.delayBeforeRetry(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.delayBeforeRetry(4)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void handles_skipsNonRetriableFailures_andAppliesThePredicate() {
    RetryPolicy policy = RetryPolicy.of(3, Duration.ZERO).retryingOnly(f -> f.errorMessage().contains("busy"));

    assertThat(policy.handles(FailureDetails.of("x", "server busy"))).isTrue();
    assertThat(policy.handles(FailureDetails.of("x", "bad input"))).isFalse();
    assertThat(policy.handles(new FailureDetails("x", "busy", "", null, true))).isFalse();
  }

  @Test
  void invalidValues_areRefused() {
    assertThatThrownBy(() -> RetryPolicy.of(0, Duration.ZERO)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetryPolicy.of(2, Duration.ZERO).withBackoffCoefficient(0.5))
        .hasMessageContaining("backoffCoefficient");
  }
}
