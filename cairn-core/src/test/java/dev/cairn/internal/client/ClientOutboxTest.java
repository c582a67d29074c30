package dev.cairn.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.store.NewMessage;
import dev.cairn.store.OperationRequest;
import dev.cairn.store.Store;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The outbox numbers a client's entity operations in the order it writes them, and no later number may become
 * visible before an earlier one: an entity treats a number at or below the last it applied as a duplicate.
 */
class ClientOutboxTest {
  private final List<NewMessage> written = new CopyOnWriteArrayList<>();
  private final Store store = (Store) Proxy.newProxyInstance(Store.class.getClassLoader(),
      new Class<?>[] {Store.class}, (proxy, method, args) -> {
        if (method.getName().equals("sendMessages")) {
          @SuppressWarnings("unchecked")
          List<NewMessage> messages = (List<NewMessage>) args[0];
          written.addAll(messages);
          return null;
        }
        throw new UnsupportedOperationException(method.getName());
      });

  private static NewMessage signal(String sender, Instant visibleAt) {
    return new NewMessage(3, "@Counter@c",
        new OperationRequest("r-" + visibleAt, sender, 0, "add", "1", null, null, null), visibleAt);
  }

  @Test
  void aLaterNumber_neverBecomesVisibleBeforeAnEarlierOne() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:10Z"));
    InstantSource clock = now::get;
    ClientOutbox outbox = new ClientOutbox(store, "client-1", clock, partition -> { });
    try {
      // Two callers stamped their messages at 00:00:09 and 00:00:05 and reached the outbox in that order.
      outbox.send(List.of(signal("client-1", Instant.parse("2026-01-01T00:00:09Z"))));
      outbox.send(List.of(signal("client-1", Instant.parse("2026-01-01T00:00:05Z"))));
      now.set(Instant.parse("2026-01-01T00:00:08Z")); // the wall clock stepped back
      outbox.send(List.of(signal("client-1", Instant.parse("2026-01-01T00:00:07Z"))));
    } finally {
      outbox.close();
    }

    assertThat(written).extracting(m -> ((OperationRequest) m.body()).sequence()).containsExactly(1L, 2L, 3L);
    for (int i = 1; i < written.size(); i++) {
      assertThat(written.get(i).visibleAt()).isAfterOrEqualTo(written.get(i - 1).visibleAt());
    }
    assertThat(written.get(0).visibleAt()).isEqualTo(Instant.parse("2026-01-01T00:00:10Z"));
  }

  @Test
  void aMessageForLater_staysForLater() {
    Instant later = Instant.parse("2030-01-01T00:00:00Z");
    ClientOutbox outbox = new ClientOutbox(store, "client-1", InstantSource.fixed(Instant.EPOCH), p -> { });
    try {
      outbox.send(List.of(new NewMessage(0, "instance-1",
          new OperationRequest("r", "someone-else", 4, "add", "1", null, null, null), later)));
    } finally {
      outbox.close();
    }

    assertThat(written).singleElement().satisfies(m -> {
      assertThat(m.visibleAt()).isEqualTo(later);
      assertThat(((OperationRequest) m.body()).sequence()).as("not the client's own operation").isEqualTo(4);
    });
  }
}
