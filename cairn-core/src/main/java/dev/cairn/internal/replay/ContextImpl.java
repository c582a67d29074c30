package dev.cairn.internal.replay;

import dev.cairn.entity.EntityId;
import dev.cairn.failure.CriticalSectionViolationException;
import dev.cairn.failure.EventTimeoutException;
import dev.cairn.failure.UnknownFunctionException;
import dev.cairn.history.EntityLockRequested;
import dev.cairn.history.EntityOperationCalled;
import dev.cairn.history.EntityOperationSignaled;
import dev.cairn.history.EventSent;
import dev.cairn.history.SubOrchestrationInstanceCreated;
import dev.cairn.history.TaskScheduled;
import dev.cairn.history.TimerCreated;
import dev.cairn.internal.util.Ids;
import dev.cairn.orchestration.CriticalSection;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.orchestration.SubOrchestrationOptions;
import dev.cairn.orchestration.Task;
import dev.cairn.orchestration.TaskOptions;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The orchestration context: turns calls of orchestration code into recorded actions and tasks. */
final class ContextImpl implements OrchestrationContext {
  private final OrchestrationExecutor x;
  private final Logger logger;

  ContextImpl(OrchestrationExecutor executor) {
    this.x = executor;
    this.logger = new ReplaySafeLogger(
        LoggerFactory.getLogger("dev.cairn.orchestration." + executor.name), () -> executor.replaying);
  }

  @Override
  public String instanceId() {
    return x.instanceId;
  }

  @Override
  public String name() {
    return x.name;
  }

  @Override
  public String executionId() {
    return x.executionId;
  }

  @Override
  public String parentInstanceId() {
    return x.parentInstanceId();
  }

  @Override
  public <T> T getInput(Class<T> type) {
    return x.settings.converter().deserialize(x.inputJson, type);
  }

  @Override
  public Instant currentTime() {
    return x.currentTime;
  }

  @Override
  public UUID newUuid() {
    x.checkUsable();
    return DeterministicIds.uuid(x.instanceId + "/" + x.executionId + "/" + x.uuidCounter++);
  }

  @Override
  public boolean isReplaying() {
    return x.replaying;
  }

  @Override
  public Logger logger() {
    return logger;
  }

  @Override
  public void setCustomStatus(Object status) {
    x.checkUsable();
    x.customStatus = x.serialize(status, "custom status");
  }

  @Override
  public <T> Task<T> callActivity(String name, Object input, Class<T> resultType) {
    return callActivity(name, input, TaskOptions.defaults(), resultType);
  }

  @Override
  public Task<Void> callActivity(String name, Object input) {
    return callActivity(name, input, TaskOptions.defaults(), Void.class);
  }

  @Override
  public <T> Task<T> callActivity(String name, Object input, TaskOptions options, Class<T> resultType) {
    x.checkUsable();
    Ids.requireName(name, "activity name");
    TaskOptions opts = options == null ? TaskOptions.defaults() : options;
    String json = x.serialize(input, "input of activity '" + name + "'");
    if (opts.retryPolicy() == null) {
      return scheduleActivity(name, json, 1, opts.timeout(), resultType);
    }
    TaskImpl<T> outcome = x.newTask(resultType, name, -1);
    return RetryingCall.start(x, opts.retryPolicy(), outcome,
        attempt -> scheduleActivity(name, json, attempt, opts.timeout(), resultType));
  }

  private <T> TaskImpl<T> scheduleActivity(
      String name, String inputJson, int attempt, Duration timeout, Type resultType) {
    int taskId = x.newTaskId();
    TaskImpl<T> task = x.newTask(resultType, name, taskId);
    x.openTask(taskId, task);
    x.recordAction(taskId, new TaskScheduled(-1, x.currentTime, taskId, name, inputJson, attempt, timeout));
    return task;
  }

  @Override
  public <T> Task<T> callSubOrchestration(String name, Object input, Class<T> resultType) {
    return callSubOrchestration(name, input, new SubOrchestrationOptions(null, null), resultType);
  }

  @Override
  public <T> Task<T> callSubOrchestration(
      String name, Object input, SubOrchestrationOptions options, Class<T> resultType) {
    x.checkUsable();
    Ids.requireName(name, "orchestration name");
    if (x.section != null) {
      throw violation("sub-orchestration-in-critical-section", null,
          "starts sub-orchestration '" + name + "'");
    }
    SubOrchestrationOptions opts = options == null ? new SubOrchestrationOptions(null, null) : options;
    if (opts.instanceId() != null) {
      Ids.requireInstanceId(opts.instanceId());
    }
    String json = x.serialize(input, "input of sub-orchestration '" + name + "'");
    if (opts.retryPolicy() == null) {
      return startChild(name, json, opts.instanceId(), resultType);
    }
    TaskImpl<T> outcome = x.newTask(resultType, name, -1);
    return RetryingCall.start(x, opts.retryPolicy(), outcome,
        attempt -> startChild(name, json, opts.instanceId(), resultType));
  }

  private <T> TaskImpl<T> startChild(String name, String inputJson, String childId, Type resultType) {
    String id = childId != null ? childId : newUuid().toString();
    int taskId = x.newTaskId();
    TaskImpl<T> task = x.newTask(resultType, name, taskId);
    x.openTask(taskId, task);
    x.openChild(taskId, id);
    x.recordAction(taskId,
        new SubOrchestrationInstanceCreated(-1, x.currentTime, taskId, name, id, inputJson));
    return task;
  }

  @Override
  public Task<Void> createTimer(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    return createTimer(x.currentTime.plus(delay.isNegative() ? Duration.ZERO : delay));
  }

  @Override
  public Task<Void> createTimer(Instant fireAt) {
    x.checkUsable();
    return scheduleTimer(x, Objects.requireNonNull(fireAt, "fireAt"));
  }

  /** Records a timer action and returns its task (also used for retries and event timeouts). */
  static TaskImpl<Void> scheduleTimer(OrchestrationExecutor x, Instant fireAt) {
    int taskId = x.newTaskId();
    TaskImpl<Void> task = x.newTask(Void.class, "timer", taskId);
    x.openTask(taskId, task);
    x.recordAction(taskId, new TimerCreated(-1, x.currentTime, taskId, fireAt));
    return task;
  }

  @Override
  public <T> Task<T> waitForExternalEvent(String name, Class<T> dataType) {
    return waitForExternalEvent(name, null, dataType);
  }

  @Override
  public <T> Task<T> waitForExternalEvent(String name, Duration timeout, Class<T> dataType) {
    x.checkUsable();
    Ids.requireName(name, "event name");
    TaskImpl<T> task = x.newTask(dataType, "event '" + name + "'", -1);
    x.events.waitFor(name, task);
    if (task.isDone() || timeout == null) {
      return task;
    }
    if (timeout.isZero() || timeout.isNegative()) {
      x.events.cancelWait(name, task);
      task.fail(new EventTimeoutException(name, timeout));
      return task;
    }
    TaskImpl<Void> timer = scheduleTimer(x, x.currentTime.plus(timeout));
    timer.whenDone(() -> {
      if (!task.isDone()) {
        x.events.cancelWait(name, task);
        task.fail(new EventTimeoutException(name, timeout));
      }
    });
    return task;
  }

  @Override
  public void sendEvent(String instanceId, String eventName, Object data) {
    x.checkUsable();
    Ids.requireInstanceId(instanceId);
    Ids.requireName(eventName, "event name");
    String json = x.serialize(data, "data of event '" + eventName + "'");
    int taskId = x.newTaskId();
    x.recordAction(taskId, new EventSent(-1, x.currentTime, taskId, instanceId, eventName, json));
  }

  @Override
  public <T> Task<T> callEntity(EntityId entity, String operation, Object input, Class<T> resultType) {
    x.checkUsable();
    requireEntity(entity, operation);
    String lockRequestId = null;
    if (x.section != null) {
      if (!x.section.lockSet.contains(entity)) {
        throw violation("call-unlocked-entity", entity,
            "calls entity " + entity + ", which it did not lock (locked: " + x.section.lockSet + ")");
      }
      if (!x.section.callsInFlight.add(entity)) {
        throw violation("parallel-call-same-entity", entity,
            "calls entity " + entity + " while a call to it is still in flight; await the first call"
                + " (calling two different locked entities in parallel is fine)");
      }
      lockRequestId = x.section.requestId;
    }
    String json = x.serialize(input, "input of operation '" + operation + "'");
    int taskId = x.newTaskId();
    String requestId = x.requestId(taskId);
    TaskImpl<T> task = x.newTask(resultType, "operation '" + operation + "' of " + entity, taskId);
    x.openTask(taskId, task);
    x.openEntityCall(requestId, taskId, entity);
    x.recordAction(taskId, new EntityOperationCalled(
        -1, x.currentTime, taskId, requestId, entity, operation, json, lockRequestId));
    return task;
  }

  @Override
  public Task<Void> callEntity(EntityId entity, String operation, Object input) {
    return callEntity(entity, operation, input, Void.class);
  }

  @Override
  public void signalEntity(EntityId entity, String operation, Object input) {
    signalEntity(entity, operation, input, null);
  }

  @Override
  public void signalEntity(EntityId entity, String operation, Object input, Instant at) {
    x.checkUsable();
    requireEntity(entity, operation);
    if (x.section != null && x.section.lockSet.contains(entity)) {
      throw violation("signal-locked-entity", entity,
          "signals entity " + entity + ", which it holds locked; call it instead");
    }
    String json = x.serialize(input, "input of operation '" + operation + "'");
    int taskId = x.newTaskId();
    x.recordAction(taskId, new EntityOperationSignaled(
        -1, x.currentTime, taskId, x.requestId(taskId), entity, operation, json, at));
  }

  @Override
  public CriticalSection lock(EntityId... entities) {
    return lock(Arrays.asList(entities));
  }

  @Override
  public CriticalSection lock(Collection<EntityId> entities) {
    x.checkUsable();
    if (x.section != null) {
      throw violation("nested-critical-section", null,
          "opens a critical section while one is open (locked: " + x.section.lockSet + ")");
    }
    if (entities == null || entities.isEmpty()) {
      throw new IllegalArgumentException("lock() needs at least one entity");
    }
    List<EntityId> lockSet = new ArrayList<>(new TreeSet<>(entities));
    for (EntityId entity : lockSet) {
      requireEntity(entity, "lock");
    }
    int taskId = x.newTaskId();
    String requestId = x.requestId(taskId);
    TaskImpl<Void> grant = x.newTask(Void.class, "lock of " + lockSet, taskId);
    x.openTask(taskId, grant);
    CriticalSectionState state = new CriticalSectionState(requestId, lockSet, taskId);
    x.section = state;
    x.recordAction(taskId, new EntityLockRequested(-1, x.currentTime, taskId, requestId, lockSet));
    grant.await();
    return new CriticalSectionHandle(x, state);
  }

  @Override
  public <T> Task<List<T>> allOf(List<? extends Task<? extends T>> tasks) {
    x.checkUsable();
    List<TaskImpl<? extends T>> own = new ArrayList<>(tasks.size());
    for (Task<? extends T> task : tasks) {
      own.add(own(task));
    }
    TaskImpl<List<T>> all = x.newTask(List.class, "allOf", -1);
    CompositeTasks.allOf(own, all);
    return all;
  }

  @Override
  public Task<List<Object>> allOf(Task<?>... tasks) {
    List<Task<?>> list = Arrays.asList(tasks);
    return allOf(list);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Task<Task<T>> anyOf(List<? extends Task<T>> tasks) {
    x.checkUsable();
    List<TaskImpl<T>> own = new ArrayList<>(tasks.size());
    for (Task<T> task : tasks) {
      own.add((TaskImpl<T>) own(task));
    }
    TaskImpl<Task<T>> any = x.newTask(Task.class, "anyOf", -1);
    CompositeTasks.anyOf(own, any);
    return any;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Task<Task<?>> anyOf(Task<?>... tasks) {
    List list = Arrays.asList(tasks);
    return (Task<Task<?>>) (Task) anyOf(list);
  }

  private <T> TaskImpl<T> own(Task<T> task) {
    if (task instanceof TaskImpl<T> impl) {
      return impl;
    }
    throw new IllegalArgumentException(
        "allOf/anyOf take tasks created by this orchestration's context, not " + task);
  }

  @Override
  public void continueAsNew(Object newInput) {
    continueAsNew(newInput, false);
  }

  @Override
  public void continueAsNew(Object newInput, boolean preserveUnprocessedEvents) {
    x.checkUsable();
    if (x.section != null) {
      throw violation("continue-as-new-in-critical-section", null,
          "continues as new while holding the locks of " + x.section.lockSet);
    }
    throw new ContinueAsNewSignal(x.serialize(newInput, "continue-as-new input"), preserveUnprocessedEvents);
  }

  private void requireEntity(EntityId entity, String operation) {
    Objects.requireNonNull(entity, "entity");
    Ids.requireName(operation, "operation name");
    if (!x.settings.lookup().isEntity(entity.name())) {
      throw new UnknownFunctionException("entity", entity.name(), x.settings.lookup().entityNames());
    }
  }

  private CriticalSectionViolationException violation(String rule, EntityId entity, String what) {
    return new CriticalSectionViolationException(rule, entity == null ? null : entity.toString(),
        "Critical section rule broken (" + rule + "): orchestration '" + x.instanceId + "' " + what
            + ". While a critical section is open an orchestration may only call the entities it locked,"
            + " one call per entity at a time, and may not signal them, start sub-orchestrations, open"
            + " another critical section or continue as new (SPEC 4.2).");
  }
}
