package dev.cairn.tests;

import dev.cairn.store.MessageBody;
import dev.cairn.store.NewMessage;
import dev.cairn.store.PartitionCommit;
import dev.cairn.store.Store;
import dev.cairn.testing.ForwardingStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** A store that loses the messages a predicate picks: to test the safety nets for lost messages. */
final class DroppingStore extends ForwardingStore {
  private final Predicate<MessageBody> drop;
  final java.util.concurrent.atomic.AtomicBoolean dropping = new java.util.concurrent.atomic.AtomicBoolean(true);

  DroppingStore(Store delegate, Predicate<MessageBody> drop) {
    super(delegate);
    this.drop = drop;
  }

  private List<NewMessage> kept(List<NewMessage> messages) {
    return messages.stream().filter(m -> !dropping.get() || !drop.test(m.body())).toList();
  }

  @Override
  public void sendMessages(List<NewMessage> messages) {
    super.sendMessages(kept(messages));
  }

  @Override
  public CompletableFuture<Void> commitAsync(PartitionCommit c) {
    return super.commitAsync(new PartitionCommit(c.lease(), c.consumedMessages(), c.failedMessages(), c.parkedMessages(),
        c.instanceWrites(), c.entityWrites(), kept(c.newMessages()), c.newActivityTasks(),
        c.finishedActivityTasks()));
  }

  @Override
  public void close() {
    // The wrapped store belongs to the test.
  }
}
