package dev.cairn.bench;

import dev.cairn.activity.ActivityContext;
import dev.cairn.entity.EntityContext;
import dev.cairn.entity.EntityId;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.orchestration.Task;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import java.util.ArrayList;
import java.util.List;

/** The functions the workloads run, and a runtime to run them. */
final class Functions {
  private Functions() {}

  /** A transfer between two accounts. */
  record Transfer(String from, String to, int amount) {}

  static Cairn start(Store store, Options options) {
    return Cairn.builder()
        .store(store)
        .instanceCacheSize(options.integer("cache", 10_000))
        .activity("SayHello", (ActivityContext ctx, String city) -> "Hello " + city + "!")
        .activity("Number", (ActivityContext ctx, Integer i) -> i)
        .orchestration("HelloSequence", (OrchestrationContext ctx, Integer steps) -> {
          List<String> greetings = new ArrayList<>(steps);
          for (int i = 0; i < steps; i++) {
            greetings.add(ctx.callActivity("SayHello", "city-" + i, String.class).await());
          }
          return greetings;
        })
        .orchestration("FanOut", (OrchestrationContext ctx, Integer n) -> {
          List<Task<Integer>> tasks = new ArrayList<>(n);
          for (int i = 1; i <= n; i++) {
            tasks.add(ctx.callActivity("Number", i, Integer.class));
          }
          long sum = 0;
          for (int value : ctx.allOf(tasks).await()) {
            sum += value;
          }
          return sum;
        })
        .orchestration("Sequence", (OrchestrationContext ctx, Integer n) -> {
          int value = 0;
          for (int i = 0; i < n; i++) {
            value = ctx.callActivity("Number", value + 1, Integer.class).await();
          }
          return value;
        })
        .orchestration("AwaitEvent", (OrchestrationContext ctx, Void in) ->
            ctx.waitForExternalEvent("go", Integer.class).await())
        .entity("Counter", (EntityContext ctx) -> {
          if (ctx.operation().equals("add")) {
            ctx.setState(ctx.getState(Integer.class, 0) + ctx.getInput(Integer.class));
            return null;
          }
          return ctx.getState(Integer.class, 0);
        })
        .entity("Account", Functions::account)
        .orchestration("Transfer", (OrchestrationContext ctx, Transfer t) -> {
          EntityId from = EntityId.of("Account", t.from());
          EntityId to = EntityId.of("Account", t.to());
          try (var section = ctx.lock(from, to)) {
            int balance = ctx.callEntity(from, "balance", null, Integer.class).await();
            if (balance < t.amount()) {
              return false;
            }
            ctx.allOf(ctx.callEntity(from, "withdraw", t.amount()), ctx.callEntity(to, "deposit", t.amount())).await();
            return true;
          }
        })
        .start();
  }

  private static Object account(EntityContext ctx) {
    int balance = ctx.getState(Integer.class, 0);
    switch (ctx.operation()) {
      case "deposit" -> balance += ctx.getInput(Integer.class);
      case "withdraw" -> {
        int amount = ctx.getInput(Integer.class);
        if (amount > balance) {
          throw new IllegalStateException("overdraft: " + balance + " < " + amount);
        }
        balance -= amount;
      }
      default -> {
        return balance;
      }
    }
    ctx.setState(balance);
    return balance;
  }

  /** Checks a condition of a run's result; a wrong answer fails the run. */
  static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("Wrong result: " + what);
    }
  }
}
