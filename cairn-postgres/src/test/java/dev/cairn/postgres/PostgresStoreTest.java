package dev.cairn.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.failure.CommitRejectedException;
import dev.cairn.history.EventRaised;
import dev.cairn.jdbc.JdbcStore;
import dev.cairn.store.Message;
import dev.cairn.store.NewMessage;
import dev.cairn.store.OrchestrationMessage;
import dev.cairn.store.PartitionCommit;
import dev.cairn.store.PartitionLease;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the PostgreSQL store adds to the contract: several stores (as several worker processes would open them) on
 * one database, setting it up at once, fencing each other, sharing message ids, and surviving dropped connections.
 */
class PostgresStoreTest {
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final String schema = TestDatabase.newSchema();
  private final List<JdbcStore> stores = new ArrayList<>();

  @BeforeAll
  static void needsPostgres() {
    TestDatabase.assume();
  }

  @AfterEach
  void closeAndDrop() {
    stores.forEach(JdbcStore::close);
    TestDatabase.drop(schema);
  }

  private JdbcStore open(int partitions) {
    JdbcStore store = PostgresStore.builder(TestDatabase.URL).schema(schema).partitions(partitions)
        .readerConnections(2).build();
    synchronized (stores) {
      stores.add(store);
    }
    return store;
  }

  private static NewMessage event(JdbcStore store, String target, String name) {
    return new NewMessage(store.partitionOf(target), target,
        new OrchestrationMessage(null, new EventRaised(-1, Instant.EPOCH, name, "1")), Instant.EPOCH);
  }

  private static PartitionCommit producing(PartitionLease lease, List<NewMessage> messages) {
    return new PartitionCommit(lease, List.of(), Map.of(), List.of(), List.of(), List.of(), messages, List.of(),
        List.of());
  }

  @Test
  void workersStartingAtOnceOnAnEmptyDatabase_allOpenIt_andAgreeOnThePartitionCount() throws Exception {
    int workers = 4;
    CyclicBarrier barrier = new CyclicBarrier(workers);
    List<CompletableFuture<JdbcStore>> opened = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      int partitions = 8 + i;
      opened.add(CompletableFuture.supplyAsync(() -> {
        try {
          barrier.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return open(partitions);
      }, runnable -> Thread.ofPlatform().start(runnable)));
    }
    Set<Integer> counts = new java.util.HashSet<>();
    for (CompletableFuture<JdbcStore> store : opened) {
      counts.add(store.get().partitionCount());
    }
    assertThat(counts).hasSize(1);
  }

  @Test
  void aWorkerWhoseLeaseWasTakenOver_commitsNothingMore_andNothingOfItsRejectedCommitsIsVisible()
      throws Exception {
    JdbcStore slow = open(4);
    JdbcStore other = open(4);
    String target = "fenced";
    int partition = slow.partitionOf(target);
    PartitionLease stale = slow.acquirePartition(partition, "slow", Duration.ofMillis(200));
    AtomicBoolean takenOver = new AtomicBoolean();
    List<String> acknowledged = new ArrayList<>();
    List<String> rejectedAfterTakeover = new ArrayList<>();
    List<String> acknowledgedLate = new ArrayList<>();
    Thread committer = Thread.ofPlatform().start(() -> {
      for (int i = 0; i < 2_000 && rejectedAfterTakeover.size() < 20; i++) {
        boolean before = takenOver.get();
        String name = "from-slow-" + i;
        try {
          slow.commit(producing(stale, List.of(event(slow, target, name))));
          (before ? acknowledgedLate : acknowledged).add(name);
        } catch (CommitRejectedException e) {
          rejectedAfterTakeover.add(name);
        }
      }
    });
    PartitionLease taken = null;
    while (taken == null) {
      taken = other.acquirePartition(partition, "other", LEASE);
    }
    takenOver.set(true);
    committer.join();

    assertThat(acknowledgedLate).as("commits acknowledged after the takeover").isEmpty();
    assertThat(rejectedAfterTakeover).hasSize(20);
    assertThat(taken.epoch()).isGreaterThan(stale.epoch());
    List<Message> queued = other.fetchMessages(partition, Instant.MAX, 10_000, Set.of()).messages();
    assertThat(queued).extracting(m -> ((EventRaised) ((OrchestrationMessage) m.body()).event()).name())
        .containsExactlyElementsOf(acknowledged);
    other.commit(producing(taken, List.of(event(other, target, "from-other"))));
    assertThatThrownBy(() -> slow.renewPartition(stale, LEASE)).isInstanceOf(CommitRejectedException.class);
  }

  @Test
  void aTakerDoesNotWaitForACommitInFlight_andItsOtherLeasesGoOnMeanwhile() throws Exception {
    JdbcStore frozen = open(4);
    JdbcStore taker = open(4);
    PartitionLease stale = frozen.acquirePartition(0, "frozen", Duration.ofMillis(1));
    PartitionLease own = taker.acquirePartition(1, "taker", LEASE);
    try (java.sql.Connection commit = java.sql.DriverManager.getConnection(TestDatabase.URL)) {
      commit.setAutoCommit(false);
      try (java.sql.Statement fence = commit.createStatement()) {
        fence.executeUpdate("UPDATE " + schema + ".partitions SET epoch = epoch WHERE partition_id = 0");
      }
      Thread.sleep(50);
      long started = System.nanoTime();
      assertThat(taker.acquirePartition(0, "taker", LEASE)).as("the partition whose commit is in flight").isNull();
      assertThat(taker.renewPartition(own, LEASE)).isNotNull();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      commit.rollback();
    }
    PartitionLease taken = taker.acquirePartition(0, "taker", LEASE);
    assertThat(taken).isNotNull();
    assertThat(taken.epoch()).isGreaterThan(stale.epoch());
  }

  @Test
  void messageIds_areUniqueAcrossWorkers_andAlwaysLargerThanEveryIdHandedOutBefore() {
    JdbcStore a = open(4);
    JdbcStore b = open(4);
    long last = 0;
    Set<Long> seen = new java.util.HashSet<>();
    for (int round = 0; round < 50; round++) {
      JdbcStore store = round % 2 == 0 ? a : b;
      long[] ids = store.reserveMessageIds(1 + round % 7);
      assertThat(ids[0]).isGreaterThan(last);
      assertThat(ids).isSorted();
      for (long id : ids) {
        assertThat(seen.add(id)).as("id %d handed out twice", id).isTrue();
      }
      last = ids[ids.length - 1];
    }
    a.sendMessages(List.of(event(a, "x", "assigned")));
    long assigned = a.fetchMessages(a.partitionOf("x"), Instant.MAX, 10, Set.of()).messages().get(0).id();
    assertThat(assigned).isGreaterThan(last);
    assertThat(b.reserveMessageIds(1)[0]).isGreaterThan(assigned);
  }

  @Test
  void aMessageDueWhenWritten_isVisibleToAWorkerWhoseClockIsBehind_andATimerWaitsForItsTime() {
    Instant ahead = Instant.now().plus(Duration.ofMinutes(1));
    JdbcStore fast = PostgresStore.builder(TestDatabase.URL).schema(schema).partitions(4).readerConnections(2)
        .clock(InstantSource.fixed(ahead)).build();
    stores.add(fast);
    JdbcStore behind = open(4);
    String target = "skewed";
    int partition = fast.partitionOf(target);
    NewMessage due = new NewMessage(partition, target,
        new OrchestrationMessage(null, new EventRaised(-1, ahead, "due", "1")), ahead);
    NewMessage timer = new NewMessage(partition, target,
        new OrchestrationMessage(null, new EventRaised(-1, ahead, "timer", "1")), ahead.plusSeconds(30));
    fast.sendMessages(List.of(due, timer));

    var batch = behind.fetchMessages(partition, Instant.now(), 10, Set.of());
    assertThat(batch.messages()).extracting(m -> ((EventRaised) ((OrchestrationMessage) m.body()).event()).name())
        .containsExactly("due");
    assertThat(batch.nextDueAt()).isEqualTo(ahead.plusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
  }

  @Test
  void aStoreWhoseConnectionsTheServerDropped_reconnectsAndGoesOn() {
    JdbcStore store = open(4);
    String target = "reconnect";
    int partition = store.partitionOf(target);
    PartitionLease lease = store.acquirePartition(partition, "w", LEASE);
    store.commit(producing(lease, List.of(event(store, target, "before"))));

    TestDatabase.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        + " WHERE application_name = 'cairn/" + schema + "' AND pid <> pg_backend_pid()");

    assertThatThrownBy(() -> store.commit(producing(lease, List.of(event(store, target, "lost")))))
        .as("the commit on the dropped connection").isNotNull();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
      PartitionLease again = store.acquirePartition(partition, "w", LEASE);
      store.commit(producing(again, List.of(event(store, target, "after"))));
      return true;
    });
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() ->
        store.fetchMessages(partition, Instant.MAX, 10, Set.of()).messages().size() == 2);
  }
}
