package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.StartOptions;
import dev.cairn.entity.EntityId;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.NewMessage;
import dev.cairn.store.PartitionCommit;
import dev.cairn.store.Store;
import dev.cairn.testing.ForwardingStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's first race made deterministic: the producer of an entity signal is held right after its commit
 * reached the store, while the entity's partition fetches the signal from the store, for as long as it takes that
 * partition to commit the signal's consumption, or 2.5 s (a partition that rightly waits to take the signal from
 * memory, once the commit is submitted, consumes it only after the hold). The signal must not be processed twice:
 * no commit may be rejected for a message consumed twice, and the signal applies once.
 */
class LateHandoverTest extends EngineTestBase {
  private static final EntityId COUNTER = EntityId.of("Counter", "late");

  /** Holds the commit that adds the first signal to the counter until that signal is consumed. */
  private static final class HoldingStore extends ForwardingStore {
    private final AtomicLong watched = new AtomicLong(-1);
    private final CountDownLatch consumed = new CountDownLatch(1);
    private final AtomicInteger rejected = new AtomicInteger();

    HoldingStore(Store delegate) {
      super(delegate);
    }

    @Override
    public CompletableFuture<Void> commitAsync(PartitionCommit commit) {
      NewMessage signal = commit.newMessages().stream()
          .filter(message -> message.target().equals(COUNTER.toString())).findFirst().orElse(null);
      boolean hold = signal != null && watched.compareAndSet(-1, signal.id());
      boolean consumes = commit.consumedMessages().contains(watched.get());
      CompletableFuture<Void> done = super.commitAsync(commit).whenComplete((ignored, error) -> {
        if (error != null) {
          rejected.incrementAndGet();
        } else if (consumes) {
          consumed.countDown();
        }
      });
      if (hold) {
        try {
          consumed.await(2_500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return done;
    }
  }

  @Test
  void aSignalFetchedFromTheStoreBeforeItsHandover_isProcessedOnce_andNoCommitIsRejected() {
    HoldingStore holding = new HoldingStore(store());
    String sender = instanceOnAnotherPartition("late-sender", COUNTER.toString());
    Cairn cairn = start(b -> b.store(holding)
        .entity("Counter", ctx -> {
          ctx.setState(ctx.getState(Integer.class, 0) + 1);
          return null;
        })
        .orchestration("Signal", (OrchestrationContext ctx, Void in) -> {
          ctx.signalEntity(COUNTER, "add", null);
          return null;
        }));

    cairn.client().start("Signal", null, StartOptions.withId(sender));
    cairn.client().waitForCompletion(sender, WAIT);
    Awaitility.await().atMost(WAIT).until(() -> cairn.client().getEntity(COUNTER).isPresent());
    // A second consumption would be rejected moments after the first: no rejection for half a second.
    Awaitility.await("no commit rejected (one would be: a message consumed twice)").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
        .until(() -> holding.rejected.get() == 0);

    assertThat(cairn.client().getEntity(COUNTER).orElseThrow().stateAs(Integer.class)).isEqualTo(1);
  }

}
