package dev.cairn.examples;

import dev.cairn.entity.EntityContext;
import dev.cairn.entity.EntityId;
import dev.cairn.runtime.Cairn;
import java.time.Duration;
import java.time.Instant;

/** The {@code Counter} entity: integer state; operations add(n), reset, get and delete. */
public final class Counter {
  private Counter() {}

  /** Registers the entity {@code Counter}. */
  public static Cairn.Builder register(Cairn.Builder builder) {
    return builder.entity("Counter", Counter::counter);
  }

  static Object counter(EntityContext ctx) {
    switch (ctx.operation()) {
      case "add" -> {
        Integer amount = ctx.getInput(Integer.class);
        ctx.setState(ctx.getState(Integer.class, 0) + (amount == null ? 1 : amount));
      }
      case "reset" -> ctx.setState(0);
      case "get" -> {
        return ctx.getState(Integer.class, 0);
      }
      case "delete" -> ctx.deleteState();
      default -> throw new IllegalArgumentException(
          "Counter has no operation '" + ctx.operation() + "'; it has add, reset, get and delete");
    }
    return ctx.hasState() ? ctx.getState(Integer.class) : null;
  }

  /** Signals a counter three times and prints its state. */
  public static void main(String[] args) throws Exception {
    java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("cairn-example");
    try (var store = dev.cairn.sqlite.SqliteStore.open(directory.resolve("cairn.db"));
        Cairn cairn = register(Cairn.builder().store(store)).start()) {
      EntityId counter = EntityId.of("Counter", "visits");
      for (int i = 1; i <= 3; i++) {
        cairn.client().signalEntity(counter, "add", i);
      }
      Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
      while (cairn.client().getEntity(counter).map(e -> e.stateAs(Integer.class)).orElse(0) < 6
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }
      System.out.println("Counter visits: " + cairn.client().getEntity(counter).orElseThrow().state());
    }
  }
}
