package dev.cairn.client;

import dev.cairn.entity.EntityId;
import dev.cairn.serialization.DataConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Starts, watches and manages orchestration instances and entities. Every method is thread-safe; every change
 * is durable when the method returns.
 *
 * <p>Ids are 1 to 256 characters without control characters, and orchestration ids may not start with
 * {@code @}; payloads are limited in size. Bad input is refused with {@link
 * dev.cairn.failure.InvalidRequestException} before anything is stored.
 *
 * <pre>{@code
 * String id = client.start("HelloCities", null);
 * InstanceStatus status = client.waitForCompletion(id, Duration.ofSeconds(10));
 * List<?> greetings = status.outputAs(List.class);
 * }</pre>
 */
public interface CairnClient {

  /**
   * Starts an orchestration with a new UUID as its instance id.
   *
   * @return the instance id
   * @throws dev.cairn.failure.UnknownFunctionException when no orchestration has this name
   */
  String start(String name, Object input);

  /**
   * Starts an orchestration with options (instance id, reuse policy, delayed start). The check whether the id
   * exists and the creation are one atomic step, also under concurrent starts.
   *
   * @return the instance id (the existing one under {@link ReusePolicy#RETURN_EXISTING})
   * @throws dev.cairn.failure.InstanceAlreadyExistsException when the id exists and the policy refuses it
   */
  String start(String name, Object input, StartOptions options);

  /** The instance's last committed status without its history, or empty when it does not exist. */
  Optional<InstanceStatus> getStatus(String instanceId);

  /** The instance's last committed status, with the current execution's history when asked. */
  Optional<InstanceStatus> getStatus(String instanceId, boolean withHistory);

  /**
   * Waits until the instance has finished (completed, failed or terminated) and returns its status. Waiting
   * is driven by commit notifications, not by polling the store in a loop.
   *
   * @throws dev.cairn.failure.InstanceNotFoundException when the instance does not exist
   * @throws dev.cairn.failure.WaitTimeoutException when it does not finish in time
   */
  InstanceStatus waitForCompletion(String instanceId, Duration timeout);

  /**
   * Waits until the instance has started running (or finished) and returns its status.
   *
   * @throws dev.cairn.failure.InstanceNotFoundException when the instance does not exist
   * @throws dev.cairn.failure.WaitTimeoutException when it does not start in time
   */
  InstanceStatus waitForStart(String instanceId, Duration timeout);

  /**
   * Sends an external event to an instance. Events that arrive before the orchestration waits for them are
   * kept, in order.
   *
   * @throws dev.cairn.failure.InstanceNotFoundException when the instance does not exist (nothing is stored)
   * @throws dev.cairn.failure.InstanceFinishedException when it has finished (nothing is stored)
   */
  void raiseEvent(String instanceId, String eventName, Object data);

  /**
   * Terminates a running instance; its locks are released. Running sub-orchestrations are left alone.
   *
   * @throws dev.cairn.failure.InstanceNotFoundException when the instance does not exist
   * @throws dev.cairn.failure.InstanceFinishedException when it has already finished
   */
  void terminate(String instanceId, String reason);

  /** Terminates a running instance and, when {@code recursive}, its running sub-orchestrations too. */
  void terminate(String instanceId, String reason, boolean recursive);

  /**
   * Suspends a running instance: events that arrive meanwhile are kept and processed after {@link #resume}.
   *
   * @throws dev.cairn.failure.InstanceNotFoundException when the instance does not exist
   * @throws dev.cairn.failure.InstanceFinishedException when it has already finished
   */
  void suspend(String instanceId, String reason);

  /**
   * Resumes a suspended instance.
   *
   * @throws dev.cairn.failure.InstanceNotFoundException when the instance does not exist
   * @throws dev.cairn.failure.InstanceFinishedException when it has already finished
   */
  void resume(String instanceId, String reason);

  /**
   * Starts the instance's orchestration again with its original input: under the same id (replacing the
   * finished instance) or under a new id.
   *
   * @return the id of the restarted instance
   * @throws dev.cairn.failure.InstanceNotFoundException when the instance does not exist
   * @throws dev.cairn.failure.InstanceAlreadyExistsException when it is still running and the same id is asked
   */
  String restart(String instanceId, boolean newInstanceId);

  /**
   * Deletes a finished instance and its history.
   *
   * @return false when no such instance exists
   * @throws dev.cairn.failure.InvalidRequestException when the instance has not finished
   */
  boolean purge(String instanceId);

  /** Deletes every finished instance that matches the filter, with its history; returns how many. */
  int purge(PurgeFilter filter);

  /** One page of instances matching a query. */
  InstancePage query(InstanceQuery query);

  /** How many instances there are of each status. */
  java.util.Map<RuntimeStatus, Long> countByStatus();

  /**
   * Sends a one-way operation to an entity. Signals from one client are processed in the order sent.
   *
   * @throws dev.cairn.failure.UnknownFunctionException when no entity has this name
   */
  void signalEntity(EntityId entity, String operation, Object input);

  /** Sends a one-way operation to an entity, to be processed no earlier than {@code at}. */
  void signalEntity(EntityId entity, String operation, Object input, Instant at);

  /**
   * Refused: a client cannot call an entity and wait for its result (SPEC 4.1). Signal the entity, read its
   * state, or call it from an orchestration.
   *
   * @throws dev.cairn.failure.EntityCallNotAllowedException always
   */
  <T> T callEntity(EntityId entity, String operation, Object input, Class<T> resultType);

  /** The entity's last committed state, or empty when it has none (never touched, or deleted). */
  Optional<EntityMetadata> getEntity(EntityId entity);

  /** One page of entities matching a query. */
  EntityPage queryEntities(EntityQuery query);

  /**
   * Removes entities that have no state, lock or queued requests, and releases locks held by instances that
   * are no longer running.
   */
  CleanupResult cleanEntityStorage(boolean removeEmptyEntities, boolean releaseOrphanedLocks);

  /** Messages moved aside by poison handling, newest first, at most {@code max}. */
  List<DeadLetter> deadLetters(int max);

  /** The converter this client uses for payloads. */
  DataConverter dataConverter();
}
