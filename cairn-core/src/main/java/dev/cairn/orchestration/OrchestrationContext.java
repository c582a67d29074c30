package dev.cairn.orchestration;

import dev.cairn.entity.EntityId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;

/**
 * Everything orchestration code may do, and the only way it may touch the outside world. Each call that
 * starts something (an activity, a timer, ...) is an action recorded in the history; when the orchestration
 * is replayed, its actions are matched against the history by position, kind and name, and recorded results
 * are fed back instead of redone.
 *
 * <p>Orchestration code runs one step at a time on a thread of its own; it must not block on anything but
 * {@link Task#await()}, and must not start threads.
 */
public interface OrchestrationContext {

  /** The instance id. */
  String instanceId();

  /** The orchestration's registered name. */
  String name();

  /** The current execution's id (continue-as-new starts a new one). */
  String executionId();

  /** The instance id of the parent when this is a sub-orchestration, else null. */
  String parentInstanceId();

  /** The input read as a given type (the same value the orchestration function received). */
  <T> T getInput(Class<T> type);

  /**
   * The current time, deterministically: the time at which the current episode started, as recorded in the
   * history. Use it instead of {@code Instant.now()}.
   */
  Instant currentTime();

  /**
   * A new UUID, deterministically: name-based from the instance, the execution and a counter, so every replay
   * gets the same ones. Use it instead of {@code UUID.randomUUID()}.
   */
  UUID newUuid();

  /** Whether the code is replaying recorded history (true) or running for the first time (false). */
  boolean isReplaying();

  /** A logger that is silent while the code is replaying, so each message is logged once. */
  Logger logger();

  /** Sets the custom status, a small JSON-serializable value that clients see; null clears it. */
  void setCustomStatus(Object status);

  /**
   * Calls an activity.
   *
   * <pre>{@code String greeting = ctx.callActivity("SayHello", "Tokyo", String.class).await();}</pre>
   */
  <T> Task<T> callActivity(String name, Object input, Class<T> resultType);

  /** Calls an activity with options: a retry policy (retries wait on durable timers) and a timeout. */
  <T> Task<T> callActivity(String name, Object input, TaskOptions options, Class<T> resultType);

  /** Calls an activity whose result is not needed. */
  Task<Void> callActivity(String name, Object input);

  /** Starts a sub-orchestration and returns a task for its output; its failure fails the task. */
  <T> Task<T> callSubOrchestration(String name, Object input, Class<T> resultType);

  /** Starts a sub-orchestration with options (its instance id, a retry policy). */
  <T> Task<T> callSubOrchestration(
      String name, Object input, SubOrchestrationOptions options, Class<T> resultType);

  /** A durable timer that fires after a delay (measured from {@link #currentTime()}). */
  Task<Void> createTimer(Duration delay);

  /** A durable timer that fires at an instant, never earlier, also across restarts. */
  Task<Void> createTimer(Instant fireAt);

  /**
   * Waits for an external event by name (names are compared ignoring case). Events that arrived before the
   * wait are kept and handed out in arrival order; waiters for the same name are served in order.
   */
  <T> Task<T> waitForExternalEvent(String name, Class<T> dataType);

  /**
   * Waits for an external event with a timeout; when the timeout passes first, the task fails with {@link
   * dev.cairn.failure.EventTimeoutException} and a later event with that name is kept for the next waiter.
   */
  <T> Task<T> waitForExternalEvent(String name, Duration timeout, Class<T> dataType);

  /** Sends an external event to another orchestration instance. */
  void sendEvent(String instanceId, String eventName, Object data);

  /** Calls an entity operation and returns a task for its result; a failing operation fails the task. */
  <T> Task<T> callEntity(EntityId entity, String operation, Object input, Class<T> resultType);

  /** Calls an entity operation whose result is not needed (it still waits for it to finish). */
  Task<Void> callEntity(EntityId entity, String operation, Object input);

  /** Sends a one-way operation to an entity. */
  void signalEntity(EntityId entity, String operation, Object input);

  /** Sends a one-way operation to an entity, to be processed no earlier than {@code at}. */
  void signalEntity(EntityId entity, String operation, Object input, Instant at);

  /**
   * Locks a set of entities and returns the open critical section once every lock is held. Locks are taken
   * in the global (name, key) order, so critical sections never deadlock.
   *
   * @throws dev.cairn.failure.CriticalSectionViolationException when a critical section is already open
   */
  CriticalSection lock(EntityId... entities);

  /** Like {@link #lock(EntityId...)} with a collection. */
  CriticalSection lock(Collection<EntityId> entities);

  /**
   * A task that completes when all the given tasks have, with their results in the order given. When any
   * failed, it fails (after all have finished) with the failure of the first failed task in that order.
   */
  <T> Task<List<T>> allOf(List<? extends Task<? extends T>> tasks);

  /** Like {@link #allOf(List)} for tasks of different types. */
  Task<List<Object>> allOf(Task<?>... tasks);

  /** A task that completes with the first of the given tasks to finish (successfully or not). */
  <T> Task<Task<T>> anyOf(List<? extends Task<T>> tasks);

  /** Like {@link #anyOf(List)} for tasks of different types. */
  Task<Task<?>> anyOf(Task<?>... tasks);

  /**
   * Ends this execution and starts a new one with a new input and a fresh history, keeping the instance id.
   * Unprocessed external events are dropped. Does not return: the code after it never runs.
   */
  void continueAsNew(Object newInput);

  /** Like {@link #continueAsNew(Object)}, carrying unprocessed external events over when asked. */
  void continueAsNew(Object newInput, boolean preserveUnprocessedEvents);
}
