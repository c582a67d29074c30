package dev.cairn.store;

import dev.cairn.client.DeadLetter;
import dev.cairn.client.EntityQuery;
import dev.cairn.client.InstanceQuery;
import dev.cairn.client.PurgeFilter;
import dev.cairn.client.ReusePolicy;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.CairnException;
import dev.cairn.failure.StoreException;
import dev.cairn.history.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Where Cairn keeps everything durable: instances and their histories, entities, the message queues of the
 * partitions, activity tasks and dead letters. The engine never writes anything except through this
 * interface, and every write that changes engine state is one atomic {@link #commit}.
 *
 * <p>The model (SPEC 5): instances and entities are spread over a fixed number of partitions by a hash of
 * their id. Each partition has a message queue. A partition's owner fetches a batch of messages, runs the
 * episodes and entity operations they trigger, and commits the outcome at once: history appends, instance and
 * entity rows, consumed messages, produced messages (to any partition) and activity tasks. A commit that is
 * based on state that changed meanwhile is rejected with {@link dev.cairn.failure.CommitRejectedException} and
 * nothing of it becomes visible.
 *
 * <p>Unless a method says otherwise, it throws {@link dev.cairn.failure.StoreException} when the store fails
 * (and then nothing of a write was applied). Implementations are thread-safe. Messages are fetched in id order;
 * the ids of one sender's messages grow in the order it commits them (a sender commits in sequence, and ids it
 * reserves or the store assigns only grow), so they are fetched in the order sent.
 */
public interface Store extends AutoCloseable {

  /** The number of partitions, fixed when the store was first created. */
  int partitionCount();

  /** The partition of an instance id or entity id ({@code @name@key}); the same for every store. */
  default int partitionOf(String target) {
    return Math.floorMod(target.hashCode() * 0x9E3779B9, partitionCount());
  }

  // ----- partitions --------------------------------------------------------------------------------------

  /**
   * Takes ownership of a partition with a new, larger epoch, unless another owner holds a live lease on it (one
   * that has neither expired nor been released); the same owner may always take it again. Activity tasks keep their
   * leases: a task another worker runs goes on there. A store that one process owns (an embedded file) drops every
   * partition and activity lease when it is opened: the process that held them is gone. A shared store does not
   * wait for a commit of the partition in flight: it answers null, and the caller tries again later.
   *
   * @return the lease, or null when another owner holds the partition (or, on a shared store, is committing to it)
   */
  PartitionLease acquirePartition(int partition, String owner, Duration leaseDuration);

  /**
   * Extends a lease.
   *
   * @throws dev.cairn.failure.CommitRejectedException when the partition has another owner or a newer epoch
   */
  PartitionLease renewPartition(PartitionLease lease, Duration leaseDuration);

  /** Gives a partition up; a later owner need not wait for the lease to expire. Ignored if already lost. */
  void releasePartition(PartitionLease lease);

  /**
   * Records that a worker is alive, by the store's clock, and returns the workers alive now: those whose last
   * heartbeat is less than {@code ttl} old, this one included, sorted by id. Workers share the partitions by it.
   */
  List<String> heartbeat(String worker, Duration ttl);

  /** Takes a worker out of the registry at once (it stops gracefully); the others share its partitions. */
  void leave(String worker);

  // ----- partition work ----------------------------------------------------------------------------------

  /**
   * Up to {@code max} messages of a partition's queue that are visible at {@code now}, in id order, leaving
   * out the ids in {@code exclude} (messages the caller is already processing), and when the next invisible
   * one becomes visible.
   */
  MessageBatch fetchMessages(int partition, Instant now, int max, Set<Long> exclude);

  /**
   * Reserves {@code count} message ids, in increasing order, never handed out before and larger than every id the
   * store handed out (reserved or assigned) before this call; they need not be consecutive. A partition owner gives
   * its new messages reserved ids so that it can hand them to their target partitions in memory before its commit
   * is durable: the target's commit that consumes such a message comes after the commit that adds it, and is
   * rejected if that one failed. Because ids only grow, a partition's next owner numbers its messages after the
   * last owner's, and a sender's messages stay in the order sent when the partition moves.
   */
  long[] reserveMessageIds(int count);

  /** The rows of the instances that exist among the ids given. */
  Map<String, InstanceRecord> loadInstances(Collection<String> instanceIds);

  /** The current execution's history of an instance, in event id order; empty if it has none. */
  List<HistoryEvent> loadHistory(String instanceId);

  /**
   * The entities asked for, each with its row (null when it has none) and the watermarks of the senders asked
   * about.
   */
  Map<EntityId, EntitySnapshot> loadEntities(Map<EntityId, Set<String>> sendersByEntity);

  /**
   * Whether a commit of {@code other} submitted after one of {@code partition} is applied after it, in the same
   * transaction or a later one (one writer serves both). Messages a commit hands to another partition in memory may
   * be taken once it is submitted when this holds, and only once it is durable otherwise: the consuming commit must
   * find them stored.
   */
  default boolean commitsInOrder(int partition, int other) {
    return true;
  }

  /**
   * Applies a unit of work atomically: all of it, or (on any exception) none of it. Waits for {@link
   * #commitAsync} and rethrows its failure.
   *
   * @throws dev.cairn.failure.CommitRejectedException when the lease's epoch is not current, a consumed message
   *     is gone, an instance or entity version does not match, or an earlier commit of the lease failed
   */
  default void commit(PartitionCommit commit) {
    try {
      commitAsync(commit).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof CairnException cairn) {
        throw cairn;
      }
      throw new StoreException("The store could not commit: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Starts applying a unit of work atomically, all of it or none of it; the future completes once it is
   * durable, or fails with what {@link #commit} would throw. A partition's owner may submit its next commit
   * before the last one is durable, building on it: commits under one lease are applied in the order submitted,
   * and once one fails, every later one under the same lease fails too ({@link
   * dev.cairn.failure.CommitRejectedException}), so a chain of commits never applies with a gap. The owner
   * starts again by acquiring the partition anew. {@link CommitChains} keeps that rule for implementations.
   */
  CompletableFuture<Void> commitAsync(PartitionCommit commit);

  // ----- hints ------------------------------------------------------------------------------------------

  /**
   * Tells a listener of writes to the store by this process and, on a shared store, by every other worker:
   * messages queued for a partition, instances finished, activity tasks waiting for a worker. Hints only save
   * waiting (see {@link StoreListener}); a store that cannot give them gives none.
   *
   * @return the subscription; closing it stops the hints
   */
  default Listening listen(StoreListener listener) {
    return () -> {};
  }

  /** A listener's subscription to a store's hints. */
  interface Listening extends AutoCloseable {
    /** Stops the hints. */
    @Override
    void close();
  }

  // ----- activities --------------------------------------------------------------------------------------

  /**
   * Every activity task of a partition leased to the lease's owner: after a take-over of its own partition, the
   * tasks it may have to run again.
   */
  List<ActivityTask> activityTasks(PartitionLease lease);

  /**
   * Leases up to {@code max} activity tasks that no worker holds (never leased, abandoned, or with an expired
   * lease, measured like partition leases), of any partition, oldest first, to a worker: the competing consumers'
   * claim. Tasks another worker is claiming at the same moment are skipped rather than waited for.
   */
  List<ActivityTask> claimActivityTasks(String worker, int max, Duration leaseDuration);

  /**
   * Extends a worker's leases on tasks it is running.
   *
   * @return the keys of the tasks it still holds (a task done or taken by another worker is left out, and on a
   *     shared store one that another transaction holds at the moment, to be renewed at the next round)
   */
  Set<String> renewActivityTasks(String worker, Collection<String> taskKeys, Duration leaseDuration);

  /**
   * Records an activity's result from a worker that does not own the orchestration's partition: atomically
   * deletes the task and queues the result message.
   *
   * @return false (and nothing is written) when the task no longer exists
   */
  boolean completeActivityTask(String taskKey, NewMessage result);

  /** Releases every task lease a worker holds, so that other workers may claim them at once. */
  void abandonActivityTasks(String worker);

  // ----- clients -----------------------------------------------------------------------------------------

  /**
   * Creates an instance row (status Pending) and queues its start message, atomically checking whether the id
   * exists. Under {@link ReusePolicy#REPLACE_FINISHED} a finished instance is replaced and its history deleted;
   * a running one is kept.
   *
   * @return whether it was created, and the row that existed before (if any)
   */
  CreateResult createInstance(InstanceRecord record, NewMessage start, ReusePolicy policy);

  /** Queues messages (external events, terminations, signals), durably and in the order given. */
  void sendMessages(List<NewMessage> messages);

  /** An instance's row. */
  Optional<InstanceRecord> getInstance(String instanceId);

  /** How many instances there are of each status (statuses with none are left out). */
  Map<dev.cairn.client.RuntimeStatus, Long> countInstancesByStatus();

  /** One page of instance rows matching a query, ordered by (creation time, instance id), either way. */
  RecordPage<InstanceRecord> queryInstances(InstanceQuery query);

  /**
   * Deletes a finished instance and its history.
   *
   * @return false when no instance has this id
   * @throws dev.cairn.failure.InvalidRequestException when the instance has not finished
   */
  boolean purgeInstance(String instanceId);

  /** Deletes every finished instance matching the filter, with its history; returns how many. */
  int purgeInstances(PurgeFilter filter);

  /** An entity's row. */
  Optional<EntityRecord> getEntity(EntityId id);

  /** One page of entity rows matching a query, ordered by (name, key). */
  RecordPage<EntityRecord> queryEntities(EntityQuery query);

  /** Every entity row that holds a lock (to find locks whose holders are gone). */
  List<EntityRecord> lockedEntities();

  /** Deletes the given rows if they are still at the given version and still empty; returns how many. */
  int deleteEmptyEntities(List<EntityRecord> rows);

  /** Dead letters, newest first, at most {@code max}. */
  List<DeadLetter> deadLetters(int max);

  /** The partitions' owners and backlogs and the activity tasks waiting, for operators and autoscalers. */
  ClusterSnapshot cluster();

  /** Closes the store; in-flight calls may fail. */
  @Override
  void close();
}
