package dev.cairn.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.store.EntityWakeUp;
import dev.cairn.store.Message;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The rules by which a partition takes messages handed over in memory, so that no sender's order breaks. */
class HandoffsTest {
  private final Handoffs handoffs = new Handoffs();
  private final CompletableFuture<Void> producer = new CompletableFuture<>();

  private static Message message(long id) {
    return new Message(id, 0, "@Counter@c", new EntityWakeUp(Instant.EPOCH), Instant.EPOCH, 0);
  }

  @Test
  void handoversAreRefused_untilAFetchBringsEverythingVisible() {
    assertThat(handoffs.offer(List.of(message(1)), producer)).isFalse();
    handoffs.fetched(List.of(message(1)), false);
    assertThat(handoffs.offer(List.of(message(2)), producer)).as("the store still holds more").isFalse();
    handoffs.fetched(List.of(message(2)), true);

    assertThat(handoffs.offer(List.of(message(3)), producer)).isTrue();
    assertThat(handoffs.take(10, Set.of())).extracting(Message::id).containsExactly(3L);
  }

  @Test
  void aRefusedMessage_holdsLaterHandoversBack_untilTheStoreBringsIt() {
    handoffs.fetched(List.of(), true);
    assertThat(handoffs.offer(List.of(message(5)), producer)).isTrue();
    handoffs.take(10, Set.of());
    handoffs.reset();
    handoffs.fetched(List.of(), true);

    assertThat(handoffs.offer(List.of(message(6)), producer)).as("5 was dropped, not consumed").isFalse();
    handoffs.fetched(List.of(message(5)), true);
    assertThat(handoffs.offer(List.of(message(7)), producer)).as("6 has not come through yet").isFalse();
    handoffs.fetched(List.of(message(6), message(7)), true);
    assertThat(handoffs.offer(List.of(message(8)), producer)).isTrue();
  }

  @Test
  void messagesOfAFailedCommit_holdNothingBack() {
    handoffs.fetched(List.of(), true);
    handoffs.offer(List.of(message(5)), producer);
    handoffs.take(10, Set.of());
    handoffs.reset();
    handoffs.fetched(List.of(), true);
    producer.completeExceptionally(new IllegalStateException("commit failed"));

    assertThat(handoffs.offer(List.of(message(6)), new CompletableFuture<>())).isTrue();
  }

  @Test
  void settledMessages_areNotRefusedAfterAReset() {
    handoffs.fetched(List.of(), true);
    handoffs.offer(List.of(message(5)), producer);
    handoffs.take(10, Set.of());
    handoffs.settled(List.of(5L));
    handoffs.reset();
    handoffs.fetched(List.of(), true);

    assertThat(handoffs.offer(List.of(message(6)), producer)).isTrue();
  }

  @Test
  void take_keepsTheOrderHandedOver_skipsWhatItIsTold_andLeavesTheRestWaiting() {
    handoffs.fetched(List.of(), true);
    handoffs.offer(List.of(message(1), message(2), message(3)), producer);
    assertThat(handoffs.waitingIds()).containsExactlyInAnyOrder(1L, 2L, 3L);

    assertThat(handoffs.take(1, Set.of(1L))).extracting(Message::id).containsExactly(2L);
    assertThat(handoffs.waitingIds()).containsExactly(3L);
    assertThat(handoffs.isEmpty()).isFalse();
    assertThat(handoffs.take(10, Set.of())).extracting(Message::id).containsExactly(3L);
    assertThat(handoffs.isEmpty()).isTrue();
  }
}
