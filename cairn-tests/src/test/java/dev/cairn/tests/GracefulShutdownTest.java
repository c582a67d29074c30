package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.activity.ActivityContext;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.history.TaskCompleted;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A graceful stop lets running activities finish and commits their results; nothing runs twice. */
class GracefulShutdownTest extends EngineTestBase {

  @Test
  void close_waitsForRunningActivities_andCommitsTheirResults() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    Cairn first = start(b -> b
        .activity("Slow", (ActivityContext ctx, Void in) -> {
          runs.incrementAndGet();
          started.countDown();
          Thread.sleep(500);
          return "done";
        })
        .orchestration("Job", (OrchestrationContext ctx, Void in) -> {
          String result = ctx.callActivity("Slow", null, String.class).await();
          ctx.waitForExternalEvent("next", Void.class).await();
          return result;
        }));
    String id = first.client().start("Job", null);
    assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();

    stop(first);
    InstanceStatus stopped = statusWithHistory(id);
    assertThat(stopped.history()).filteredOn(e -> e instanceof TaskCompleted).hasSize(1);

    Cairn second = start(b -> b
        .activity("Slow", (ActivityContext ctx, Void in) -> {
          runs.incrementAndGet();
          return "again";
        })
        .orchestration("Job", (OrchestrationContext ctx, Void in) -> {
          String result = ctx.callActivity("Slow", null, String.class).await();
          ctx.waitForExternalEvent("next", Void.class).await();
          return result;
        }));
    second.client().raiseEvent(id, "next", null);
    InstanceStatus status = second.client().waitForCompletion(id, WAIT);

    assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(status.outputAs(String.class)).isEqualTo("done");
    assertThat(runs.get()).isEqualTo(1);
  }

  private InstanceStatus statusWithHistory(String id) {
    Cairn reader = start(b -> b);
    try {
      return reader.client().getStatus(id, true).orElseThrow();
    } finally {
      stop(reader);
    }
  }
}
