package dev.cairn.jdbc;

import dev.cairn.client.DeadLetter;
import dev.cairn.client.EntityQuery;
import dev.cairn.client.InstanceQuery;
import dev.cairn.client.PurgeFilter;
import dev.cairn.client.ReusePolicy;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.InvalidRequestException;
import dev.cairn.failure.StoreException;
import dev.cairn.history.HistoryEvent;
import dev.cairn.store.ActivityTask;
import dev.cairn.store.ClusterSnapshot;
import dev.cairn.store.CommitChains;
import dev.cairn.store.CreateResult;
import dev.cairn.store.EntityRecord;
import dev.cairn.store.EntitySnapshot;
import dev.cairn.store.InstanceRecord;
import dev.cairn.store.MessageBatch;
import dev.cairn.store.NewMessage;
import dev.cairn.store.ParkedMessage;
import dev.cairn.store.PartitionCommit;
import dev.cairn.store.PartitionLease;
import dev.cairn.store.RecordPage;
import dev.cairn.store.Store;
import dev.cairn.store.StoreHints;
import dev.cairn.store.StoreListener;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Store} on a SQL database through JDBC, the same SQL for every database, with a {@link Dialect} for
 * what differs. Writes go through group committers, so that concurrent writes share a transaction and a durable
 * flush: one for an embedded database, several on their own connections for a database server
 * ({@link Dialect#writerConnections}), each serving a fixed share of the partitions, so that commits of different
 * partitions run in parallel. Every write of a partition goes to that partition's writer, in the order submitted.
 * Reads use separate connections and never wait for writes.
 */
public final class JdbcStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

  private final Dialect dialect;
  private final JdbcStoreOptions options;
  private final LeaseClock leaseClock;
  private final int partitionCount;
  /** The writers; partition {@code p}'s writes go to {@code writers[p % writers.length]}. */
  private final GroupCommitter[] writers;
  private final CommitChains chains = new CommitChains();
  private final MessageIds messageIds;
  private final ReaderPool readers;
  private final StoreHints hints = new StoreHints();
  /** Carries hints between processes; null when this process owns the store and hands them out itself. */
  private final HintChannel channel;
  private final LeaseWriter leases;
  private volatile boolean closed;

  private JdbcStore(Dialect dialect, JdbcStoreOptions options) throws SQLException {
    this.dialect = dialect;
    this.options = options;
    Sql writer = new Sql(dialect.openWriter());
    writer.connection().setAutoCommit(false);
    Migrations.apply(writer.connection(), dialect);
    this.partitionCount = settlePartitionCount(writer, options.partitionCount());
    PartitionTable.ensure(writer, partitionCount);
    this.leaseClock = new LeaseClock(dialect.clockQuery(), options.clock());
    leaseClock.now(writer);
    if (dialect.singleProcess()) {
      PartitionTable.releaseAll(writer);
      WorkerTable.clear(writer);
      ActivityTable.abandonAll(writer);
    }
    EntityTable.pruneSenders(writer, options.clock().instant().minus(options.deduplicationWindow()));
    this.messageIds = dialect.messageIdsQuery() != null
        ? MessageIds.inDatabase(dialect.messageIdsQuery())
        : MessageIds.counted(
            Math.max(MessageTable.highestId(writer), dialect.highestAssignedMessageId(writer.connection())));
    writer.connection().commit();
    this.readers = new ReaderPool(dialect);
    this.channel = dialect.openHintChannel(hint -> hints.deliver(List.of(hint)));
    GroupCommitter.Hints published = new GroupCommitter.Hints() {
      @Override
      public void beforeCommit(Sql sql, Set<String> given) throws SQLException {
        if (channel != null) {
          channel.publish(sql.connection(), given);
        }
      }

      @Override
      public void afterCommit(Set<String> given) {
        if (channel == null) {
          hints.deliver(given);
        }
      }
    };
    this.writers = new GroupCommitter[Math.max(1, dialect.writerConnections())];
    writers[0] = new GroupCommitter(writer, dialect, published, 0);
    try {
      for (int i = 1; i < writers.length; i++) {
        writers[i] = new GroupCommitter(GroupCommitter.connect(dialect), dialect, published, i);
      }
    } catch (SQLException | RuntimeException e) {
      closeWriters();
      readers.close();
      if (channel != null) {
        channel.close();
      }
      throw e;
    }
    this.leases = new LeaseWriter(dialect, writers[0], channel);
  }

  /**
   * Opens a store: connects, brings the schema up to date, and starts the writer.
   *
   * @throws StoreException when the database cannot be opened or its schema is newer than this Cairn
   */
  public static JdbcStore open(Dialect dialect, JdbcStoreOptions options) {
    try {
      return new JdbcStore(dialect, options);
    } catch (SQLException e) {
      dialect.close();
      throw new StoreException("Cannot open the " + dialect.name() + " store: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      dialect.close();
      throw e;
    }
  }

  /**
   * The partition count: the one stored when the database was set up, else the requested one, stored now (two
   * processes setting up one database at once agree on the first one stored).
   */
  private static int settlePartitionCount(Sql writer, int requested) throws SQLException {
    PreparedStatement insert = writer.prepare(
        "INSERT INTO cairn_settings (name, value) VALUES ('partitions', ?) ON CONFLICT (name) DO NOTHING");
    insert.setString(1, String.valueOf(requested));
    insert.executeUpdate();
    PreparedStatement select = writer.prepare("SELECT value FROM cairn_settings WHERE name = 'partitions'");
    try (ResultSet rows = select.executeQuery()) {
      rows.next();
      int stored = Integer.parseInt(rows.getString(1));
      if (stored != requested) {
        LOG.info("The store has {} partitions (fixed when it was created); {} were asked for", stored, requested);
      }
      return stored;
    }
  }

  @Override
  public int partitionCount() {
    return partitionCount;
  }

  private Instant now() {
    return options.clock().instant();
  }

  /** The writer of a partition's writes. */
  private GroupCommitter writerOf(int partition) {
    return writers[Math.floorMod(partition, writers.length)];
  }

  /** The writer of writes that belong to no partition, or to several (activity leases, purges). */
  private GroupCommitter anyWriter() {
    return writers[0];
  }

  @Override
  public boolean commitsInOrder(int partition, int other) {
    return writerOf(partition) == writerOf(other);
  }

  // ----- partitions ----------------------------------------------------------------------------------

  @Override
  public PartitionLease acquirePartition(int partition, String owner, Duration leaseDuration) {
    return leases.write(sql -> {
      Instant now = leaseClock.now(sql);
      return PartitionTable.acquire(sql, partition, owner, now, now.plus(leaseDuration), dialect.skipLocked());
    });
  }

  @Override
  public PartitionLease renewPartition(PartitionLease lease, Duration leaseDuration) {
    return leases.write(sql -> PartitionTable.renew(sql, lease, leaseClock.now(sql).plus(leaseDuration)));
  }

  @Override
  public List<String> heartbeat(String worker, Duration ttl) {
    return leases.write(sql -> {
      Instant now = leaseClock.now(sql);
      return WorkerTable.beat(sql, worker, now, now.minus(ttl), now.minus(ttl.multipliedBy(10)));
    });
  }

  @Override
  public void leave(String worker) {
    leases.write(sql -> {
      WorkerTable.leave(sql, worker);
      return null;
    });
  }

  @Override
  public void releasePartition(PartitionLease lease) {
    leases.write(sql -> {
      PartitionTable.release(sql, lease);
      sql.hint(StoreHints.released(lease.partition()));
      return null;
    });
  }

  // ----- partition work ------------------------------------------------------------------------------

  @Override
  public MessageBatch fetchMessages(int partition, Instant now, int max, Set<Long> exclude) {
    return readers.read(sql -> MessageTable.fetch(sql, partition, now, max, exclude));
  }

  @Override
  public long[] reserveMessageIds(int count) {
    if (messageIds.fromDatabase()) {
      return readers.read(sql -> messageIds.next(sql, count));
    }
    return messageIds.counted(count);
  }

  @Override
  public Map<String, InstanceRecord> loadInstances(Collection<String> instanceIds) {
    return readers.read(sql -> InstanceTable.getMany(sql, instanceIds, dialect));
  }

  @Override
  public List<HistoryEvent> loadHistory(String instanceId) {
    return readers.read(sql -> InstanceTable.loadHistory(sql, instanceId));
  }

  @Override
  public Map<EntityId, EntitySnapshot> loadEntities(Map<EntityId, Set<String>> sendersByEntity) {
    return readers.read(sql -> EntityTable.load(sql, sendersByEntity));
  }

  @Override
  public CompletableFuture<Void> commitAsync(PartitionCommit commit) {
    Encoded.Commit encoded = Encoded.Commit.of(commit, now());
    return writerOf(commit.lease().partition()).submit(sql -> {
      chains.requireUnbroken(commit.lease());
      try {
        apply(sql, encoded);
      } catch (SQLException | RuntimeException e) {
        if (!sql.trial()) {
          chains.broken(commit.lease());
        }
        throw e;
      }
      return null;
    }, error -> chains.broken(commit.lease()));
  }

  private void apply(Sql sql, Encoded.Commit encoded) throws SQLException {
    PartitionCommit commit = encoded.commit();
    int partition = commit.lease().partition();
    Instant now = now();
    PartitionTable.requireCurrent(sql, commit.lease());
    MessageTable.consume(sql, commit.consumedMessages(), partition);
    for (Map.Entry<Long, String> failed : commit.failedMessages().entrySet()) {
      MessageTable.countFailure(sql, failed.getKey(), failed.getValue(), partition);
    }
    for (ParkedMessage parked : commit.parkedMessages()) {
      MessageTable.park(sql, parked.messageId(), parked.reason(), now, partition);
    }
    InstanceTable.writeAll(sql, encoded.instances());
    EntityTable.writeAll(sql, commit.entityWrites(), id -> partitionOf(id.toString()), now);
    MessageTable.insert(sql, encoded.messages(), messageIds);
    ActivityTable.delete(sql, commit.finishedActivityTasks());
    Instant leaseNow = leaseClock.estimate();
    ActivityTable.insert(sql, commit.newActivityTasks().stream().map(task -> task.leaseFrom(leaseNow)).toList());
    sql.hint(StoreHints.of(commit));
  }

  // ----- activities ----------------------------------------------------------------------------------

  @Override
  public List<ActivityTask> activityTasks(PartitionLease lease) {
    return readers.read(sql -> ActivityTable.ofOwner(sql, lease.partition(), lease.owner()));
  }

  @Override
  public List<ActivityTask> claimActivityTasks(String worker, int max, Duration leaseDuration) {
    return anyWriter().write(sql -> {
      Instant now = leaseClock.estimate();
      return ActivityTable.claim(sql, worker, now, now.plus(leaseDuration), max, dialect.skipLocked());
    });
  }

  @Override
  public Set<String> renewActivityTasks(String worker, Collection<String> taskKeys, Duration leaseDuration) {
    return anyWriter().write(sql -> ActivityTable.renew(sql, worker, taskKeys,
        leaseClock.estimate().plus(leaseDuration), dialect.skipLocked()));
  }

  @Override
  public boolean completeActivityTask(String taskKey, NewMessage result) {
    List<Encoded.Message> message = Encoded.Message.of(List.of(result), now());
    return writerOf(result.partition()).write(sql -> {
      if (ActivityTable.delete(sql, List.of(taskKey)) == 0) {
        return false;
      }
      MessageTable.insert(sql, message, messageIds);
      sql.hint(StoreHints.partition(result.partition()));
      return true;
    });
  }

  @Override
  public void abandonActivityTasks(String worker) {
    anyWriter().write(sql -> {
      ActivityTable.abandon(sql, worker, dialect.skipLocked());
      sql.hint(StoreHints.activityTasks());
      return null;
    });
  }

  // ----- clients -------------------------------------------------------------------------------------

  @Override
  public CreateResult createInstance(InstanceRecord record, NewMessage start, ReusePolicy policy) {
    Encoded.Row row = Encoded.Row.of(record);
    List<Encoded.Message> message = Encoded.Message.of(List.of(start), now());
    return writerOf(start.partition()).write(sql -> {
      Optional<InstanceRecord> existing = InstanceTable.get(sql, record.instanceId());
      if (existing.isEmpty()) {
        if (!InstanceTable.insert(sql, row, 0)) {
          throw new StoreException("Instance '" + record.instanceId() + "' appeared while being created.");
        }
        InstanceTable.deleteHistory(sql, record.instanceId());
      } else if (policy == ReusePolicy.REPLACE_FINISHED && existing.get().status().isTerminal()) {
        InstanceTable.replace(sql, existing.get(), row);
      } else {
        return new CreateResult(false, existing.get());
      }
      MessageTable.insert(sql, message, messageIds);
      sql.hint(StoreHints.partition(start.partition()));
      return new CreateResult(true, existing.orElse(null));
    });
  }

  @Override
  public void sendMessages(List<NewMessage> messages) {
    List<Encoded.Message> encoded = Encoded.Message.of(messages, now());
    GroupCommitter writer = messages.isEmpty() ? anyWriter() : writerOf(messages.get(0).partition());
    writer.write(sql -> {
      MessageTable.insert(sql, encoded, messageIds);
      messages.forEach(message -> sql.hint(StoreHints.partition(message.partition())));
      return null;
    });
  }

  @Override
  public Optional<InstanceRecord> getInstance(String instanceId) {
    return readers.read(sql -> InstanceTable.get(sql, instanceId));
  }

  @Override
  public Map<dev.cairn.client.RuntimeStatus, Long> countInstancesByStatus() {
    return readers.read(InstanceTable::countByStatus);
  }

  @Override
  public RecordPage<InstanceRecord> queryInstances(InstanceQuery query) {
    return readers.read(sql -> InstanceTable.query(sql, query));
  }

  @Override
  public boolean purgeInstance(String instanceId) {
    return writerOf(partitionOf(instanceId)).write(sql -> {
      Optional<InstanceRecord> row = InstanceTable.get(sql, instanceId);
      if (row.isEmpty()) {
        return false;
      }
      if (!row.get().status().isTerminal()) {
        throw new InvalidRequestException("instanceId", "Instance '" + instanceId + "' is "
            + row.get().status().displayName() + "; only finished instances can be purged. Terminate it first.");
      }
      InstanceTable.delete(sql, instanceId);
      return true;
    });
  }

  @Override
  public int purgeInstances(PurgeFilter filter) {
    return anyWriter().write(sql -> InstanceTable.purge(sql, filter, dialect.skipLocked()));
  }

  @Override
  public Optional<EntityRecord> getEntity(EntityId id) {
    return readers.read(sql -> EntityTable.get(sql, id));
  }

  @Override
  public RecordPage<EntityRecord> queryEntities(EntityQuery query) {
    return readers.read(sql -> EntityTable.query(sql, query));
  }

  @Override
  public List<EntityRecord> lockedEntities() {
    return readers.read(EntityTable::locked);
  }

  @Override
  public int deleteEmptyEntities(List<EntityRecord> rows) {
    Map<GroupCommitter, List<EntityRecord>> byWriter = new LinkedHashMap<>();
    for (EntityRecord row : rows) {
      byWriter.computeIfAbsent(writerOf(partitionOf(row.id().toString())), w -> new ArrayList<>()).add(row);
    }
    int deleted = 0;
    for (Map.Entry<GroupCommitter, List<EntityRecord>> share : byWriter.entrySet()) {
      deleted += share.getKey().write(sql -> EntityTable.deleteEmpty(sql, share.getValue()));
    }
    return deleted;
  }

  @Override
  public List<DeadLetter> deadLetters(int max) {
    return readers.read(sql -> MessageTable.deadLetters(sql, max));
  }

  @Override
  public ClusterSnapshot cluster() {
    return readers.read(sql -> new ClusterSnapshot(leaseClock.now(sql), WorkerTable.all(sql),
        ClusterQueries.partitions(sql), ClusterQueries.activitiesByName(sql), ClusterQueries.activitiesByWorker(sql)));
  }

  /**
   * Transactions committed by the group committers, and the writes in them, since the store opened: their
   * ratio is how many writes share a durable flush.
   */
  public long[] commitCounts() {
    long[] total = new long[2];
    for (GroupCommitter writer : writers) {
      long[] counts = writer.counts();
      total[0] += counts[0];
      total[1] += counts[1];
    }
    return total;
  }

  /** The dialect's name. */
  public String dialectName() {
    return dialect.name();
  }

  private void closeWriters() {
    for (GroupCommitter writer : writers) {
      if (writer != null) {
        writer.close();
      }
    }
  }

  @Override
  public Listening listen(StoreListener listener) {
    return hints.add(listener);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (channel != null) {
      channel.close();
    }
    leases.close();
    closeWriters();
    readers.close();
    dialect.close();
  }
}
