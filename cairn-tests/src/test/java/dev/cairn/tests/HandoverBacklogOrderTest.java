package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.StartOptions;
import dev.cairn.entity.EntityContext;
import dev.cairn.entity.EntityId;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.MessageBatch;
import dev.cairn.store.PartitionCommit;
import dev.cairn.store.Store;
import dev.cairn.testing.ForwardingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The second race of issue 9 made deterministic. An entity's partition has more of a sender's signals waiting in
 * memory than one batch takes, and a fetch from the store that began before the sender's next commit was announced
 * reads the store after that commit: the fetch brings the sender's later signals while earlier ones still wait in
 * memory. Processed together, the later signals would overtake the earlier ones, which the entity then drops as
 * duplicates (their sequence numbers are below the sender's watermark): lost operations, with no crash at all.
 */
class HandoverBacklogOrderTest extends EngineTestBase {
  private static final EntityId RECORDER = EntityId.of("Recorder", "backlog");
  private static final int BATCH = 10;
  private static final int PER_STEP = 3 * BATCH;
  private static final long STEP_TIMEOUT_SECONDS = 10;

  /**
   * Lets the test see when the sender's commits are stored, and holds the entity partition's next fetch, once
   * armed, until the sender's second commit is in the store.
   */
  private static final class GatedStore extends ForwardingStore {
    private final int senderPartition;
    private final int entityPartition;
    private final AtomicInteger senderCommits = new AtomicInteger();
    private final CountDownLatch firstStored = new CountDownLatch(1);
    private final CountDownLatch secondStored = new CountDownLatch(1);
    private final AtomicBoolean armed = new AtomicBoolean();
    private final CountDownLatch fetchHeld = new CountDownLatch(1);

    GatedStore(Store delegate, int senderPartition, int entityPartition) {
      super(delegate);
      this.senderPartition = senderPartition;
      this.entityPartition = entityPartition;
    }

    @Override
    public CompletableFuture<Void> commitAsync(PartitionCommit commit) {
      boolean signals = commit.lease().partition() == senderPartition
          && commit.newMessages().stream().anyMatch(message -> message.target().equals(RECORDER.toString()));
      return super.commitAsync(commit).whenComplete((ignored, error) -> {
        if (signals && error == null) {
          int stored = senderCommits.incrementAndGet();
          (stored == 1 ? firstStored : secondStored).countDown();
        }
      });
    }

    @Override
    public MessageBatch fetchMessages(int partition, Instant now, int max, Set<Long> exclude) {
      if (partition == entityPartition && armed.compareAndSet(true, false)) {
        fetchHeld.countDown();
        try {
          // Not more than this: if the second commit never comes, the test fails on what the entity applied.
          secondStored.await(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return super.fetchMessages(partition, now, max, exclude);
    }
  }

  private final CountDownLatch holding = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  private Object recorder(EntityContext ctx) {
    List<Integer> applied = new ArrayList<>(List.of(ctx.getState(Integer[].class, new Integer[0])));
    switch (ctx.operation()) {
      case "hold" -> {
        holding.countDown();
        await(release, "the test to release the entity");
      }
      case "number" -> applied.add(ctx.getInput(Integer.class));
      default -> { }
    }
    ctx.setState(applied.toArray(Integer[]::new));
    return null;
  }

  @Test
  void laterSignalsFetchedFromTheStore_neverOvertakeEarlierOnesWaitingInMemory() {
    // A clock that stands still: the held fetch reads the store as of a time when the later signals are visible.
    useManualClock();
    int entityPartition = store().partitionOf(RECORDER.toString());
    String sender = instanceOnAnotherPartition("backlog-sender", RECORDER.toString());
    GatedStore gated = new GatedStore(store(), store().partitionOf(sender), entityPartition);
    Cairn cairn = start(b -> b.store(gated).batchSize(BATCH)
        .entity("Recorder", this::recorder)
        .orchestration("Sender", (OrchestrationContext ctx, Void in) -> {
          for (int i = 1; i <= PER_STEP; i++) {
            ctx.signalEntity(RECORDER, "number", i);
          }
          ctx.waitForExternalEvent("go", Void.class).await();
          for (int i = PER_STEP + 1; i <= 2 * PER_STEP; i++) {
            ctx.signalEntity(RECORDER, "number", i);
          }
          return null;
        }));

    // The entity's partition is busy while the sender's first signals are handed to it.
    cairn.client().signalEntity(RECORDER, "hold", null);
    await(holding, "the entity to hold its partition");
    cairn.client().start("Sender", null, StartOptions.withId(sender));
    await(gated.firstStored, "the sender's first commit to be stored");
    // A client signal makes the partition read the store next; that fetch is held until the second commit is in.
    cairn.client().signalEntity(RECORDER, "nudge", null);
    gated.armed.set(true);
    release.countDown();
    await(gated.fetchHeld, "the entity's partition to fetch");
    cairn.client().raiseEvent(sender, "go", null);

    Integer[] applied = Awaitility.await().atMost(WAIT)
        .until(() -> cairn.client().getEntity(RECORDER).map(e -> e.stateAs(Integer[].class)).orElse(null),
            numbers -> numbers != null && List.of(numbers).contains(2 * PER_STEP));
    List<Integer> expected = new ArrayList<>();
    for (int i = 1; i <= 2 * PER_STEP; i++) {
      expected.add(i);
    }
    assertThat(applied).as("the numbers the entity applied, in order").containsExactlyElementsOf(expected);
  }

  private static void await(CountDownLatch latch, String what) {
    try {
      if (!latch.await(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("Timed out waiting for " + what);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for " + what, e);
    }
  }
}
