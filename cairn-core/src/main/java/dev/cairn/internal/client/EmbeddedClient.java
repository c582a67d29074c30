package dev.cairn.internal.client;

import dev.cairn.client.CairnClient;
import dev.cairn.client.CleanupResult;
import dev.cairn.client.DeadLetter;
import dev.cairn.client.EntityMetadata;
import dev.cairn.client.EntityPage;
import dev.cairn.client.EntityQuery;
import dev.cairn.client.InstancePage;
import dev.cairn.client.InstanceQuery;
import dev.cairn.client.InstanceStatus;
import dev.cairn.client.PurgeFilter;
import dev.cairn.client.ReusePolicy;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.client.StartOptions;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.EntityCallNotAllowedException;
import dev.cairn.failure.InstanceAlreadyExistsException;
import dev.cairn.failure.InstanceFinishedException;
import dev.cairn.failure.InstanceNotFoundException;
import dev.cairn.failure.InvalidRequestException;
import dev.cairn.failure.PayloadTooLargeException;
import dev.cairn.failure.UnknownFunctionException;
import dev.cairn.failure.WaitTimeoutException;
import dev.cairn.history.EventRaised;
import dev.cairn.history.ExecutionResumed;
import dev.cairn.history.ExecutionStarted;
import dev.cairn.history.ExecutionSuspended;
import dev.cairn.history.ExecutionTerminated;
import dev.cairn.history.HistoryEvent;
import dev.cairn.internal.dispatch.Engine;
import dev.cairn.internal.dispatch.InstanceWatch;
import dev.cairn.internal.registry.FunctionRegistry;
import dev.cairn.internal.util.Ids;
import dev.cairn.serialization.DataConverter;
import dev.cairn.store.CreateResult;
import dev.cairn.store.EntityRecord;
import dev.cairn.store.InstanceRecord;
import dev.cairn.store.MessageBody;
import dev.cairn.store.NewMessage;
import dev.cairn.store.OperationRequest;
import dev.cairn.store.OrchestrationMessage;
import dev.cairn.store.RecordPage;
import dev.cairn.store.Store;
import dev.cairn.store.UnlockRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The client of an embedded runtime: validates at the boundary, writes through the store, and wakes the
 * partition that has new work. Waiting is driven by the engine's commit notifications.
 */
public final class EmbeddedClient implements CairnClient {
  /** Even without a notification, a waiting client re-reads the status this often (other processes). */
  private static final Duration RECHECK = Duration.ofSeconds(1);

  private final Store store;
  private final Engine engine;
  private final FunctionRegistry functions;
  private final DataConverter converter;
  private final InstantSource clock;
  private final int maxPayloadChars;
  private final String sender = "c:" + UUID.randomUUID();
  private final ClientOutbox outbox;

  /** Creates the client of an engine. */
  public EmbeddedClient(
      Store store, Engine engine, FunctionRegistry functions, DataConverter converter, InstantSource clock,
      int maxPayloadChars) {
    this.store = store;
    this.engine = engine;
    this.functions = functions;
    this.converter = converter;
    this.clock = clock;
    this.maxPayloadChars = maxPayloadChars;
    this.outbox = new ClientOutbox(store, sender, clock, engine::signal);
  }

  /** Stops the client's writer; later calls that write fail. */
  public void close() {
    outbox.close();
  }

  @Override
  public String start(String name, Object input) {
    return start(name, input, StartOptions.defaults());
  }

  @Override
  public String start(String name, Object input, StartOptions options) {
    Ids.requireName(name, "orchestration name");
    if (functions.findOrchestration(name) == null) {
      throw new UnknownFunctionException("orchestration", name, functions.orchestrationNames());
    }
    return startWithJson(name, serialize(input, "input"), options == null ? StartOptions.defaults() : options);
  }

  private String startWithJson(String name, String inputJson, StartOptions options) {
    String id = options.instanceId() != null
        ? Ids.requireInstanceId(options.instanceId()) : Ids.timeOrdered();
    Instant now = clock.instant();
    String executionId = UUID.randomUUID().toString();
    InstanceRecord row = new InstanceRecord(id, name, executionId, RuntimeStatus.PENDING, inputJson, null, null,
        null, null, now, now, 1);
    Instant startAt = options.startAt();
    ExecutionStarted started = new ExecutionStarted(-1, now, name, executionId, inputJson, null, startAt);
    boolean scheduled = startAt != null && startAt.isAfter(now);
    CreateResult result = scheduled ? null : engine.startHere(id, started, options.reusePolicy());
    boolean throughStore = result == null;
    NewMessage message = new NewMessage(store.partitionOf(id), id, new OrchestrationMessage(null, started),
        scheduled ? startAt : now);
    if (throughStore) {
      result = store.createInstance(row, message, options.reusePolicy());
    }
    if (!result.created()) {
      if (options.reusePolicy() == ReusePolicy.RETURN_EXISTING) {
        return id;
      }
      throw new InstanceAlreadyExistsException(id, result.existing().status());
    }
    if (throughStore) {
      if (result.existing() != null) {
        engine.evict(id);
      }
      engine.signal(message.partition());
    }
    return id;
  }

  @Override
  public Optional<InstanceStatus> getStatus(String instanceId) {
    return getStatus(instanceId, false);
  }

  @Override
  public Optional<InstanceStatus> getStatus(String instanceId, boolean withHistory) {
    Ids.requireInstanceId(instanceId);
    return store.getInstance(instanceId).map(row -> toStatus(row,
        withHistory ? store.loadHistory(instanceId) : null));
  }

  private InstanceStatus toStatus(InstanceRecord row, List<HistoryEvent> history) {
    return new InstanceStatus(row.instanceId(), row.name(), row.executionId(), row.status(), row.input(),
        row.output(), row.customStatus(), row.failure(), row.createdAt(), row.updatedAt(),
        row.parent() == null ? null : row.parent().instanceId(), history, converter);
  }

  @Override
  public InstanceStatus waitForCompletion(String instanceId, Duration timeout) {
    return waitFor(instanceId, timeout, InstanceStatus::isTerminal, "finish");
  }

  @Override
  public InstanceStatus waitForStart(String instanceId, Duration timeout) {
    return waitFor(instanceId, timeout, s -> s.runtimeStatus() != RuntimeStatus.PENDING, "start");
  }

  private InstanceStatus waitFor(
      String instanceId, Duration timeout, Predicate<InstanceStatus> done, String what) {
    Ids.requireInstanceId(instanceId);
    long deadline = System.nanoTime() + timeout.toNanos();
    try (InstanceWatch.Subscription changes = engine.watch().subscribe(instanceId)) {
      InstanceRecord row = readRow(instanceId);
      while (true) {
        InstanceRecord told = changes.latest();
        if (told != null && told.version() > row.version()) {
          row = told;
        }
        InstanceStatus status = toStatus(row, null);
        if (done.test(status)) {
          return status;
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw new WaitTimeoutException(instanceId, timeout, what);
        }
        if (!changes.awaitChange(Math.min(remaining, RECHECK.toNanos())) || changes.takeStale()) {
          // Changed by another worker, or no change committed here for a while: another process may have changed it.
          row = readRow(instanceId);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WaitTimeoutException(instanceId, timeout, what);
    }
  }

  private InstanceRecord readRow(String instanceId) {
    return store.getInstance(instanceId).orElseThrow(() -> new InstanceNotFoundException(instanceId));
  }

  @Override
  public void raiseEvent(String instanceId, String eventName, Object data) {
    Ids.requireName(eventName, "event name");
    String json = serialize(data, "event data");
    requireRunning(instanceId, "raise event '" + eventName + "'");
    send(instanceId, new OrchestrationMessage(null, new EventRaised(-1, clock.instant(), eventName, json)));
  }

  @Override
  public void terminate(String instanceId, String reason) {
    terminate(instanceId, reason, false);
  }

  @Override
  public void terminate(String instanceId, String reason, boolean recursive) {
    checkReason(reason);
    requireRunning(instanceId, "terminate it");
    send(instanceId, new OrchestrationMessage(null,
        new ExecutionTerminated(-1, clock.instant(), reason, recursive)));
  }

  @Override
  public void suspend(String instanceId, String reason) {
    checkReason(reason);
    requireRunning(instanceId, "suspend it");
    send(instanceId, new OrchestrationMessage(null, new ExecutionSuspended(-1, clock.instant(), reason)));
  }

  @Override
  public void resume(String instanceId, String reason) {
    checkReason(reason);
    requireRunning(instanceId, "resume it");
    send(instanceId, new OrchestrationMessage(null, new ExecutionResumed(-1, clock.instant(), reason)));
  }

  private void checkReason(String reason) {
    if (reason != null && reason.length() > maxPayloadChars) {
      throw new PayloadTooLargeException("reason", reason.length(), maxPayloadChars);
    }
  }

  private InstanceRecord requireRunning(String instanceId, String what) {
    Ids.requireInstanceId(instanceId);
    InstanceRecord row = store.getInstance(instanceId).orElseThrow(() -> new InstanceNotFoundException(instanceId));
    if (row.status().isTerminal()) {
      throw new InstanceFinishedException(instanceId, row.status(), what);
    }
    return row;
  }

  @Override
  public String restart(String instanceId, boolean newInstanceId) {
    Ids.requireInstanceId(instanceId);
    InstanceRecord row = store.getInstance(instanceId).orElseThrow(() -> new InstanceNotFoundException(instanceId));
    if (functions.findOrchestration(row.name()) == null) {
      throw new UnknownFunctionException("orchestration", row.name(), functions.orchestrationNames());
    }
    if (newInstanceId) {
      return startWithJson(row.name(), row.input(), StartOptions.defaults());
    }
    if (!row.status().isTerminal()) {
      throw new InstanceAlreadyExistsException(instanceId, row.status());
    }
    return startWithJson(row.name(), row.input(),
        StartOptions.withId(instanceId).reusePolicy(ReusePolicy.REPLACE_FINISHED));
  }

  @Override
  public boolean purge(String instanceId) {
    Ids.requireInstanceId(instanceId);
    boolean purged = store.purgeInstance(instanceId);
    engine.evict(instanceId);
    return purged;
  }

  @Override
  public int purge(PurgeFilter filter) {
    return store.purgeInstances(filter == null ? PurgeFilter.allFinished() : filter);
  }

  @Override
  public InstancePage query(InstanceQuery query) {
    RecordPage<InstanceRecord> page = store.queryInstances(query == null ? InstanceQuery.all() : query);
    List<InstanceStatus> statuses = new ArrayList<>(page.items().size());
    for (InstanceRecord row : page.items()) {
      statuses.add(toStatus(row, null));
    }
    return new InstancePage(statuses, page.continuationToken());
  }

  @Override
  public java.util.Map<RuntimeStatus, Long> countByStatus() {
    return store.countInstancesByStatus();
  }

  @Override
  public void signalEntity(EntityId entity, String operation, Object input) {
    signalEntity(entity, operation, input, null);
  }

  @Override
  public void signalEntity(EntityId entity, String operation, Object input, Instant at) {
    Ids.requireEntityId(entity);
    Ids.requireName(operation, "operation name");
    if (!functions.isEntity(entity.name())) {
      throw new UnknownFunctionException("entity", entity.name(), functions.entityNames());
    }
    String json = serialize(input, "operation input");
    send(entity.toString(),
        new OperationRequest(UUID.randomUUID().toString(), sender, 0, operation, json, at, null, null));
  }

  @Override
  public <T> T callEntity(EntityId entity, String operation, Object input, Class<T> resultType) {
    throw new EntityCallNotAllowedException("client", String.valueOf(entity));
  }

  @Override
  public Optional<EntityMetadata> getEntity(EntityId entity) {
    Ids.requireEntityId(entity);
    return store.getEntity(entity).filter(row -> row.state() != null).map(this::toMetadata);
  }

  private EntityMetadata toMetadata(EntityRecord row) {
    return new EntityMetadata(row.id(), row.state(), row.updatedAt(), row.lockedBy(), row.backlog(), converter);
  }

  @Override
  public EntityPage queryEntities(EntityQuery query) {
    RecordPage<EntityRecord> page = store.queryEntities(query == null ? EntityQuery.all() : query);
    return new EntityPage(page.items().stream().map(this::toMetadata).toList(), page.continuationToken());
  }

  @Override
  public CleanupResult cleanEntityStorage(boolean removeEmptyEntities, boolean releaseOrphanedLocks) {
    int released = 0;
    if (releaseOrphanedLocks) {
      for (EntityRecord row : store.lockedEntities()) {
        Optional<InstanceRecord> holder = store.getInstance(row.lockedBy());
        if (holder.isEmpty() || holder.get().status().isTerminal()) {
          send(row.id().toString(), new UnlockRequest(null, sender, row.lockedBy()));
          released++;
        }
      }
    }
    int removed = 0;
    if (removeEmptyEntities) {
      String token = null;
      do {
        RecordPage<EntityRecord> page = store.queryEntities(new EntityQuery(null, null, true, 1000, token));
        List<EntityRecord> empty = page.items().stream().filter(EntityRecord::isEmpty).toList();
        removed += empty.isEmpty() ? 0 : store.deleteEmptyEntities(empty);
        token = page.continuationToken();
      } while (token != null);
    }
    return new CleanupResult(removed, released);
  }

  @Override
  public List<DeadLetter> deadLetters(int max) {
    if (max < 1) {
      throw new InvalidRequestException("max", "max must be at least 1, got " + max);
    }
    return store.deadLetters(max);
  }

  @Override
  public DataConverter dataConverter() {
    return converter;
  }

  private void send(String target, MessageBody body) {
    outbox.send(List.of(new NewMessage(store.partitionOf(target), target, body, clock.instant())));
  }

  private String serialize(Object value, String field) {
    String json = converter.serialize(value);
    if (json != null && json.length() > maxPayloadChars) {
      throw new PayloadTooLargeException(field, json.length(), maxPayloadChars);
    }
    return json;
  }
}
