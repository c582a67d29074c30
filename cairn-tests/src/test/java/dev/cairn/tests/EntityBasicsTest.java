package dev.cairn.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.EntityMetadata;
import dev.cairn.client.EntityPage;
import dev.cairn.client.EntityQuery;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.entity.EntityContext;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.EntityCallNotAllowedException;
import dev.cairn.failure.TaskFailedException;
import dev.cairn.failure.UnknownFunctionException;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Entities: the Counter example, both styles, existence, listing, and who may call whom (claim 16). */
class EntityBasicsTest extends EngineTestBase {

  /** The Counter of SPEC 4, written as a function that dispatches on the operation. */
  static Object counter(EntityContext ctx) {
    switch (ctx.operation()) {
      case "add" -> ctx.setState(ctx.getState(Integer.class, 0) + ctx.getInput(Integer.class));
      case "reset" -> ctx.setState(0);
      case "get" -> {
        return ctx.getState(Integer.class, 0);
      }
      case "delete" -> ctx.deleteState();
      case "callOther" -> {
        return ctx.callEntity(EntityId.of("Counter", "other"), "get", null, Integer.class);
      }
      default -> throw new IllegalArgumentException("Counter has no operation '" + ctx.operation() + "'");
    }
    return null;
  }

  /** A class-style entity: public methods are operations, fields are the state. */
  public static final class Wallet {
    public int coins;
    public List<String> log = new ArrayList<>();

    public int earn(int amount) {
      coins += amount;
      log.add("earn " + amount);
      return coins;
    }

    public int spend(int amount) {
      if (amount > coins) {
        throw new IllegalStateException("only " + coins + " coins");
      }
      coins -= amount;
      log.add("spend " + amount);
      return coins;
    }

    public void close(EntityContext ctx) {
      ctx.deleteState();
    }
  }

  private Cairn runtime() {
    return start(b -> b
        .entity("Counter", EntityBasicsTest::counter)
        .entity("Wallet", Wallet::new)
        .orchestration("UseCounter", (OrchestrationContext ctx, String key) -> {
          EntityId counter = EntityId.of("Counter", key);
          ctx.signalEntity(counter, "add", 5);
          ctx.callEntity(counter, "add", 10).await();
          return ctx.callEntity(counter, "get", null, Integer.class).await();
        })
        .orchestration("UseWallet", (OrchestrationContext ctx, Void in) -> {
          EntityId wallet = EntityId.of("Wallet", "w");
          ctx.callEntity(wallet, "earn", 10).await();
          try {
            ctx.callEntity(wallet, "spend", 50).await();
            return "overspent";
          } catch (TaskFailedException e) {
            return e.details().errorMessage() + " / " + ctx.callEntity(wallet, "spend", 3, Integer.class).await();
          }
        })
        .orchestration("CallsCallOther", (OrchestrationContext ctx, Void in) ->
            ctx.callEntity(EntityId.of("Counter", "caller"), "callOther", null, Integer.class).await()));
  }

  @Test
  void counter_signalsFromClients_andCallsFromOrchestrations() {
    Cairn cairn = runtime();
    cairn.client().signalEntity(EntityId.of("Counter", "c1"), "add", 1);

    String id = cairn.client().start("UseCounter", "c1");
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.outputAs(Integer.class)).isEqualTo(16);
    assertThat(cairn.client().getEntity(EntityId.of("Counter", "c1")).orElseThrow().stateAs(Integer.class))
        .isEqualTo(16);
  }

  @Test
  void untouchedEntity_readsAsAbsent_firstSignalCreatesIt_deleteRemovesItFromListings() {
    Cairn cairn = runtime();
    EntityId fresh = EntityId.of("Counter", "fresh");
    assertThat(cairn.client().getEntity(fresh)).isEmpty();

    cairn.client().signalEntity(fresh, "add", 3);
    EntityMetadata created = Awaitility.await().atMost(WAIT)
        .until(() -> cairn.client().getEntity(fresh), Optional::isPresent).orElseThrow();
    assertThat(created.stateAs(Integer.class)).isEqualTo(3);
    assertThat(cairn.client().queryEntities(EntityQuery.named("Counter")).entities())
        .extracting(EntityMetadata::id).contains(fresh);

    cairn.client().signalEntity(fresh, "delete", null);
    Awaitility.await().atMost(WAIT).until(() -> cairn.client().getEntity(fresh).isEmpty());
    assertThat(cairn.client().queryEntities(EntityQuery.named("Counter")).entities())
        .extracting(EntityMetadata::id).doesNotContain(fresh);
    assertThat(store().getEntity(fresh)).isPresent();
    assertThat(cairn.client().cleanEntityStorage(true, true).emptyEntitiesRemoved()).isEqualTo(1);
    assertThat(store().getEntity(fresh)).isEmpty();
  }

  @Test
  void listing_filtersByNameAndKeyPrefix_withPaging() {
    Cairn cairn = runtime();
    for (int i = 0; i < 12; i++) {
      cairn.client().signalEntity(EntityId.of("Counter", String.format("team-%02d", i)), "add", i);
    }
    cairn.client().signalEntity(EntityId.of("Counter", "solo"), "add", 1);
    Awaitility.await().atMost(WAIT).until(() ->
        cairn.client().queryEntities(EntityQuery.named("Counter").withPageSize(100)).entities().size() == 13);

    List<EntityId> seen = new ArrayList<>();
    String token = null;
    do {
      EntityPage page = cairn.client().queryEntities(
          EntityQuery.named("Counter").withKeyPrefix("team-").withPageSize(5).withContinuationToken(token));
      page.entities().forEach(e -> seen.add(e.id()));
      token = page.continuationToken();
    } while (token != null);

    assertThat(seen).hasSize(12).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void classStyleEntity_keepsItsFieldsAsState_andRollsBackAFailedOperation() {
    Cairn cairn = runtime();

    String id = cairn.client().start("UseWallet", null);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.outputAs(String.class)).isEqualTo("only 10 coins / 7");
    Wallet wallet = cairn.client().getEntity(EntityId.of("Wallet", "w")).orElseThrow().stateAs(Wallet.class);
    assertThat(wallet.coins).isEqualTo(7);
    assertThat(wallet.log).containsExactly("earn 10", "spend 3");
  }

  @Test
  void entityCallingAnEntity_isRefused_andAClientMaySignalAndReadButNotCall() {
    Cairn cairn = runtime();

    String id = cairn.client().start("CallsCallOther", null);
    InstanceStatus status = cairn.client().waitForCompletion(id, WAIT);

    assertThat(status.runtimeStatus()).isEqualTo(RuntimeStatus.FAILED);
    assertThat(status.failure().cause().errorType()).isEqualTo(EntityCallNotAllowedException.class.getName());
    assertThat(status.failure().cause().errorMessage()).contains("entity @Counter@caller cannot call entity");
    assertThatThrownBy(() -> cairn.client().callEntity(EntityId.of("Counter", "x"), "get", null, Integer.class))
        .isInstanceOf(EntityCallNotAllowedException.class)
        .hasMessageContaining("only orchestrations may call entities");
    cairn.client().signalEntity(EntityId.of("Counter", "x"), "add", 2);
    Awaitility.await().atMost(WAIT).until(() -> cairn.client().getEntity(EntityId.of("Counter", "x")).isPresent());
  }

  @Test
  void unknownEntityName_isRefusedAtTheCallSite() {
    Cairn cairn = runtime();

    assertThatThrownBy(() -> cairn.client().signalEntity(EntityId.of("Countr", "x"), "add", 1))
        .isInstanceOf(UnknownFunctionException.class)
        .hasMessageContaining("No entity named 'Countr'")
        .hasMessageContaining("Counter, Wallet");
  }
}
