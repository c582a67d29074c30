package dev.cairn.tests;

import dev.cairn.store.EntityMessage;
import dev.cairn.store.NewMessage;
import dev.cairn.store.PartitionCommit;
import dev.cairn.store.Store;
import dev.cairn.testing.ForwardingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A store that writes every matching entity message twice, as two separate queued messages with the same
 * sender and sequence number (the copy under an id of its own): a queue that delivers a request twice.
 */
final class DuplicatingStore extends ForwardingStore {
  private final Predicate<EntityMessage> duplicate;
  final AtomicInteger duplicated = new AtomicInteger();

  DuplicatingStore(Store delegate, Predicate<EntityMessage> duplicate) {
    super(delegate);
    this.duplicate = duplicate;
  }

  private List<NewMessage> doubled(List<NewMessage> messages) {
    List<NewMessage> result = new ArrayList<>();
    for (NewMessage message : messages) {
      result.add(message);
      if (message.body() instanceof EntityMessage body && duplicate.test(body)) {
        result.add(message.withId(0));
        duplicated.incrementAndGet();
      }
    }
    return result;
  }

  @Override
  public void sendMessages(List<NewMessage> messages) {
    super.sendMessages(doubled(messages));
  }

  @Override
  public CompletableFuture<Void> commitAsync(PartitionCommit c) {
    return super.commitAsync(new PartitionCommit(c.lease(), c.consumedMessages(), c.failedMessages(), c.parkedMessages(),
        c.instanceWrites(), c.entityWrites(), doubled(c.newMessages()), c.newActivityTasks(),
        c.finishedActivityTasks()));
  }
}
