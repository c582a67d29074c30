package dev.cairn.internal.entity;

import dev.cairn.entity.EntityContext;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.EntityCallNotAllowedException;
import dev.cairn.failure.PayloadTooLargeException;
import dev.cairn.failure.UnknownFunctionException;
import dev.cairn.history.ExecutionStarted;
import dev.cairn.internal.registry.FunctionRegistry;
import dev.cairn.internal.util.Ids;
import dev.cairn.serialization.DataConverter;
import dev.cairn.store.OperationRequest;
import dev.cairn.store.OrchestrationMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The context of one entity operation. State changes and outgoing messages are kept here until the operation
 * succeeds; when it throws, the batch drops this context, which rolls both back.
 */
public final class EntityContextImpl implements EntityContext {
  private final EntityId id;
  private final OperationRequest request;
  private final DataConverter converter;
  private final FunctionRegistry functions;
  private final int maxPayloadChars;
  private final Instant now;
  private final LongSupplier nextSequence;
  private final List<EntityOutbox> outgoing = new ArrayList<>();
  private String state;
  private boolean deleted;

  EntityContextImpl(
      EntityId id, OperationRequest request, String state, DataConverter converter,
      FunctionRegistry functions, int maxPayloadChars, Instant now, LongSupplier nextSequence) {
    this.nextSequence = nextSequence;
    this.id = id;
    this.request = request;
    this.state = state;
    this.converter = converter;
    this.functions = functions;
    this.maxPayloadChars = maxPayloadChars;
    this.now = now;
  }

  @Override
  public EntityId id() {
    return id;
  }

  @Override
  public String operation() {
    return request.operation();
  }

  @Override
  public <T> T getInput(Class<T> type) {
    return converter.deserialize(request.input(), type);
  }

  @Override
  public boolean hasState() {
    return state != null;
  }

  @Override
  public <T> T getState(Class<T> type) {
    return converter.deserialize(state, type);
  }

  @Override
  public <T> T getState(Class<T> type, T initial) {
    return state == null ? initial : converter.deserialize(state, type);
  }

  @Override
  public void setState(Object value) {
    state = checked(converter.serialize(value), "state of entity " + id);
    deleted = state == null;
  }

  @Override
  public void deleteState() {
    state = null;
    deleted = true;
  }

  @Override
  public void signalEntity(EntityId target, String operation, Object input) {
    signalEntity(target, operation, input, null);
  }

  @Override
  public void signalEntity(EntityId target, String operation, Object input, Instant at) {
    Ids.requireEntityId(target);
    Ids.requireName(operation, "operation name");
    if (!functions.isEntity(target.name())) {
      throw new UnknownFunctionException("entity", target.name(), functions.entityNames());
    }
    String json = checked(converter.serialize(input), "input of operation '" + operation + "'");
    OperationRequest signal = new OperationRequest(
        UUID.randomUUID().toString(), "e:" + id, nextSequence.getAsLong(), operation, json, at, null, null);
    outgoing.add(new EntityOutbox(target.toString(), signal, now));
  }

  @Override
  public String startOrchestration(String name, Object input) {
    return startOrchestration(name, input, Ids.timeOrdered());
  }

  @Override
  public String startOrchestration(String name, Object input, String instanceId) {
    Ids.requireInstanceId(instanceId);
    if (functions.findOrchestration(name) == null) {
      throw new UnknownFunctionException("orchestration", name, functions.orchestrationNames());
    }
    String json = checked(converter.serialize(input), "input of orchestration '" + name + "'");
    ExecutionStarted start = new ExecutionStarted(
        -1, now, name, UUID.randomUUID().toString(), json, null, null);
    outgoing.add(new EntityOutbox(instanceId, new OrchestrationMessage(null, start), now));
    return instanceId;
  }

  @Override
  public <T> T callEntity(EntityId target, String operation, Object input, Class<T> resultType) {
    throw new EntityCallNotAllowedException("entity " + id, String.valueOf(target));
  }

  private String checked(String json, String field) {
    if (json != null && json.length() > maxPayloadChars) {
      throw new PayloadTooLargeException(field, json.length(), maxPayloadChars);
    }
    return json;
  }

  String state() {
    return state;
  }

  /** Whether the operation deleted the state (class-style entities then do not write it back). */
  public boolean isDeleted() {
    return deleted;
  }

  List<EntityOutbox> outgoing() {
    return outgoing;
  }
}
