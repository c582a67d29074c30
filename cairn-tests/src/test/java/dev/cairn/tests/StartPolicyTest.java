package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.activity.ActivityContext;
import dev.cairn.client.ReusePolicy;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.client.StartOptions;
import dev.cairn.failure.InstanceAlreadyExistsException;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SPEC 8 claim 11: starting an existing id follows the policy atomically, also under 40 concurrent starts. */
class StartPolicyTest extends EngineTestBase {
  private final AtomicInteger executions = new AtomicInteger();

  private Cairn startRuntime() {
    return start(b -> b
        .activity("Count", (ActivityContext ctx, Void in) -> executions.incrementAndGet())
        .orchestration("Once", (OrchestrationContext ctx, Void in) -> {
          ctx.callActivity("Count", null).await();
          return ctx.waitForExternalEvent("finish", String.class).await();
        }));
  }

  private List<Object> startConcurrently(Cairn cairn, String id, ReusePolicy policy) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(40);
    List<Future<Object>> outcomes = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 40; i++) {
        Callable<Object> start = () -> {
          barrier.await();
          try {
            return cairn.client().start("Once", null, StartOptions.withId(id).reusePolicy(policy));
          } catch (InstanceAlreadyExistsException e) {
            return e;
          }
        };
        outcomes.add(threads.submit(start));
      }
    }
    List<Object> results = new ArrayList<>();
    for (Future<Object> outcome : outcomes) {
      results.add(outcome.get());
    }
    return results;
  }

  @Test
  void reject_40ConcurrentStarts_exactlyOneWins() throws Exception {
    Cairn cairn = startRuntime();

    List<Object> results = startConcurrently(cairn, "only-one", ReusePolicy.REJECT);

    assertThat(results).filteredOn(r -> r.equals("only-one")).hasSize(1);
    assertThat(results).filteredOn(r -> r instanceof InstanceAlreadyExistsException).hasSize(39);
    cairn.client().raiseEvent("only-one", "finish", "ok");
    cairn.client().waitForCompletion("only-one", WAIT);
    assertThat(executions.get()).isEqualTo(1);
  }

  @Test
  void returnExisting_40ConcurrentStarts_allGetTheIdAndOneInstanceRuns() throws Exception {
    Cairn cairn = startRuntime();

    List<Object> results = startConcurrently(cairn, "shared", ReusePolicy.RETURN_EXISTING);

    assertThat(results).containsOnly("shared");
    cairn.client().raiseEvent("shared", "finish", "ok");
    cairn.client().waitForCompletion("shared", WAIT);
    assertThat(executions.get()).isEqualTo(1);
  }

  @Test
  void replaceFinished_refusesARunningInstance_andReplacesAFinishedOneOnce() throws Exception {
    Cairn cairn = startRuntime();
    cairn.client().start("Once", null, StartOptions.withId("again"));
    cairn.client().waitForStart("again", WAIT);

    assertThatThrownBy(() -> cairn.client().start("Once", null,
        StartOptions.withId("again").reusePolicy(ReusePolicy.REPLACE_FINISHED)))
        .isInstanceOf(InstanceAlreadyExistsException.class)
        .hasMessageContaining("'again'");

    cairn.client().raiseEvent("again", "finish", "first");
    cairn.client().waitForCompletion("again", WAIT);
    List<Object> results = startConcurrently(cairn, "again", ReusePolicy.REPLACE_FINISHED);

    assertThat(results).filteredOn(r -> r.equals("again")).hasSize(1);
    cairn.client().waitForStart("again", WAIT);
    cairn.client().raiseEvent("again", "finish", "second");
    var status = cairn.client().waitForCompletion("again", WAIT);
    assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(status.output()).isEqualTo("\"second\"");
    assertThat(executions.get()).isEqualTo(2);
  }

  @Test
  void reject_isTheDefault() {
    Cairn cairn = startRuntime();
    cairn.client().start("Once", null, StartOptions.withId("dup"));

    assertThatThrownBy(() -> cairn.client().start("Once", null, StartOptions.withId("dup")))
        .isInstanceOf(InstanceAlreadyExistsException.class)
        .hasMessageContaining("already exists");
  }
}
