package dev.cairn.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FailureDetailsTest {

  @Test
  void from_capturesTypeMessageStackAndCauses() {
    FailureDetails details = FailureDetails.from(new UncheckedIOException("disk", new IOException("sector 7")));

    assertThat(details.errorType()).isEqualTo(UncheckedIOException.class.getName());
    assertThat(details.errorMessage()).isEqualTo("disk");
    assertThat(details.stackTrace()).contains("FailureDetailsTest");
    assertThat(details.cause().errorMessage()).isEqualTo("sector 7");
    assertThat(details.isCausedBy(IOException.class)).isTrue();
    assertThat(details.isCausedBy(IllegalStateException.class)).isFalse();
  }

  @Test
  void hugeMessagesAndDeepCauseChains_areTruncated() {
    Throwable deep = new RuntimeException("x".repeat(100_000));
    for (int i = 0; i < 50; i++) {
      deep = new RuntimeException("level " + i, deep);
    }

    FailureDetails details = FailureDetails.from(deep);

    int depth = 0;
    for (FailureDetails f = details; f != null; f = f.cause()) {
      depth++;
      assertThat(f.errorMessage().length()).isLessThan(FailureDetails.MAX_MESSAGE_CHARS + 100);
    }
    assertThat(depth).isEqualTo(FailureDetails.MAX_CAUSE_DEPTH);
  }

  @Test
  void causeCycles_doNotLoopForever() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);

    assertThat(FailureDetails.from(a).cause().errorMessage()).isEqualTo("b");
  }
}
