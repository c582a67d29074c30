package dev.cairn.examples;

import dev.cairn.entity.EntityContext;
import dev.cairn.entity.EntityId;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;

/**
 * Entities and a critical section: {@code Account} entities (integer balance) and {@code TransferFunds}, which
 * locks both accounts, checks the balance and moves the money. Input {@code {"from": KEY, "to": KEY, "amount":
 * N}}; output {@code true} when the money moved, {@code false} when the balance was too low.
 */
public final class Bank {
  private Bank() {}

  /** A transfer's input. */
  public record Transfer(String from, String to, int amount) {}

  /** Registers the entity {@code Account} and the orchestration {@code TransferFunds}. */
  public static Cairn.Builder register(Cairn.Builder builder) {
    return builder
        .entity("Account", Bank::account)
        .orchestration("TransferFunds", (OrchestrationContext ctx, Transfer t) -> {
          if (t == null || t.from() == null || t.to() == null || t.amount() <= 0 || t.from().equals(t.to())) {
            throw new IllegalArgumentException(
                "TransferFunds needs {\"from\": KEY, \"to\": KEY, \"amount\": N} with two different accounts and N > 0");
          }
          EntityId from = EntityId.of("Account", t.from());
          EntityId to = EntityId.of("Account", t.to());
          try (var section = ctx.lock(from, to)) {
            int balance = ctx.callEntity(from, "balance", null, Integer.class).await();
            if (balance < t.amount()) {
              return false;
            }
            ctx.allOf(ctx.callEntity(from, "withdraw", t.amount()), ctx.callEntity(to, "deposit", t.amount()))
                .await();
            return true;
          }
        });
  }

  /** An account: deposit(n), withdraw(n) and balance, each returning the balance. */
  static Object account(EntityContext ctx) {
    int balance = ctx.getState(Integer.class, 0);
    switch (ctx.operation()) {
      case "deposit" -> balance += positive(ctx);
      case "withdraw" -> {
        int amount = positive(ctx);
        if (amount > balance) {
          throw new IllegalStateException(
              "Account " + ctx.id().key() + " holds " + balance + ", cannot withdraw " + amount);
        }
        balance -= amount;
      }
      case "balance" -> {
        return balance;
      }
      default -> throw new IllegalArgumentException(
          "Account has no operation '" + ctx.operation() + "'; it has deposit, withdraw and balance");
    }
    ctx.setState(balance);
    return balance;
  }

  private static int positive(EntityContext ctx) {
    Integer amount = ctx.getInput(Integer.class);
    if (amount == null || amount <= 0) {
      throw new IllegalArgumentException("Operation '" + ctx.operation() + "' needs a positive amount, got " + amount);
    }
    return amount;
  }

  /** Deposits 100 in account "alice", moves 30 to "bob", and prints the transfer's output. */
  public static void main(String[] args) throws Exception {
    ExampleRunner.run("TransferFunds", cairn -> {
      cairn.client().signalEntity(EntityId.of("Account", "alice"), "deposit", 100);
      return ExampleRunner.startAndWait(cairn, "TransferFunds", new Transfer("alice", "bob", 30), id -> { });
    });
  }
}
