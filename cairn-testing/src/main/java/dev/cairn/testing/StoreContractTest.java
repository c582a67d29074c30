package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.EntityQuery;
import dev.cairn.client.InstanceQuery;
import dev.cairn.client.PurgeFilter;
import dev.cairn.client.ReusePolicy;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.CommitRejectedException;
import dev.cairn.failure.InvalidRequestException;
import dev.cairn.history.EventRaised;
import dev.cairn.history.ExecutionStarted;
import dev.cairn.history.HistoryEvent;
import dev.cairn.history.OrchestratorStarted;
import dev.cairn.store.ActivityTask;
import dev.cairn.store.ClusterSnapshot;
import dev.cairn.store.CreateResult;
import dev.cairn.store.EntityRecord;
import dev.cairn.store.EntityWrite;
import dev.cairn.store.InstanceRecord;
import dev.cairn.store.InstanceWrite;
import dev.cairn.store.Message;
import dev.cairn.store.MessageBatch;
import dev.cairn.store.NewMessage;
import dev.cairn.store.OperationRequest;
import dev.cairn.store.OrchestrationMessage;
import dev.cairn.store.ParkedMessage;
import dev.cairn.store.PartitionCommit;
import dev.cairn.store.PartitionLease;
import dev.cairn.store.PartitionState;
import dev.cairn.store.RecordPage;
import dev.cairn.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Store} must keep, as one suite: subclass it for a store, implement {@link
 * #createStore()} (and {@link #reopen} for a durable one), and the store is checked the same way as Cairn's
 * own. Covers atomic commits and their compare-and-swap checks (SPEC 5.1), partition epochs (claim 4), queue
 * order and visibility, the client operations, entities, activity leases and dead letters.
 */
public abstract class StoreContractTest {
  /** A fixed point in time the tests build on. */
  protected static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(1);
  /** A lease that has run out by the time anyone else asks for the partition. */
  private static final Duration EXPIRED = Duration.ZERO;

  private Store store;

  /** A new, empty store. */
  protected abstract Store createStore();

  /**
   * The same store after a restart (for a durable store: closed and opened again), with the partition leases of
   * the process that had it open run out.
   */
  protected Store reopen(Store previous) {
    return previous;
  }

  /** Called after each test closed its store: removes what {@link #createStore()} made (a file, a schema). */
  protected void dispose() {}

  @BeforeEach
  void openStore() {
    store = createStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
    dispose();
  }

  private Store store() {
    return store;
  }

  // ----- fixtures ------------------------------------------------------------------------------------

  private static InstanceRecord row(String id, RuntimeStatus status, Instant created, long version) {
    return new InstanceRecord(id, "Flow", "exec-" + id, status, "\"in\"", null, null, null, null, created, created,
        version);
  }

  private NewMessage event(String target, String name, Instant visibleAt) {
    return new NewMessage(store.partitionOf(target), target,
        new OrchestrationMessage(null, new EventRaised(-1, T0, name, "1")), visibleAt);
  }

  private NewMessage start(String id) {
    return new NewMessage(store.partitionOf(id), id, new OrchestrationMessage(null,
        new ExecutionStarted(-1, T0, "Flow", "exec-" + id, null, null, null)), T0);
  }

  private PartitionLease lease(int partition) {
    return store.acquirePartition(partition, "owner-1", LEASE);
  }

  private static PartitionCommit commit(PartitionLease lease, List<Long> consumed, List<InstanceWrite> instances,
      List<NewMessage> messages) {
    return new PartitionCommit(lease, consumed, Map.of(), List.of(), instances, List.of(), messages, List.of(),
        List.of());
  }

  private static List<HistoryEvent> events(int from, int count) {
    List<HistoryEvent> events = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      events.add(new OrchestratorStarted(i, T0.plusSeconds(i)));
    }
    return events;
  }

  private List<Message> fetchAll(int partition) {
    return store.fetchMessages(partition, Instant.MAX, 10_000, Set.of()).messages();
  }

  private static ActivityTask task(String instance, int taskId, int partition, String owner, Instant leaseEnd) {
    return new ActivityTask(ActivityTask.keyOf(instance, "e", taskId), partition, instance, "e", taskId, "Act", "1",
        1, null, T0, owner, leaseEnd, owner == null ? 0 : 1);
  }

  // ----- partitions and commits ----------------------------------------------------------------------

  @Test
  void partitionOf_isStableAndWithinRange() {
    for (String target : List.of("a", "order-17", "@Account@alice", "")) {
      int partition = store.partitionOf(target);
      assertThat(partition).isBetween(0, store.partitionCount() - 1).isEqualTo(store.partitionOf(target));
    }
  }

  @Test
  void acquirePartition_givesAGrowingEpoch_andACommitUnderAnOldEpochIsRejectedWithNothingVisible() {
    String id = "fenced";
    int partition = store.partitionOf(id);
    store.createInstance(row(id, RuntimeStatus.PENDING, T0, 1), start(id), ReusePolicy.REJECT);
    PartitionLease old = store.acquirePartition(partition, "worker-a", EXPIRED);
    PartitionLease current = store.acquirePartition(partition, "worker-b", LEASE);
    assertThat(current.epoch()).isGreaterThan(old.epoch());
    long messageId = fetchAll(partition).get(0).id();

    InstanceWrite write = new InstanceWrite(row(id, RuntimeStatus.RUNNING, T0, 2), 1, false, events(0, 2));
    assertThatThrownBy(() -> store.commit(commit(old, List.of(messageId), List.of(write),
        List.of(event("elsewhere", "x", T0))))).isInstanceOf(CommitRejectedException.class);

    assertThat(store.getInstance(id).orElseThrow().status()).isEqualTo(RuntimeStatus.PENDING);
    assertThat(store.loadHistory(id)).isEmpty();
    assertThat(fetchAll(partition)).extracting(Message::id).containsExactly(messageId);
    assertThat(fetchAll(store.partitionOf("elsewhere"))).isEmpty();
    store.commit(commit(current, List.of(messageId), List.of(write), List.of()));
    assertThat(store.loadHistory(id)).hasSize(2);
  }

  @Test
  void aLiveLease_refusesAnotherOwner_butItsOwnerMayTakeThePartitionAgain() {
    int partition = store.partitionOf("leased");
    PartitionLease held = store.acquirePartition(partition, "worker-a", LEASE);
    assertThat(held).isNotNull();
    assertThat(store.acquirePartition(partition, "worker-b", LEASE)).isNull();
    store.commit(commit(held, List.of(), List.of(), List.of(event("leased", "still-mine", T0))));

    PartitionLease again = store.acquirePartition(partition, "worker-a", LEASE);
    assertThat(again.epoch()).isGreaterThan(held.epoch());
    assertThatThrownBy(() -> store.commit(commit(held, List.of(), List.of(), List.of())))
        .isInstanceOf(CommitRejectedException.class);
    assertThat(store.renewPartition(again, LEASE).epoch()).isEqualTo(again.epoch());
  }

  @Test
  void anExpiredOrReleasedLease_allowsATakeover_andTheLastOwnerCanNeitherRenewNorCommit() {
    int partition = store.partitionOf("moving");
    PartitionLease expired = store.acquirePartition(partition, "worker-a", EXPIRED);
    PartitionLease taken = store.acquirePartition(partition, "worker-b", LEASE);
    assertThat(taken).isNotNull();
    assertThat(taken.epoch()).isGreaterThan(expired.epoch());
    assertThatThrownBy(() -> store.renewPartition(expired, LEASE)).isInstanceOf(CommitRejectedException.class);
    assertThatThrownBy(() -> store.commit(commit(expired, List.of(), List.of(), List.of(event("moving", "x", T0)))))
        .isInstanceOf(CommitRejectedException.class);
    assertThat(fetchAll(partition)).isEmpty();

    store.releasePartition(taken);
    PartitionLease afterRelease = store.acquirePartition(partition, "worker-c", LEASE);
    assertThat(afterRelease).isNotNull();
    assertThat(afterRelease.epoch()).isGreaterThan(taken.epoch());
    store.releasePartition(taken);
    assertThat(store.acquirePartition(partition, "worker-a", LEASE)).as("a stale release is ignored").isNull();
  }

  @Test
  void ownersAskingForAFreePartitionAtOnce_exactlyOneGetsIt() throws Exception {
    int partition = store.partitionOf("raced");
    int askers = 6;
    CyclicBarrier barrier = new CyclicBarrier(askers);
    List<CompletableFuture<PartitionLease>> answers = new ArrayList<>();
    for (int i = 0; i < askers; i++) {
      String owner = "worker-" + i;
      answers.add(CompletableFuture.supplyAsync(() -> {
        try {
          barrier.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return store.acquirePartition(partition, owner, LEASE);
      }, runnable -> Thread.ofVirtual().start(runnable)));
    }
    List<PartitionLease> granted = new ArrayList<>();
    for (CompletableFuture<PartitionLease> answer : answers) {
      PartitionLease lease = answer.get();
      if (lease != null) {
        granted.add(lease);
      }
    }
    assertThat(granted).hasSize(1);
    store.commit(commit(granted.get(0), List.of(), List.of(), List.of()));
  }

  @Test
  void twoOwnersCommittingTheSameWorkConcurrently_exactlyOneWins() throws Exception {
    String id = "contended";
    int partition = store.partitionOf(id);
    store.createInstance(row(id, RuntimeStatus.PENDING, T0, 1), start(id), ReusePolicy.REJECT);
    long messageId = fetchAll(partition).get(0).id();
    PartitionLease first = store.acquirePartition(partition, "worker-a", EXPIRED);
    CyclicBarrier barrier = new CyclicBarrier(2);
    AtomicInteger wins = new AtomicInteger();
    AtomicInteger rejections = new AtomicInteger();
    List<Thread> owners = new ArrayList<>();
    for (String owner : List.of("worker-a", "worker-b")) {
      owners.add(Thread.ofVirtual().start(() -> {
        try {
          PartitionLease mine = owner.equals("worker-a") ? first : store.acquirePartition(partition, owner, LEASE);
          barrier.await();
          store.commit(commit(mine, List.of(messageId),
              List.of(new InstanceWrite(row(id, RuntimeStatus.RUNNING, T0, 2), 1, false, events(0, 1))),
              List.of(event("out-" + owner, "done", T0))));
          wins.incrementAndGet();
        } catch (CommitRejectedException e) {
          rejections.incrementAndGet();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    for (Thread owner : owners) {
      owner.join();
    }

    assertThat(wins.get()).isEqualTo(1);
    assertThat(rejections.get()).isEqualTo(1);
    assertThat(store.loadHistory(id)).hasSize(1);
    int outputs = fetchAll(store.partitionOf("out-worker-a")).size()
        + (store.partitionOf("out-worker-a") == store.partitionOf("out-worker-b")
            ? 0 : fetchAll(store.partitionOf("out-worker-b")).size());
    assertThat(outputs).isEqualTo(1);
  }

  @Test
  void commit_whosePartsCannotAllApply_appliesNoneOfThem() {
    String id = "atomic";
    int partition = store.partitionOf(id);
    PartitionLease lease = lease(partition);
    store.createInstance(row(id, RuntimeStatus.PENDING, T0, 1), start(id), ReusePolicy.REJECT);
    long existing = fetchAll(partition).get(0).id();
    ActivityTask newTask = task(id, 1, partition, "owner-1", T0.plus(LEASE));
    PartitionCommit doomed = new PartitionCommit(lease, List.of(existing, 999_999_999L), Map.of(), List.of(),
        List.of(new InstanceWrite(row(id, RuntimeStatus.RUNNING, T0, 2), 1, false, events(0, 3))), List.of(),
        List.of(event("side-effect", "x", T0)), List.of(newTask), List.of());

    assertThatThrownBy(() -> store.commit(doomed)).isInstanceOf(CommitRejectedException.class);

    assertThat(store.getInstance(id).orElseThrow().version()).isEqualTo(1);
    assertThat(store.loadHistory(id)).isEmpty();
    assertThat(fetchAll(partition)).extracting(Message::id).contains(existing);
    assertThat(fetchAll(store.partitionOf("side-effect"))).noneMatch(m -> m.target().equals("side-effect"));
    assertThat(store.activityTasks(lease)).isEmpty();
  }

  @Test
  void commit_thatCountsAFailureOfOrParksAMessageNotInTheQueue_isRejected() {
    int partition = store.partitionOf("phantom");

    assertThatThrownBy(() -> store.commit(new PartitionCommit(lease(partition), List.of(),
        Map.of(999_999_998L, "crashed"), List.of(), List.of(), List.of(), List.of(), List.of(), List.of())))
        .isInstanceOf(CommitRejectedException.class).hasMessageContaining("999999998");
    assertThatThrownBy(() -> store.commit(new PartitionCommit(lease(partition), List.of(), Map.of(),
        List.of(new ParkedMessage(999_999_997L, "gave up")), List.of(), List.of(), List.of(), List.of(),
        List.of()))).isInstanceOf(CommitRejectedException.class).hasMessageContaining("999999997");
    assertThat(store.deadLetters(10)).isEmpty();
  }

  @Test
  void commit_basedOnAnOldVersionOrABrokenHistory_isRejected() {
    String id = "versioned";
    int partition = store.partitionOf(id);
    store.commit(commit(lease(partition), List.of(),
        List.of(new InstanceWrite(row(id, RuntimeStatus.RUNNING, T0, 1), 0, false, events(0, 2))), List.of()));

    assertThatThrownBy(() -> store.commit(commit(lease(partition), List.of(),
        List.of(new InstanceWrite(row(id, RuntimeStatus.RUNNING, T0, 1), 0, false, events(0, 1))), List.of())))
        .isInstanceOf(CommitRejectedException.class);
    assertThatThrownBy(() -> store.commit(commit(lease(partition), List.of(),
        List.of(new InstanceWrite(row(id, RuntimeStatus.RUNNING, T0, 3), 2, false, events(2, 1))), List.of())))
        .isInstanceOf(CommitRejectedException.class);
    assertThatThrownBy(() -> store.commit(commit(lease(partition), List.of(),
        List.of(new InstanceWrite(row(id, RuntimeStatus.RUNNING, T0, 2), 1, false, events(5, 1))), List.of())))
        .isInstanceOf(CommitRejectedException.class);

    PartitionLease lease = lease(partition);
    store.commit(commit(lease, List.of(),
        List.of(new InstanceWrite(row(id, RuntimeStatus.RUNNING, T0, 2), 1, false, events(2, 2))), List.of()));
    store.commit(commit(lease, List.of(),
        List.of(new InstanceWrite(row(id, RuntimeStatus.RUNNING, T0, 3), 2, true, events(0, 1))), List.of()));
    assertThat(store.loadHistory(id)).extracting(HistoryEvent::eventId).containsExactly(0);
  }

  @Test
  void commitsInFlight_applyInOrder_andAfterOneFails_laterOnesOfTheLeaseFailToo() {
    String id = "chained";
    int partition = store.partitionOf(id);
    PartitionLease lease = lease(partition);
    List<CompletableFuture<Void>> chain = new ArrayList<>();
    for (int version = 1; version <= 5; version++) {
      chain.add(store.commitAsync(commit(lease, List.of(), List.of(new InstanceWrite(
          row(id, RuntimeStatus.RUNNING, T0, version), version - 1, false, events(2 * (version - 1), 2))),
          List.of())));
    }
    chain.forEach(CompletableFuture::join);
    assertThat(store.getInstance(id).orElseThrow().version()).isEqualTo(5);
    assertThat(store.loadHistory(id)).hasSize(10);

    CompletableFuture<Void> stale = store.commitAsync(commit(lease, List.of(),
        List.of(new InstanceWrite(row(id, RuntimeStatus.RUNNING, T0, 5), 4, false, events(10, 1))), List.of()));
    CompletableFuture<Void> builtOnIt = store.commitAsync(commit(lease, List.of(),
        List.of(new InstanceWrite(row(id, RuntimeStatus.RUNNING, T0, 6), 5, false, events(10, 1))), List.of()));
    assertThatThrownBy(stale::join).hasCauseInstanceOf(CommitRejectedException.class);
    assertThatThrownBy(builtOnIt::join).hasCauseInstanceOf(CommitRejectedException.class);
    assertThat(store.getInstance(id).orElseThrow().version()).isEqualTo(5);

    store.commit(commit(lease(partition), List.of(),
        List.of(new InstanceWrite(row(id, RuntimeStatus.RUNNING, T0, 6), 5, false, events(10, 1))), List.of()));
    assertThat(store.loadHistory(id)).hasSize(11);
  }

  // ----- queues --------------------------------------------------------------------------------------

  @Test
  void reservedMessageIds_areNeverUsedBefore_areKept_andMessagesComeInIdOrder() {
    String target = "reserved";
    int partition = store.partitionOf(target);
    store.sendMessages(List.of(event(target, "assigned-before", T0)));
    long assigned = fetchAll(partition).get(0).id();
    long[] two = store.reserveMessageIds(2);
    long next = store.reserveMessageIds(1)[0];
    assertThat(two).hasSize(2).isSorted().doesNotHaveDuplicates();
    assertThat(two[0]).isGreaterThan(assigned);
    assertThat(next).isGreaterThan(two[1]);

    PartitionLease lease = lease(partition);
    store.commit(commit(lease, List.of(), List.of(), List.of(event(target, "fourth", T0).withId(next))));
    store.commit(commit(lease, List.of(), List.of(), List.of(event(target, "second", T0).withId(two[0]),
        event(target, "third", T0).withId(two[1]))));
    store.sendMessages(List.of(event(target, "assigned-after", T0)));

    List<Message> queued = fetchAll(partition);
    assertThat(queued).extracting(Message::id).startsWith(assigned, two[0], two[1], next).isSorted();
    assertThat(queued.get(4).id()).isGreaterThan(next);
    assertThat(queued).extracting(m -> ((EventRaised) ((OrchestrationMessage) m.body()).event()).name())
        .containsExactly("assigned-before", "second", "third", "fourth", "assigned-after");
  }

  @Test
  void messages_comeInIdOrder_invisibleOnesWait_andTheNextDueTimeIsReported() {
    String target = "queue";
    int partition = store.partitionOf(target);
    store.sendMessages(List.of(event(target, "a", T0), event(target, "later", T0.plusSeconds(60)),
        event(target, "b", T0), event(target, "soon", T0.plusSeconds(10))));

    MessageBatch now = store.fetchMessages(partition, T0, 100, Set.of());
    assertThat(now.messages()).extracting(m -> ((EventRaised) ((OrchestrationMessage) m.body()).event()).name())
        .containsExactly("a", "b");
    assertThat(now.messages().get(0).id()).isLessThan(now.messages().get(1).id());
    assertThat(now.nextDueAt()).isEqualTo(T0.plusSeconds(10));
    MessageBatch later = store.fetchMessages(partition, T0.plusSeconds(30), 100, Set.of(now.messages().get(0).id()));
    assertThat(later.messages()).extracting(m -> ((EventRaised) ((OrchestrationMessage) m.body()).event()).name())
        .containsExactly("b", "soon");
    assertThat(store.fetchMessages(partition, T0, 1, Set.of()).messages()).hasSize(1);
  }

  @Test
  void failedAttempts_areCounted_andParkedMessagesMoveToTheDeadLetters() {
    String target = "poison";
    int partition = store.partitionOf(target);
    PartitionLease lease = lease(partition);
    store.sendMessages(List.of(event(target, "bad", T0), event(target, "worse", T0)));
    List<Message> queued = fetchAll(partition);
    long bad = queued.get(0).id();
    long worse = queued.get(1).id();

    store.commit(new PartitionCommit(lease, List.of(), Map.of(bad, "boom"), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of()));
    store.commit(new PartitionCommit(lease, List.of(), Map.of(bad, "boom again"), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of()));
    assertThat(fetchAll(partition)).filteredOn(m -> m.id() == bad).first()
        .extracting(Message::failedAttempts).isEqualTo(2);
    store.commit(new PartitionCommit(lease, List.of(), Map.of(), List.of(new ParkedMessage(bad, "gave up"),
        new ParkedMessage(worse, "also")), List.of(), List.of(), List.of(), List.of(), List.of()));

    assertThat(fetchAll(partition)).isEmpty();
    assertThat(store.deadLetters(10)).extracting(d -> d.messageId()).containsExactly(worse, bad);
    assertThat(store.deadLetters(10).get(1).attempts()).isEqualTo(3);
    assertThat(store.deadLetters(10).get(1).reason()).isEqualTo("gave up");
    assertThat(store.deadLetters(10).get(1).body()).contains("\"bad\"");
    assertThat(store.deadLetters(1)).hasSize(1);
  }

  // ----- clients -------------------------------------------------------------------------------------

  @Test
  void createInstance_followsTheReusePolicy_atomically() {
    InstanceRecord first = row("dup", RuntimeStatus.PENDING, T0, 1);
    assertThat(store.createInstance(first, start("dup"), ReusePolicy.REJECT).created()).isTrue();

    CreateResult rejected = store.createInstance(row("dup", RuntimeStatus.PENDING, T0.plusSeconds(1), 1),
        start("dup"), ReusePolicy.REJECT);
    assertThat(rejected.created()).isFalse();
    assertThat(rejected.existing().createdAt()).isEqualTo(T0);
    assertThat(store.createInstance(row("dup", RuntimeStatus.PENDING, T0, 1), start("dup"),
        ReusePolicy.REPLACE_FINISHED).created()).isFalse();
    assertThat(fetchAll(store.partitionOf("dup"))).hasSize(1);

    PartitionLease lease = lease(store.partitionOf("dup"));
    store.commit(commit(lease, List.of(),
        List.of(new InstanceWrite(row("dup", RuntimeStatus.COMPLETED, T0, 2), 1, false, events(0, 3))), List.of()));
    CreateResult replaced = store.createInstance(row("dup", RuntimeStatus.PENDING, T0.plusSeconds(5), 1),
        start("dup"), ReusePolicy.REPLACE_FINISHED);

    assertThat(replaced.created()).isTrue();
    assertThat(replaced.existing().status()).isEqualTo(RuntimeStatus.COMPLETED);
    InstanceRecord now = store.getInstance("dup").orElseThrow();
    assertThat(now.status()).isEqualTo(RuntimeStatus.PENDING);
    assertThat(now.version()).isGreaterThan(2);
    assertThat(store.loadHistory("dup")).isEmpty();
  }

  @Test
  void queryInstances_filtersAndPagesStably() {
    for (int i = 0; i < 30; i++) {
      RuntimeStatus status = i % 3 == 0 ? RuntimeStatus.COMPLETED : RuntimeStatus.RUNNING;
      String id = (i % 2 == 0 ? "even-" : "odd-") + String.format("%02d", i);
      InstanceRecord record = row(id, status, T0.plusSeconds(i % 10), 1);
      store.createInstance(record, start(id), ReusePolicy.REJECT);
    }

    Set<String> seen = new HashSet<>();
    String token = null;
    Instant previous = Instant.MIN;
    do {
      RecordPage<InstanceRecord> page = store.queryInstances(InstanceQuery.all().withPageSize(7)
          .withContinuationToken(token));
      for (InstanceRecord record : page.items()) {
        assertThat(seen.add(record.instanceId())).isTrue();
        assertThat(record.createdAt()).isAfterOrEqualTo(previous);
        previous = record.createdAt();
      }
      token = page.continuationToken();
      store.createInstance(row("late-" + seen.size(), RuntimeStatus.RUNNING, T0.minusSeconds(10), 1),
          start("late-" + seen.size()), ReusePolicy.REJECT);
    } while (token != null);
    assertThat(seen).filteredOn(id -> !id.startsWith("late-")).hasSize(30);

    assertThat(store.queryInstances(InstanceQuery.all().withInstanceIdPrefix("even-").withPageSize(100)).items())
        .hasSize(15).allMatch(r -> r.instanceId().startsWith("even-"));
    assertThat(store.queryInstances(InstanceQuery.all().withStatuses(Set.of(RuntimeStatus.COMPLETED))
        .withPageSize(100)).items()).hasSize(10);
    assertThat(store.queryInstances(InstanceQuery.all().withCreatedBetween(T0.plusSeconds(2), T0.plusSeconds(4))
        .withInstanceIdPrefix("odd-").withPageSize(100)).items()).hasSize(3);
    assertThat(store.queryInstances(InstanceQuery.all().withName("Other").withPageSize(100)).items()).isEmpty();
  }

  @Test
  void queryInstances_newestFirst_pagesBackwards_andCountsAreKeptByStatus() {
    for (int i = 0; i < 9; i++) {
      RuntimeStatus status = i < 3 ? RuntimeStatus.PENDING : RuntimeStatus.RUNNING;
      String id = "n-" + i;
      store.createInstance(new InstanceRecord(id, "Flow", "e", status, null, null, null, null, null,
          T0.plusSeconds(i), T0, 1), start(id), ReusePolicy.REJECT);
    }

    List<String> order = new ArrayList<>();
    String token = null;
    do {
      RecordPage<InstanceRecord> page = store.queryInstances(InstanceQuery.all().withNewestFirst().withPageSize(4)
          .withContinuationToken(token));
      page.items().forEach(r -> order.add(r.instanceId()));
      token = page.continuationToken();
    } while (token != null);

    assertThat(order).containsExactly("n-8", "n-7", "n-6", "n-5", "n-4", "n-3", "n-2", "n-1", "n-0");
    assertThat(store.countInstancesByStatus())
        .isEqualTo(Map.of(RuntimeStatus.PENDING, 3L, RuntimeStatus.RUNNING, 6L));
  }

  @Test
  void purge_deletesOnlyFinishedInstancesAndTheirHistories() {
    PartitionLease running = lease(store.partitionOf("running"));
    store.commit(commit(running, List.of(),
        List.of(new InstanceWrite(row("running", RuntimeStatus.RUNNING, T0, 1), 0, false, events(0, 2))), List.of()));
    PartitionLease done = lease(store.partitionOf("done"));
    store.commit(commit(done, List.of(),
        List.of(new InstanceWrite(row("done", RuntimeStatus.COMPLETED, T0, 1), 0, false, events(0, 2))), List.of()));
    PartitionLease failed = lease(store.partitionOf("failed"));
    store.commit(commit(failed, List.of(),
        List.of(new InstanceWrite(row("failed", RuntimeStatus.FAILED, T0, 1), 0, false, events(0, 2))), List.of()));

    assertThatThrownBy(() -> store.purgeInstance("running")).isInstanceOf(InvalidRequestException.class);
    assertThat(store.purgeInstance("done")).isTrue();
    assertThat(store.purgeInstance("done")).isFalse();
    assertThat(store.loadHistory("done")).isEmpty();
    assertThat(store.purgeInstances(new PurgeFilter(null, null, Set.of(RuntimeStatus.FAILED)))).isEqualTo(1);
    assertThat(store.getInstance("failed")).isEmpty();
    assertThat(store.getInstance("running")).isPresent();
    assertThat(store.loadHistory("running")).hasSize(2);
  }

  // ----- entities ------------------------------------------------------------------------------------

  @Test
  void entities_areVersioned_watermarksComeOnlyForTheSendersAskedFor_andEmptyOnesCanBeDeleted() {
    EntityId counter = EntityId.of("Counter", "c1");
    PartitionLease lease = lease(store.partitionOf(counter.toString()));
    EntityRecord v1 = new EntityRecord(counter, 1, "5", null, null, 0, T0);
    store.commit(new PartitionCommit(lease, List.of(), Map.of(), List.of(), List.of(),
        List.of(new EntityWrite(v1, 0, Map.of("c:a", 3L, "c:b", 9L))), List.of(), List.of(), List.of()));
    EntityRecord stale = new EntityRecord(counter, 1, "6", null, null, 0, T0);
    assertThatThrownBy(() -> store.commit(new PartitionCommit(lease, List.of(), Map.of(), List.of(), List.of(),
        List.of(new EntityWrite(stale, 0, Map.of())), List.of(), List.of(), List.of())))
        .isInstanceOf(CommitRejectedException.class);
    PartitionLease current = lease(store.partitionOf(counter.toString()));

    var snapshot = store.loadEntities(Map.of(counter, Set.of("c:a", "c:unknown"),
        EntityId.of("Counter", "never"), Set.of("c:a"))).get(counter);
    assertThat(snapshot.record().state()).isEqualTo("5");
    assertThat(snapshot.senderWatermarks()).isEqualTo(Map.of("c:a", 3L));
    assertThat(store.loadEntities(Map.of(EntityId.of("Counter", "never"), Set.of("c:a")))
        .get(EntityId.of("Counter", "never")).record()).isNull();

    EntityRecord locked = new EntityRecord(counter, 2, null, "holder-1", "{\"lock\":{}}", 2, T0);
    store.commit(new PartitionCommit(current, List.of(), Map.of(), List.of(), List.of(),
        List.of(new EntityWrite(locked, 1, Map.of("c:a", 4L))), List.of(), List.of(), List.of()));
    assertThat(store.lockedEntities()).extracting(EntityRecord::lockedBy).containsExactly("holder-1");
    assertThat(store.deleteEmptyEntities(List.of(store.getEntity(counter).orElseThrow()))).isZero();
    assertThat(store.queryEntities(EntityQuery.all()).items()).isEmpty();
    assertThat(store.queryEntities(EntityQuery.all().includingStateless()).items()).hasSize(1);

    EntityRecord empty = new EntityRecord(counter, 3, null, null, null, 0, T0);
    store.commit(new PartitionCommit(current, List.of(), Map.of(), List.of(), List.of(),
        List.of(new EntityWrite(empty, 2, Map.of())), List.of(), List.of(), List.of()));
    assertThat(store.deleteEmptyEntities(List.of(new EntityRecord(counter, 2, null, null, null, 0, T0)))).isZero();
    assertThat(store.deleteEmptyEntities(List.of(store.getEntity(counter).orElseThrow()))).isEqualTo(1);
    assertThat(store.getEntity(counter)).isEmpty();
    assertThat(store.loadEntities(Map.of(counter, Set.of("c:a"))).get(counter).senderWatermarks()).isEmpty();
  }

  @Test
  void queryEntities_filtersByNameAndKeyPrefix_andPages() {
    for (String name : List.of("Account", "Counter")) {
      for (int i = 0; i < 6; i++) {
        EntityId id = EntityId.of(name, "k" + i);
        PartitionLease lease = lease(store.partitionOf(id.toString()));
        store.commit(new PartitionCommit(lease, List.of(), Map.of(), List.of(), List.of(),
            List.of(new EntityWrite(new EntityRecord(id, 1, String.valueOf(i), null, null, 0, T0), 0, Map.of())),
            List.of(), List.of(), List.of()));
      }
    }

    List<EntityId> seen = new ArrayList<>();
    String token = null;
    do {
      RecordPage<EntityRecord> page = store.queryEntities(
          EntityQuery.named("Counter").withPageSize(4).withContinuationToken(token));
      page.items().forEach(e -> seen.add(e.id()));
      token = page.continuationToken();
    } while (token != null);
    assertThat(seen).hasSize(6).isSorted().allMatch(id -> id.name().equals("Counter"));
    assertThat(store.queryEntities(EntityQuery.named("Account").withKeyPrefix("k1")).items()).hasSize(1);
    assertThat(store.queryEntities(EntityQuery.all().withPageSize(100)).items()).hasSize(12);
  }

  // ----- activities ----------------------------------------------------------------------------------

  @Test
  void activityTasks_stayWithTheirWorker_areClaimedOnceWhenNobodyHoldsThem_renewed_completedOnce_andAbandoned() {
    String instance = "with-tasks";
    int partition = store.partitionOf(instance);
    PartitionLease first = store.acquirePartition(partition, "worker-a", EXPIRED);
    Instant leaseEnd = T0.plus(LEASE);
    store.commit(new PartitionCommit(first, List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(task(instance, 1, partition, "worker-a", leaseEnd), task(instance, 2, partition, null, null),
            task(instance, 3, partition, "worker-a", leaseEnd)), List.of()));
    assertThat(store.activityTasks(first)).extracting(ActivityTask::taskId).containsExactlyInAnyOrder(1, 3);
    String key1 = ActivityTask.keyOf(instance, "e", 1);
    String key2 = ActivityTask.keyOf(instance, "e", 2);

    PartitionLease second = store.acquirePartition(partition, "worker-b", LEASE);
    assertThat(store.activityTasks(second)).as("a new owner leaves other workers' tasks with them").isEmpty();

    List<ActivityTask> claimed = store.claimActivityTasks("worker-c", 10, LEASE);
    assertThat(claimed).extracting(ActivityTask::taskKey).containsExactly(key2);
    assertThat(claimed.get(0).leaseOwner()).isEqualTo("worker-c");
    assertThat(claimed.get(0).dispatchCount()).isEqualTo(1);
    assertThat(store.claimActivityTasks("worker-d", 10, LEASE)).isEmpty();

    assertThat(store.renewActivityTasks("worker-a", List.of(key1, key2, "no/such/task"), LEASE))
        .containsExactly(key1);
    assertThat(store.renewActivityTasks("worker-c", List.of(key2), EXPIRED)).containsExactly(key2);
    assertThat(store.claimActivityTasks("worker-d", 10, LEASE)).as("a lease that ran out")
        .extracting(ActivityTask::taskKey).containsExactly(key2);

    NewMessage result = event(instance, "result", T0);
    assertThat(store.completeActivityTask(key1, result)).isTrue();
    assertThat(store.completeActivityTask(key1, result)).isFalse();
    assertThat(fetchAll(partition)).hasSize(1);

    store.abandonActivityTasks("worker-a");
    assertThat(store.claimActivityTasks("worker-e", 10, LEASE)).as("given up by a worker that stopped")
        .extracting(ActivityTask::taskId).containsExactly(3);

    store.commit(new PartitionCommit(second, List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(key2, ActivityTask.keyOf(instance, "e", 3))));
    assertThat(store.claimActivityTasks("worker-f", 10, LEASE)).isEmpty();
    assertThat(store.renewActivityTasks("worker-e", List.of(ActivityTask.keyOf(instance, "e", 3)), LEASE)).isEmpty();
  }

  @Test
  void workersClaimingAtOnce_eachGetOtherTasks_andTogetherAllOfThem() throws Exception {
    String instance = "many-tasks";
    int partition = store.partitionOf(instance);
    PartitionLease lease = store.acquirePartition(partition, "scheduler", LEASE);
    List<ActivityTask> tasks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      tasks.add(task(instance, i, partition, null, null));
    }
    store.commit(new PartitionCommit(lease, List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(),
        tasks, List.of()));

    List<Future<List<Integer>>> claims = new ArrayList<>();
    try (ExecutorService workers = Executors.newFixedThreadPool(4)) {
      for (int w = 0; w < 4; w++) {
        String worker = "worker-" + w;
        claims.add(workers.submit(() -> {
          List<Integer> mine = new ArrayList<>();
          List<ActivityTask> got;
          while (!(got = store.claimActivityTasks(worker, 7, LEASE)).isEmpty()) {
            got.forEach(t -> mine.add(t.taskId()));
          }
          return mine;
        }));
      }
    }
    List<Integer> all = new ArrayList<>();
    for (Future<List<Integer>> claim : claims) {
      all.addAll(claim.get());
    }
    assertThat(all).hasSize(200).doesNotHaveDuplicates();
  }

  @Test
  void heartbeats_listTheLiveWorkersSorted_andAWorkerThatLeftOrWentSilentIsNotLive() throws Exception {
    assertThat(store.heartbeat("worker-b", LEASE)).containsExactly("worker-b");
    assertThat(store.heartbeat("worker-a", LEASE)).containsExactly("worker-a", "worker-b");
    store.leave("worker-b");
    assertThat(store.heartbeat("worker-a", LEASE)).containsExactly("worker-a");

    store.heartbeat("worker-c", LEASE);
    Thread.sleep(60);
    assertThat(store.heartbeat("worker-d", Duration.ofMillis(30))).containsExactly("worker-d");
    assertThat(store.cluster().workers()).containsKeys("worker-a", "worker-c", "worker-d")
        .doesNotContainKey("worker-b");
  }

  // ----- the cluster view ----------------------------------------------------------------------------

  @Test
  void cluster_showsEachPartitionsOwnerEpochAndBacklog_andTheActivityTasksWaiting() {
    String id = "watched";
    int partition = store.partitionOf(id);
    PartitionLease lease = store.acquirePartition(partition, "worker-a", LEASE);
    store.sendMessages(List.of(event(id, "one", T0), event(id, "two", T0.plusSeconds(3600))));
    store.commit(new PartitionCommit(lease, List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(task(id, 1, partition, "worker-a", T0.plus(LEASE)), task(id, 2, partition, null, null)), List.of()));

    ClusterSnapshot cluster = store.cluster();
    assertThat(cluster.partitions()).hasSize(store.partitionCount())
        .extracting(PartitionState::partition).isSorted().doesNotHaveDuplicates();
    PartitionState state = cluster.partitions().get(partition);
    assertThat(state.owner()).isEqualTo("worker-a");
    assertThat(state.epoch()).isEqualTo(lease.epoch());
    assertThat(state.leaseLiveAt(cluster.now())).isTrue();
    assertThat(state.backlog()).isEqualTo(2);
    assertThat(cluster.partitions()).filteredOn(p -> p.partition() != partition)
        .allMatch(p -> p.backlog() == 0 && !p.leaseLiveAt(cluster.now()));
    assertThat(cluster.activitiesByName()).containsExactly(Map.entry("Act", 2L));
    assertThat(cluster.activitiesByWorker()).containsExactly(Map.entry("worker-a", 1L));

    store.releasePartition(lease);
    assertThat(store.cluster().partitions().get(partition).leaseLiveAt(store.cluster().now())).isFalse();
  }

  // ----- durability ----------------------------------------------------------------------------------

  @Test
  void everythingCommitted_isThereAfterAReopen() {
    String id = "durable";
    int partition = store.partitionOf(id);
    PartitionLease lease = lease(partition);
    store.createInstance(row(id, RuntimeStatus.PENDING, T0, 1), start(id), ReusePolicy.REJECT);
    long startMessage = fetchAll(partition).get(0).id();
    store.commit(new PartitionCommit(lease, List.of(startMessage), Map.of(), List.of(),
        List.of(new InstanceWrite(row(id, RuntimeStatus.RUNNING, T0, 2), 1, false, events(0, 4))),
        List.of(new EntityWrite(new EntityRecord(EntityId.of("Counter", "d"), 1, "7", null, null, 0, T0), 0,
            Map.of("o:" + id, 3L))),
        List.of(new NewMessage(store.partitionOf("@Counter@d"), "@Counter@d",
            new OperationRequest("r1", "o:" + id, 4, "add", "1", null, null, null), T0)),
        List.of(task(id, 9, partition, null, null)), List.of()));

    store = reopen(store);

    assertThat(store.getInstance(id).orElseThrow().status()).isEqualTo(RuntimeStatus.RUNNING);
    assertThat(store.loadHistory(id)).hasSize(4);
    assertThat(store.getEntity(EntityId.of("Counter", "d")).orElseThrow().state()).isEqualTo("7");
    assertThat(fetchAll(store.partitionOf("@Counter@d"))).extracting(Message::body)
        .contains(new OperationRequest("r1", "o:" + id, 4, "add", "1", null, null, null));
    PartitionLease again = store.acquirePartition(partition, "owner-2", LEASE);
    assertThat(again.epoch()).isGreaterThan(lease.epoch());
    assertThat(store.claimActivityTasks("owner-2", 10, LEASE)).extracting(ActivityTask::taskId).containsExactly(9);
  }
}
