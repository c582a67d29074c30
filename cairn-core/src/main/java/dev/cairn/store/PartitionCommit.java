package dev.cairn.store;

import java.util.List;
import java.util.Map;

/**
 * One unit of work of a partition, committed atomically: the episodes of many orchestration instances and the
 * operation batches of many entities, with everything they consumed and produced.
 *
 * @param lease the partition lease it was computed under; the store rejects it unless its epoch is current
 * @param consumedMessages messages processed; each must still exist, and all are deleted
 * @param failedMessages messages whose processing failed, with the error; their failure count goes up by one
 *     and they stay queued
 * @param parkedMessages messages moved to the dead letters
 * @param instanceWrites changes to orchestration instances of this partition
 * @param entityWrites changes to entities of this partition
 * @param newMessages messages to queue, for any partition
 * @param newActivityTasks activity tasks to store, leased to the lease's owner
 * @param finishedActivityTasks keys of activity tasks whose results this commit records; deleted if present
 */
public record PartitionCommit(
    PartitionLease lease,
    List<Long> consumedMessages,
    Map<Long, String> failedMessages,
    List<ParkedMessage> parkedMessages,
    List<InstanceWrite> instanceWrites,
    List<EntityWrite> entityWrites,
    List<NewMessage> newMessages,
    List<ActivityTask> newActivityTasks,
    List<String> finishedActivityTasks) {

  /** Copies the collections. */
  public PartitionCommit {
    consumedMessages = List.copyOf(consumedMessages);
    failedMessages = Map.copyOf(failedMessages);
    parkedMessages = List.copyOf(parkedMessages);
    instanceWrites = List.copyOf(instanceWrites);
    entityWrites = List.copyOf(entityWrites);
    newMessages = List.copyOf(newMessages);
    newActivityTasks = List.copyOf(newActivityTasks);
    finishedActivityTasks = List.copyOf(finishedActivityTasks);
  }

  /** The same commit with other new messages (the same ones with reserved ids). */
  public PartitionCommit withNewMessages(List<NewMessage> messages) {
    return new PartitionCommit(lease, consumedMessages, failedMessages, parkedMessages, instanceWrites,
        entityWrites, messages, newActivityTasks, finishedActivityTasks);
  }

  /** Whether the commit changes nothing. */
  public boolean isEmpty() {
    return consumedMessages.isEmpty() && failedMessages.isEmpty() && parkedMessages.isEmpty()
        && instanceWrites.isEmpty() && entityWrites.isEmpty() && newMessages.isEmpty()
        && newActivityTasks.isEmpty() && finishedActivityTasks.isEmpty();
  }
}
