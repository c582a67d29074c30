package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.InstanceStatus;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SPEC 8 claim 6: messages that arrive while an episode runs are kept and processed next. */
class MessagesDuringEpisodeTest extends EngineTestBase {

  @Test
  void eventsRaisedWhileAnEpisodeRuns_areKeptAndProcessedInTheNextEpisode() throws Exception {
    CountDownLatch episodeRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Cairn cairn = start(b -> b.orchestration("Collector", (OrchestrationContext ctx, Void in) -> {
      ctx.waitForExternalEvent("go", String.class).await();
      if (!ctx.isReplaying()) {
        episodeRunning.countDown();
        // Stand in for slow orchestration code: the episode stays open while the test raises events.
        release.await(10, TimeUnit.SECONDS);
      }
      String a = ctx.waitForExternalEvent("item", String.class).await();
      String b2 = ctx.waitForExternalEvent("item", String.class).await();
      String c = ctx.waitForExternalEvent("item", String.class).await();
      return List.of(a, b2, c);
    }));
    String id = cairn.client().start("Collector", null);

    cairn.client().raiseEvent(id, "go", "now");
    assertThat(episodeRunning.await(10, TimeUnit.SECONDS)).isTrue();
    cairn.client().raiseEvent(id, "item", "first");
    cairn.client().raiseEvent(id, "item", "second");
    cairn.client().raiseEvent(id, "item", "third");
    release.countDown();
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.output()).isEqualTo("[\"first\",\"second\",\"third\"]");
  }
}
