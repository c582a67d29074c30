package dev.cairn.internal.entity;

import dev.cairn.entity.EntityId;
import dev.cairn.failure.FailureDetails;
import dev.cairn.failure.UnknownFunctionException;
import dev.cairn.history.EntityLockGranted;
import dev.cairn.history.EntityOperationCompleted;
import dev.cairn.history.EntityOperationFailed;
import dev.cairn.internal.json.InternalJson;
import dev.cairn.internal.registry.EntityDefinition;
import dev.cairn.internal.registry.FunctionRegistry;
import dev.cairn.serialization.DataConverter;
import dev.cairn.store.EntityMessage;
import dev.cairn.store.EntityRecord;
import dev.cairn.store.EntitySnapshot;
import dev.cairn.store.EntityWakeUp;
import dev.cairn.store.EntityWrite;
import dev.cairn.store.LockRequest;
import dev.cairn.store.Message;
import dev.cairn.store.OperationRequest;
import dev.cairn.store.OrchestrationMessage;
import dev.cairn.store.UnlockRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one entity's messages of a partition batch, in order, one operation at a time, and yields one
 * write. Per sender, messages are processed in id order and a message at or below the sender's watermark is a
 * duplicate and dropped. While the entity is locked, only the holder's requests run; the others wait in the
 * queue, in order, and run after the release. A failing operation's state change and outgoing messages are
 * rolled back.
 */
public final class EntityBatch {
  private static final Logger LOG = LoggerFactory.getLogger(EntityBatch.class);

  private final EntityId id;
  private final EntityDefinition definition;
  private final FunctionRegistry functions;
  private final DataConverter converter;
  private final int maxPayloadChars;
  private final Instant now;
  private final Map<String, Long> watermarks;
  private final Map<String, Long> advanced = new HashMap<>();
  private final List<EntityOutbox> outbox = new ArrayList<>();
  private String state;
  private LockHolder lock;
  private final LinkedList<EntityMessage> queue;
  private final List<DeferredOperation> deferred;
  private int duplicates;
  private long sent;

  /** Prepares a batch for one entity from its snapshot. */
  public EntityBatch(
      EntityId id, EntitySnapshot snapshot, FunctionRegistry functions, DataConverter converter,
      int maxPayloadChars, Instant now) {
    this.id = id;
    this.definition = functions.findEntity(id.name());
    this.functions = functions;
    this.converter = converter;
    this.maxPayloadChars = maxPayloadChars;
    this.now = now;
    EntityRecord row = snapshot == null ? null : snapshot.record();
    this.watermarks = new HashMap<>(snapshot == null ? Map.of() : snapshot.senderWatermarks());
    this.state = row == null ? null : row.state();
    Bookkeeping books = row == null || row.internals() == null
        ? new Bookkeeping(null, List.of(), List.of(), 0)
        : InternalJson.read(row.internals(), Bookkeeping.class);
    this.lock = books.lock();
    this.queue = new LinkedList<>(books.queue());
    this.deferred = new ArrayList<>(books.deferred());
    this.sent = books.sent();
  }

  /**
   * Processes the messages.
   *
   * @throws EntityBatchCrashedException when a message crashes the unit of work
   */
  public EntityBatchOutcome run(List<Message> messages, EntityRecord row) {
    for (Message message : messages) {
      try {
        receive(message);
      } catch (RuntimeException | Error e) {
        throw new EntityBatchCrashedException(message, e);
      }
    }
    Bookkeeping books = new Bookkeeping(lock, queue, deferred, sent);
    long version = row == null ? 0 : row.version();
    EntityRecord next = new EntityRecord(id, version + 1, state,
        lock == null ? null : lock.instanceId(),
        books.isEmpty() ? null : InternalJson.write(books), queue.size(), now);
    return new EntityBatchOutcome(new EntityWrite(next, version, advanced), outbox, duplicates);
  }

  private void receive(Message message) {
    if (!(message.body() instanceof EntityMessage body)) {
      throw new IllegalStateException("message " + message.id() + " for entity " + id
          + " cannot be processed: " + message.body());
    }
    if (body instanceof EntityWakeUp) {
      runDueOperations();
      return;
    }
    if (body.sequence() > 0) {
      Long last = watermarks.get(body.sender());
      if (last != null && body.sequence() <= last) {
        duplicates++;
        LOG.debug("Entity {} dropped duplicate #{} from {} (message {})", id, body.sequence(), body.sender(),
            message.id());
        return;
      }
      watermarks.put(body.sender(), body.sequence());
      advanced.put(body.sender(), body.sequence());
    }
    if (body instanceof OperationRequest op && op.scheduledTime() != null && op.scheduledTime().isAfter(now)) {
      deferred.add(new DeferredOperation(op.scheduledTime(), op));
      outbox.add(new EntityOutbox(id.toString(), new EntityWakeUp(op.scheduledTime()), op.scheduledTime()));
      return;
    }
    dispatch(body);
  }

  private void dispatch(EntityMessage request) {
    if (request instanceof UnlockRequest unlock) {
      release(unlock);
      return;
    }
    if (lock != null && !heldBy(request)) {
      queue.add(request);
      return;
    }
    switch (request) {
      case OperationRequest op -> execute(op);
      case LockRequest lockRequest -> acquire(lockRequest);
      default -> throw new IllegalStateException("unexpected entity request " + request);
    }
  }

  private boolean heldBy(EntityMessage request) {
    return switch (request) {
      case OperationRequest op -> op.lockRequestId() != null && op.lockRequestId().equals(lock.requestId());
      case LockRequest again -> again.requestId().equals(lock.requestId());
      default -> false;
    };
  }

  private void acquire(LockRequest request) {
    if (lock != null && lock.requestId().equals(request.requestId())) {
      return;
    }
    lock = new LockHolder(request.requestId(), request.holderInstanceId(), request.holderExecutionId(),
        request.lockSet());
    int next = request.position() + 1;
    if (next < request.lockSet().size()) {
      LockRequest hop = new LockRequest(request.requestId(), "e:" + id, ++sent, request.holderInstanceId(),
          request.holderExecutionId(), request.lockSet(), next);
      outbox.add(new EntityOutbox(request.lockSet().get(next).toString(), hop, now));
    } else {
      EntityLockGranted grant = new EntityLockGranted(-1, now, request.requestId(), request.lockSet());
      outbox.add(new EntityOutbox(request.holderInstanceId(),
          new OrchestrationMessage(request.holderExecutionId(), grant), now));
    }
  }

  private void release(UnlockRequest unlock) {
    boolean holder = lock != null
        && lock.instanceId().equals(unlock.holderInstanceId())
        && (unlock.requestId() == null || unlock.requestId().equals(lock.requestId()));
    if (!holder) {
      LOG.debug("Entity {} ignored a release from {}, which does not hold its lock", id, unlock.sender());
      return;
    }
    lock = null;
    while (lock == null && !queue.isEmpty()) {
      dispatch(queue.removeFirst());
    }
  }

  private void runDueOperations() {
    List<DeferredOperation> due = new ArrayList<>();
    for (DeferredOperation op : deferred) {
      if (!op.dueAt().isAfter(now)) {
        due.add(op);
      }
    }
    deferred.removeAll(due);
    due.sort(Comparator.comparing(DeferredOperation::dueAt));
    for (DeferredOperation op : due) {
      dispatch(op.request());
    }
  }

  private void execute(OperationRequest op) {
    if (definition == null) {
      fail(op, FailureDetails.from(new UnknownFunctionException("entity", id.name(), functions.entityNames())));
      return;
    }
    EntityContextImpl context =
        new EntityContextImpl(id, op, state, converter, functions, maxPayloadChars, now, () -> ++sent);
    Object result;
    String resultJson;
    try {
      result = definition.function().run(context);
      resultJson = converter.serialize(result);
      if (resultJson != null && resultJson.length() > maxPayloadChars) {
        throw new dev.cairn.failure.PayloadTooLargeException(
            "result of operation '" + op.operation() + "'", resultJson.length(), maxPayloadChars);
      }
    } catch (Exception e) {
      fail(op, FailureDetails.from(e));
      return;
    }
    state = context.state();
    outbox.addAll(context.outgoing());
    if (!op.isSignal()) {
      outbox.add(new EntityOutbox(op.replyTo().instanceId(), new OrchestrationMessage(
          op.replyTo().executionId(),
          new EntityOperationCompleted(-1, now, op.requestId(), resultJson)), now));
    }
  }

  private void fail(OperationRequest op, FailureDetails failure) {
    if (op.isSignal()) {
      LOG.warn("Signalled operation '{}' of entity {} (from {}) failed; its changes were rolled back: {}",
          op.operation(), id, op.sender(), failure.summary());
      return;
    }
    outbox.add(new EntityOutbox(op.replyTo().instanceId(), new OrchestrationMessage(
        op.replyTo().executionId(), new EntityOperationFailed(-1, now, op.requestId(), failure)), now));
  }
}
