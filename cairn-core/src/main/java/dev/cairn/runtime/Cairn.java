package dev.cairn.runtime;

import dev.cairn.activity.Activity;
import dev.cairn.client.CairnClient;
import dev.cairn.entity.EntityFunction;
import dev.cairn.internal.client.EmbeddedClient;
import dev.cairn.internal.dispatch.Engine;
import dev.cairn.internal.dispatch.EngineConfig;
import dev.cairn.internal.entity.ClassEntity;
import dev.cairn.internal.registry.ActivityDefinition;
import dev.cairn.internal.registry.EntityDefinition;
import dev.cairn.internal.registry.FunctionRegistry;
import dev.cairn.internal.registry.LambdaTypes;
import dev.cairn.internal.replay.OrchestrationDefinition;
import dev.cairn.internal.util.Ids;
import dev.cairn.orchestration.Orchestration;
import dev.cairn.serialization.DataConverter;
import dev.cairn.serialization.JacksonDataConverter;
import dev.cairn.store.Store;
import dev.cairn.store.StoreProvider;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * A running Cairn runtime: the workers that run the registered orchestrations, activities and entities over a
 * store, and a client to manage them. Build one with {@link #builder()}; close it to stop gracefully.
 *
 * <pre>{@code
 * try (var cairn = Cairn.builder()
 *         .activity("SayHello", (ActivityContext ctx, String city) -> "Hello " + city + "!")
 *         .orchestration("HelloCities", (OrchestrationContext ctx, Void in) -> List.of(
 *             ctx.callActivity("SayHello", "Tokyo", String.class).await(),
 *             ctx.callActivity("SayHello", "London", String.class).await()))
 *         .start()) {
 *   String id = cairn.client().start("HelloCities", null);
 *   InstanceStatus status = cairn.client().waitForCompletion(id, Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class Cairn implements AutoCloseable {
  private final Engine engine;
  private final FunctionRegistry functions;
  private final EmbeddedClient client;
  private final Store store;
  private final boolean ownsStore;

  private Cairn(Engine engine, FunctionRegistry functions, EmbeddedClient client, Store store, boolean ownsStore) {
    this.engine = engine;
    this.functions = functions;
    this.client = client;
    this.store = store;
    this.ownsStore = ownsStore;
  }

  /** A builder with the defaults: the default store, a cache of 10,000 instances, 1,000 activities at once. */
  public static Builder builder() {
    return new Builder();
  }

  /** The client of this runtime. */
  public CairnClient client() {
    return client;
  }

  /** The store this runtime runs on. */
  public Store store() {
    return store;
  }

  /** This runtime's id as an owner of partitions and activity leases. */
  public String workerId() {
    return engine.workerId();
  }

  /** How long this runtime's partition leases last. */
  public java.time.Duration partitionLease() {
    return engine.partitionLease();
  }

  /** The registered orchestration names, sorted. */
  public java.util.List<String> orchestrationNames() {
    return functions.orchestrationNames();
  }

  /** The registered activity names, sorted. */
  public java.util.List<String> activityNames() {
    return functions.activityNames();
  }

  /** The registered entity names, sorted. */
  public java.util.List<String> entityNames() {
    return functions.entityNames();
  }

  /** Counters of what this runtime did since it started. */
  public RuntimeMetrics metrics() {
    return engine.metrics();
  }

  /**
   * Stops gracefully: running activities finish (up to the shutdown timeout) and their results are committed.
   * Closes the store if the runtime opened it.
   */
  @Override
  public void close() {
    client.close();
    engine.shutdown();
    if (ownsStore) {
      store.close();
    }
  }

  /**
   * Stops at once, as a crash would: nothing more is committed and running activities are abandoned. Nothing
   * committed is lost; a new runtime on the same store finishes the work. Meant for fault-injection tests.
   */
  public void halt() {
    client.close();
    engine.halt();
    if (ownsStore) {
      store.close();
    }
  }

  /** Registers functions and settings, then starts the runtime. */
  public static final class Builder {
    private final Map<String, OrchestrationDefinition> orchestrations = new HashMap<>();
    private final Map<String, ActivityDefinition> activities = new HashMap<>();
    private final Map<String, EntityDefinition> entities = new HashMap<>();
    private Store store;
    private DataConverter converter = new JacksonDataConverter();
    private InstantSource clock = Clock.systemUTC();
    private String workerId;
    private int instanceCacheSize = 10_000;
    private long instanceCacheBytes = Runtime.getRuntime().maxMemory() / 4;
    private int maxConcurrentActivities = 1_000;
    private int batchSize = 500;
    private Duration watchdog = Duration.ofSeconds(30);
    private NonDeterminismPolicy nonDeterminismPolicy = NonDeterminismPolicy.FAIL;
    private int maxPayloadChars = 1 << 20;
    private int poisonThreshold = 10;
    private Duration activityLease = Duration.ofSeconds(10);
    private Duration partitionLease = Duration.ofSeconds(10);
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private SchedulingProbe schedulingProbe = SchedulingProbe.NONE;

    private Builder() {}

    /** The store to run on (not closed by the runtime). Without one, the default store is opened. */
    public Builder store(Store value) {
      this.store = value;
      return this;
    }

    /**
     * Registers an orchestration; its input type is read from the function (the lambda's second parameter).
     *
     * @throws IllegalArgumentException when the name is taken
     */
    public <I, O> Builder orchestration(String name, Orchestration<I, O> function) {
      return orchestration(name, LambdaTypes.inputType(function, Orchestration.class), function);
    }

    /** Registers an orchestration whose input is read as {@code inputType}. */
    @SuppressWarnings("unchecked")
    public <I, O> Builder orchestration(String name, Type inputType, Orchestration<I, O> function) {
      Ids.requireName(name, "orchestration name");
      requireFree(orchestrations, name, "orchestration");
      orchestrations.put(name, new OrchestrationDefinition(name, (Orchestration<Object, Object>) function, inputType));
      return this;
    }

    /** Registers an activity; its input type is read from the function (the lambda's second parameter). */
    public <I, O> Builder activity(String name, Activity<I, O> function) {
      return activity(name, LambdaTypes.inputType(function, Activity.class), function);
    }

    /** Registers an activity whose input is read as {@code inputType}. */
    @SuppressWarnings("unchecked")
    public <I, O> Builder activity(String name, Type inputType, Activity<I, O> function) {
      Ids.requireName(name, "activity name");
      requireFree(activities, name, "activity");
      activities.put(name, new ActivityDefinition(name, (Activity<Object, Object>) function, inputType));
      return this;
    }

    /** Registers an entity written as a function that dispatches on the operation name. */
    public Builder entity(String name, EntityFunction function) {
      Ids.requireName(name, "entity name");
      if (name.indexOf('@') >= 0) {
        throw new IllegalArgumentException("An entity name may not contain '@': " + name);
      }
      requireFree(entities, name, "entity");
      entities.put(name, new EntityDefinition(name, function));
      return this;
    }

    /**
     * Registers an entity written as a class: its public methods are the operations and its fields the state.
     * The factory makes the object of a new entity.
     */
    public <T> Builder entity(String name, Supplier<T> factory) {
      return entity(name, new ClassEntity(factory));
    }

    private static void requireFree(Map<String, ?> map, String name, String kind) {
      if (map.containsKey(name)) {
        throw new IllegalArgumentException("An " + kind + " named '" + name + "' is already registered.");
      }
    }

    /** The converter for payloads (default: {@link JacksonDataConverter}). */
    public Builder dataConverter(DataConverter value) {
      this.converter = value;
      return this;
    }

    /** The time source (default: the system clock); an {@link AdjustableClock} wakes timers when moved. */
    public Builder clock(InstantSource value) {
      this.clock = value;
      return this;
    }

    /**
     * This runtime's id as an owner of partitions and activity leases: unique among the live workers sharing a
     * store, and the same after a restart if the restarted worker should take its partitions back at once (default:
     * host name, process id and a random part; a worker with it waits for its old leases to run out).
     */
    public Builder workerId(String value) {
      this.workerId = value;
      return this;
    }

    /**
     * How many instances keep their code parked in memory between episodes (default 10,000). 0 selects the
     * replay-only mode: every episode rebuilds the instance by replaying its history.
     */
    public Builder instanceCacheSize(int value) {
      this.instanceCacheSize = requireAtLeast(value, 0, "instanceCacheSize");
      return this;
    }

    /** The instance cache's memory budget in bytes, estimated (default: a quarter of the maximum heap). */
    public Builder instanceCacheMemory(long bytes) {
      this.instanceCacheBytes = bytes;
      return this;
    }

    /** How many activities may run at once in this runtime (default 1,000). */
    public Builder maxConcurrentActivities(int value) {
      this.maxConcurrentActivities = requireAtLeast(value, 1, "maxConcurrentActivities");
      return this;
    }

    /** How many messages a partition takes into one batch and one commit (default 500). */
    public Builder batchSize(int value) {
      this.batchSize = requireAtLeast(value, 1, "batchSize");
      return this;
    }

    /** How long orchestration code may run without awaiting before its instance fails (default 30 s). */
    public Builder orchestrationWatchdog(Duration value) {
      this.watchdog = value;
      return this;
    }

    /** What happens to an instance whose replay does not match its history (default FAIL). */
    public Builder nonDeterminismPolicy(NonDeterminismPolicy value) {
      this.nonDeterminismPolicy = value;
      return this;
    }

    /** The largest payload accepted, in characters of JSON (default 1,048,576). */
    public Builder maxPayloadChars(int value) {
      this.maxPayloadChars = requireAtLeast(value, 1_024, "maxPayloadChars");
      return this;
    }

    /** After how many failed processing attempts a message is parked as poison (default 10). */
    public Builder poisonThreshold(int value) {
      this.poisonThreshold = requireAtLeast(value, 1, "poisonThreshold");
      return this;
    }

    /**
     * How long a worker's lease on an activity task lasts (default 10 s). The worker renews it every third of it
     * while the activity runs, however long that takes; when the worker dies, another one runs the activity again
     * once the lease has run out.
     */
    public Builder activityLease(Duration value) {
      this.activityLease = requireAtLeast(value, Duration.ofMillis(300), "activityLease");
      return this;
    }

    /**
     * How long a partition lease lasts before another worker may take the partition (default 10 s): on a shared
     * store, how long a crashed worker's partitions wait.
     */
    public Builder partitionLease(Duration value) {
      this.partitionLease = requireAtLeast(value, Duration.ofMillis(300), "partitionLease");
      return this;
    }

    /** How long a graceful stop waits for running activities (default 30 s). */
    public Builder shutdownTimeout(Duration value) {
      this.shutdownTimeout = value;
      return this;
    }

    /**
     * A probe called where the dispatch code hands work between threads (for tests that hunt races; the default
     * does nothing).
     */
    public Builder schedulingProbe(SchedulingProbe value) {
      this.schedulingProbe = java.util.Objects.requireNonNull(value, "schedulingProbe");
      return this;
    }

    private static Duration requireAtLeast(Duration value, Duration min, String name) {
      java.util.Objects.requireNonNull(value, name);
      if (value.compareTo(min) < 0) {
        throw new IllegalArgumentException(name + " must be at least " + min.toMillis() + " ms, got " + value);
      }
      return value;
    }

    private static int requireAtLeast(int value, int min, String name) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
      }
      return value;
    }

    /**
     * Opens the store if none was given and starts the runtime's workers; returns once each has tried to own its
     * partition, so that the runtime is ready for the client's first starts.
     */
    public Cairn start() {
      boolean ownsStore = store == null;
      Store target = ownsStore ? openDefaultStore() : store;
      FunctionRegistry functions = new FunctionRegistry(orchestrations, activities, entities);
      EngineConfig config = new EngineConfig(target, functions, converter, clock,
          workerId != null ? workerId : WorkerIds.next(), instanceCacheSize, instanceCacheBytes,
          maxConcurrentActivities, batchSize, watchdog, nonDeterminismPolicy, maxPayloadChars, poisonThreshold,
          activityLease, partitionLease, shutdownTimeout, schedulingProbe);
      Engine engine = new Engine(config);
      EmbeddedClient client = new EmbeddedClient(target, engine, functions, converter, clock, maxPayloadChars);
      engine.start();
      return new Cairn(engine, functions, client, target, ownsStore);
    }

    private static Store openDefaultStore() {
      for (StoreProvider provider : ServiceLoader.load(StoreProvider.class)) {
        return provider.openDefault();
      }
      throw new IllegalStateException("No store is configured and no default store is on the classpath. Add"
          + " dev.cairn:cairn-sqlite for the embedded store (./cairn-data/cairn.db), or pass one with"
          + " Cairn.builder().store(...), e.g. InMemoryStore.create() from dev.cairn:cairn-testing.");
    }
  }
}
