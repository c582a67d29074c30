package dev.cairn.tests;

import dev.cairn.entity.EntityContext;
import dev.cairn.entity.EntityId;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bank example of SPEC 4.2: {@code Account} entities holding an integer balance, and {@code TransferFunds}
 * moving money between two of them inside a critical section. Every operation checks that no balance is ever
 * negative, and counts what it saw.
 */
final class Bank {
  /**
   * A transfer. {@code failInside} makes the orchestration throw after reading the balance; {@code
   * pauseInside} makes it wait, holding the locks, for an event {@code go} (tests terminate it there).
   */
  record Transfer(String from, String to, int amount, boolean failInside, boolean pauseInside) {
    Transfer(String from, String to, int amount) {
      this(from, to, amount, false, false);
    }
  }

  final AtomicInteger negativeBalancesSeen = new AtomicInteger();
  final AtomicInteger overdraftsRefused = new AtomicInteger();

  Cairn.Builder register(Cairn.Builder b) {
    return b
        .entity("Account", this::account)
        .orchestration("TransferFunds", (OrchestrationContext ctx, Transfer t) -> {
          EntityId from = EntityId.of("Account", t.from());
          EntityId to = EntityId.of("Account", t.to());
          try (var section = ctx.lock(from, to)) {
            int balance = ctx.callEntity(from, "balance", null, Integer.class).await();
            if (t.pauseInside()) {
              ctx.setCustomStatus("inside");
              ctx.waitForExternalEvent("go", Void.class).await();
            }
            if (t.failInside()) {
              throw new IllegalStateException("transfer " + t + " failed inside the critical section");
            }
            if (balance < t.amount()) {
              return false;
            }
            ctx.allOf(ctx.callEntity(from, "withdraw", t.amount()), ctx.callEntity(to, "deposit", t.amount()))
                .await();
            return true;
          }
        });
  }

  private Object account(EntityContext ctx) {
    int balance = ctx.getState(Integer.class, 0);
    if (balance < 0) {
      negativeBalancesSeen.incrementAndGet();
    }
    switch (ctx.operation()) {
      case "deposit" -> balance += ctx.getInput(Integer.class);
      case "withdraw" -> {
        int amount = ctx.getInput(Integer.class);
        if (amount > balance) {
          overdraftsRefused.incrementAndGet();
          throw new IllegalStateException("insufficient funds: " + balance + " < " + amount);
        }
        balance -= amount;
      }
      case "balance" -> {
        return balance;
      }
      default -> throw new IllegalArgumentException("Account has no operation '" + ctx.operation() + "'");
    }
    ctx.setState(balance);
    return balance;
  }
}
