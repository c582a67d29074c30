package dev.cairn.tests.crash;

import dev.cairn.activity.ActivityContext;
import dev.cairn.client.CairnClient;
import dev.cairn.client.ReusePolicy;
import dev.cairn.client.StartOptions;
import dev.cairn.entity.EntityContext;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.InstanceFinishedException;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import java.time.Duration;

/**
 * The scenarios of the crash-point enumeration. Each registers its functions, drives the client side (in a
 * way that may be repeated after a crash: every step is idempotent), says when it is done, and checks that the
 * outcome is exactly the fault-free one.
 */
enum CrashScenario {
  START {
    @Override
    void drive(CairnClient client) {
      startOnce(client, "Noop", null);
    }
  },
  ACTIVITY_ROUND_TRIP {
    @Override
    void drive(CairnClient client) {
      startOnce(client, "Greet", "Tokyo");
    }
  },
  TIMER {
    @Override
    void drive(CairnClient client) {
      startOnce(client, "Nap", 20);
    }
  },
  EXTERNAL_EVENT {
    @Override
    void drive(CairnClient client) {
      startOnce(client, "AwaitGo", null);
      client.waitForStart(ID, Duration.ofSeconds(10));
      raiseUnlessFinished(client, "go", "ok");
    }
  },
  ENTITY_CALL {
    @Override
    void drive(CairnClient client) {
      startOnce(client, "CallCounter", "call");
    }
  },
  SIGNAL {
    @Override
    void drive(CairnClient client) {
      startOnce(client, "SignalCounter", "signal");
    }

    @Override
    boolean done(CairnClient client) {
      return client.getEntity(EntityId.of("Counter", "signal")).isPresent();
    }
  },
  LOCK_AND_RELEASE {
    @Override
    void drive(CairnClient client) {
      startOnce(client, "LockedTransfer", null);
    }

    @Override
    boolean done(CairnClient client) {
      return super.done(client) && client.getEntity(EntityId.of("Counter", "to")).isPresent();
    }
  },
  CONTINUE_AS_NEW {
    @Override
    void drive(CairnClient client) {
      startOnce(client, "Generations", 0);
    }
  },
  SUB_ORCHESTRATION {
    @Override
    void drive(CairnClient client) {
      startOnce(client, "Parent", 20);
    }
  },
  TERMINATE {
    @Override
    void drive(CairnClient client) {
      startOnce(client, "AwaitGo", null);
      client.waitForStart(ID, Duration.ofSeconds(10));
      try {
        client.terminate(ID, "stop");
      } catch (InstanceFinishedException e) {
        // Terminated before the crash.
      }
    }
  },
  PURGE {
    @Override
    void drive(CairnClient client) {
      startOnce(client, "Noop", null);
      if (client.getStatus(ID).isPresent()) {
        client.waitForCompletion(ID, Duration.ofSeconds(10));
        client.purge(ID);
      }
    }

    @Override
    boolean done(CairnClient client) {
      return client.getStatus(ID).isEmpty();
    }
  };

  static final String ID = "scenario";

  /** Registers every scenario's functions. */
  static Cairn.Builder register(Cairn.Builder b) {
    return b
        .activity("Hello", (ActivityContext ctx, String city) -> "Hello " + city)
        .entity("Counter", CrashScenario::counter)
        .orchestration("Noop", (OrchestrationContext ctx, Void in) -> "done")
        .orchestration("Greet", (OrchestrationContext ctx, String city) ->
            ctx.callActivity("Hello", city, String.class).await())
        .orchestration("Nap", (OrchestrationContext ctx, Integer millis) -> {
          ctx.createTimer(Duration.ofMillis(millis)).await();
          return "rested";
        })
        .orchestration("AwaitGo", (OrchestrationContext ctx, Void in) ->
            ctx.waitForExternalEvent("go", String.class).await())
        .orchestration("CallCounter", (OrchestrationContext ctx, String key) -> {
          EntityId counter = EntityId.of("Counter", key);
          ctx.callEntity(counter, "add", 5).await();
          return ctx.callEntity(counter, "get", null, Integer.class).await();
        })
        .orchestration("SignalCounter", (OrchestrationContext ctx, String key) -> {
          ctx.signalEntity(EntityId.of("Counter", key), "add", 1);
          return "sent";
        })
        .orchestration("LockedTransfer", (OrchestrationContext ctx, Void in) -> {
          EntityId from = EntityId.of("Counter", "from");
          EntityId to = EntityId.of("Counter", "to");
          ctx.callEntity(from, "add", 100).await();
          try (var section = ctx.lock(from, to)) {
            ctx.allOf(ctx.callEntity(from, "add", -30), ctx.callEntity(to, "add", 30)).await();
          }
          return ctx.callEntity(from, "get", null, Integer.class).await();
        })
        .orchestration("Generations", (OrchestrationContext ctx, Integer n) -> {
          if (n < 3) {
            ctx.createTimer(Duration.ZERO).await();
            ctx.continueAsNew(n + 1);
          }
          return n;
        })
        .orchestration("Child", (OrchestrationContext ctx, Integer n) ->
            ctx.callActivity("Hello", "child " + n, String.class).await())
        .orchestration("Parent", (OrchestrationContext ctx, Integer n) ->
            ctx.callSubOrchestration("Child", n, String.class).await() + "!");
  }

  private static Object counter(EntityContext ctx) {
    int value = ctx.getState(Integer.class, 0);
    if (ctx.operation().equals("add")) {
      ctx.setState(value + ctx.getInput(Integer.class));
      return null;
    }
    return value;
  }

  static void startOnce(CairnClient client, String name, Object input) {
    client.start(name, input, StartOptions.withId(ID).reusePolicy(ReusePolicy.RETURN_EXISTING));
  }

  static void raiseUnlessFinished(CairnClient client, String event, Object data) {
    try {
      client.raiseEvent(ID, event, data);
    } catch (InstanceFinishedException e) {
      // It got the event before the crash.
    }
  }

  /** Drives the client side; may be called again after a crash. */
  abstract void drive(CairnClient client);

  /** Whether the scenario has reached its end. */
  boolean done(CairnClient client) {
    return client.getStatus(ID).map(s -> s.isTerminal()).orElse(false);
  }

  /** Describes the outcome, to compare with the fault-free one. */
  String outcome(CairnClient client, Store store) {
    String status = client.getStatus(ID).map(s -> s.runtimeStatus() + " " + s.output()).orElse("absent");
    StringBuilder text = new StringBuilder(status);
    for (String key : new String[] {"call", "signal", "from", "to"}) {
      client.getEntity(EntityId.of("Counter", key)).ifPresent(e -> text.append(" ").append(key).append('=')
          .append(e.state()));
    }
    text.append(" locks=").append(store.lockedEntities().size());
    return text.toString();
  }
}
