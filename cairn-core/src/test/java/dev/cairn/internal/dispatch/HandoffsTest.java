package dev.cairn.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.store.EntityWakeUp;
import dev.cairn.store.Message;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rules by which a partition takes messages handed over in memory, so that no sender's order breaks. */
class HandoffsTest {
  private final AtomicInteger wakes = new AtomicInteger();
  private final Handoffs handoffs = new Handoffs(wakes::incrementAndGet);
  private final CompletableFuture<Void> producer = new CompletableFuture<>();

  private static Message message(long id) {
    return new Message(id, 0, "@Counter@c", new EntityWakeUp(Instant.EPOCH), Instant.EPOCH, 0);
  }

  /** Announces and submits at once; returns whether the handover was accepted. */
  private boolean offer(CompletableFuture<Void> from, Message... messages) {
    Handoffs.Announcement announced = handoffs.announce(List.of(messages), from);
    if (announced == null) {
      return false;
    }
    announced.submitted();
    return true;
  }

  @Test
  void handoversAreRefused_untilAFetchBringsEverythingVisible() {
    assertThat(offer(producer, message(1))).isFalse();
    handoffs.fetched(List.of(message(1)), false);
    assertThat(offer(producer, message(2))).as("the store still holds more").isFalse();
    handoffs.fetched(List.of(message(2)), true);

    assertThat(offer(producer, message(3))).isTrue();
    assertThat(handoffs.take(10)).extracting(Message::id).containsExactly(3L);
  }

  @Test
  void aRefusedMessage_holdsLaterHandoversBack_untilTheStoreBringsIt() {
    handoffs.fetched(List.of(), true);
    assertThat(offer(producer, message(5))).isTrue();
    handoffs.take(10);
    handoffs.reset();
    handoffs.fetched(List.of(), true);

    assertThat(offer(producer, message(6))).as("5 was dropped, not consumed").isFalse();
    handoffs.fetched(List.of(message(5)), true);
    assertThat(offer(producer, message(7))).as("6 has not come through yet").isFalse();
    handoffs.fetched(List.of(message(6), message(7)), true);
    assertThat(offer(producer, message(8))).isTrue();
  }

  @Test
  void afterAnAcquisition_aRefusedMessageThatIsDurable_holdsNothingBack_evenIfAnotherOwnerConsumedIt() {
    assertThat(offer(producer, message(5))).as("refused: the partition was not open yet").isFalse();
    CompletableFuture<Void> notDurableYet = new CompletableFuture<>();
    assertThat(offer(notDurableYet, message(6))).isFalse();
    producer.complete(null);
    handoffs.acquired();
    handoffs.fetched(List.of(), true);

    assertThat(offer(producer, message(7))).as("6 may still come through the store").isFalse();
    notDurableYet.complete(null);
    handoffs.fetched(List.of(message(6), message(7)), true);
    assertThat(offer(producer, message(8))).as("5 was consumed by another owner; it is not waited for").isTrue();
  }

  @Test
  void messagesOfAFailedCommit_holdNothingBack() {
    handoffs.fetched(List.of(), true);
    offer(producer, message(5));
    handoffs.take(10);
    handoffs.reset();
    handoffs.fetched(List.of(), true);
    producer.completeExceptionally(new IllegalStateException("commit failed"));

    assertThat(offer(new CompletableFuture<>(), message(6))).isTrue();
  }

  @Test
  void settledMessages_areNotRefusedAfterAReset() {
    handoffs.fetched(List.of(), true);
    offer(producer, message(5));
    handoffs.take(10);
    handoffs.settled(List.of(5L));
    handoffs.reset();
    handoffs.fetched(List.of(), true);

    assertThat(offer(producer, message(6))).isTrue();
  }

  @Test
  void take_keepsTheOrderAnnounced_andLeavesTheRestWaiting() {
    handoffs.fetched(List.of(), true);
    offer(producer, message(1), message(2), message(3));
    assertThat(handoffs.waitingIds()).containsExactlyInAnyOrder(1L, 2L, 3L);

    assertThat(handoffs.take(2)).extracting(Message::id).containsExactly(1L, 2L);
    assertThat(handoffs.waitingIds()).containsExactly(3L);
    assertThat(handoffs.waitingIds()).isNotEmpty();
    assertThat(handoffs.take(10)).extracting(Message::id).containsExactly(3L);
    assertThat(handoffs.waitingIds()).isEmpty();
  }

  @Test
  void announcedMessages_areNotTaken_untilTheirCommitIsSubmitted_butAreLeftOutOfFetches() {
    handoffs.fetched(List.of(), true);
    Handoffs.Announcement pending = handoffs.announce(List.of(message(1)), producer);
    offer(new CompletableFuture<>(), message(2));

    assertThat(handoffs.waitingIds()).containsExactlyInAnyOrder(1L, 2L);
    assertThat(handoffs.take(10)).extracting(Message::id).containsExactly(2L);
    pending.submitted();
    assertThat(handoffs.take(10)).extracting(Message::id).containsExactly(1L);
  }

  @Test
  void aMessageAFetchBrings_whileItWaitsHere_isLeftOutOfTheFetch_andTakenFromHere() {
    handoffs.fetched(List.of(), true);
    Handoffs.Announcement announced = handoffs.announce(List.of(message(1), message(2)), producer);
    // The fetch began before the announcement and saw the commit applied: it brought message 1.
    assertThat(handoffs.fetched(List.of(message(1), message(7)), true)).extracting(Message::id).containsExactly(7L);
    announced.submitted();

    assertThat(handoffs.take(10)).extracting(Message::id).containsExactly(1L, 2L);
  }

  @Test
  void aSendersLaterMessage_thatAFetchBrings_neverOvertakesItsEarlierOnesStillWaitingHere() {
    handoffs.fetched(List.of(), true);
    offer(producer, message(1), message(2), message(3));
    // A fetch that began before the sender's next commit was announced reads the store after it.
    CompletableFuture<Void> next = new CompletableFuture<>();
    offer(next, message(4));
    List<Message> fromStore = handoffs.fetched(List.of(message(4)), true);
    List<Message> handed = handoffs.take(2);

    assertThat(fromStore).isEmpty();
    assertThat(handed).extracting(Message::id).containsExactly(1L, 2L);
    assertThat(handoffs.take(2)).extracting(Message::id).containsExactly(3L, 4L);
  }

  @Test
  void messagesOfAProducerThatFailed_areDropped_submittedOrNot() {
    handoffs.fetched(List.of(), true);
    handoffs.announce(List.of(message(1)), producer);
    producer.completeExceptionally(new IllegalStateException("rejected"));

    assertThat(handoffs.take(10)).isEmpty();
    assertThat(handoffs.waitingIds()).isEmpty();
  }

  @Test
  void aReset_wakesThePartition_whenTheProducersOfWhatItDroppedComplete() {
    handoffs.fetched(List.of(), true);
    offer(producer, message(1));
    handoffs.take(10);
    CompletableFuture<Void> later = new CompletableFuture<>();
    offer(later, message(2));
    handoffs.reset();
    assertThat(wakes.get()).isZero();

    producer.complete(null);
    later.completeExceptionally(new IllegalStateException("rejected"));

    assertThat(wakes.get()).isEqualTo(2);
  }
}
