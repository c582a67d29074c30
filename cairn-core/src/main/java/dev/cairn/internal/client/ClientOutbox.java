package dev.cairn.internal.client;

import dev.cairn.failure.StoreException;
import dev.cairn.store.MessageBody;
import dev.cairn.store.NewMessage;
import dev.cairn.store.OperationRequest;
import dev.cairn.store.Store;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;

/**
 * The client's way into the partition queues. Concurrent sends are written together, in one store write, by a
 * single thread: that numbers the client's entity operations in the order they are committed (so that an
 * entity can tell a duplicate from a new operation) and shares one durable commit among many callers. It also
 * makes each message visible no earlier than the write that numbers it: an entity takes a number at or below
 * the last it applied for a duplicate, so a later number must never become visible before an earlier one.
 */
final class ClientOutbox {
  private static final int MAX_MESSAGES_PER_WRITE = 1_000;

  private record Pending(List<NewMessage> messages, CompletableFuture<Void> done) {}

  private final Store store;
  private final String sender;
  private final InstantSource clock;
  private final IntConsumer wake;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private long sequence;
  private Instant lastWrite = Instant.MIN;
  private volatile boolean closed;

  ClientOutbox(Store store, String sender, InstantSource clock, IntConsumer wake) {
    this.store = store;
    this.sender = sender;
    this.clock = clock;
    this.wake = wake;
    this.writer = Thread.ofVirtual().name("cairn-client-outbox").start(this::loop);
  }

  /** Queues messages durably; returns once they are committed. */
  void send(List<NewMessage> messages) {
    if (closed) {
      throw new StoreException("The client is closed.");
    }
    Pending pending = new Pending(messages, new CompletableFuture<>());
    queue.add(pending);
    try {
      pending.done().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private void loop() {
    while (!closed) {
      List<Pending> batch = new ArrayList<>();
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      int size = batch.get(0).messages().size();
      Pending next;
      while (size < MAX_MESSAGES_PER_WRITE && (next = queue.poll()) != null) {
        batch.add(next);
        size += next.messages().size();
      }
      write(batch);
    }
    failRemaining();
  }

  private void write(List<Pending> batch) {
    List<NewMessage> all = new ArrayList<>();
    Set<Integer> partitions = new LinkedHashSet<>();
    Instant now = clock.instant();
    lastWrite = now.isAfter(lastWrite) ? now : lastWrite;
    for (Pending pending : batch) {
      for (NewMessage message : pending.messages()) {
        all.add(numbered(message, lastWrite));
        partitions.add(message.partition());
      }
    }
    try {
      store.sendMessages(all);
    } catch (RuntimeException e) {
      batch.forEach(p -> p.done().completeExceptionally(e));
      return;
    }
    partitions.forEach(wake::accept);
    batch.forEach(p -> p.done().complete(null));
  }

  /** The message as written: visible no earlier than this write, and numbered if it is the client's operation. */
  private NewMessage numbered(NewMessage message, Instant written) {
    Instant visibleAt = message.visibleAt().isAfter(written) ? message.visibleAt() : written;
    MessageBody body = message.body();
    if (body instanceof OperationRequest op && sender.equals(op.sender())) {
      body = new OperationRequest(op.requestId(), op.sender(), ++sequence, op.operation(), op.input(),
          op.scheduledTime(), op.lockRequestId(), op.replyTo());
    }
    return new NewMessage(message.id(), message.partition(), message.target(), body, visibleAt);
  }

  private void failRemaining() {
    Pending pending;
    while ((pending = queue.poll()) != null) {
      pending.done().completeExceptionally(new StoreException("The client is closed."));
    }
  }

  void close() {
    closed = true;
    writer.interrupt();
  }
}
