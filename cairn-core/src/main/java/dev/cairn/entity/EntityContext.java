package dev.cairn.entity;

import java.time.Instant;

/** What an entity operation can see and do. */
public interface EntityContext {

  /** The entity's own id. */
  EntityId id();

  /** The operation's name. */
  String operation();

  /** The operation's input read as a type (null when there is none). */
  <T> T getInput(Class<T> type);

  /** Whether the entity has state. */
  boolean hasState();

  /** The state read as a type, or null when the entity has none. */
  <T> T getState(Class<T> type);

  /** The state read as a type, or {@code initial} when the entity has none. */
  <T> T getState(Class<T> type, T initial);

  /** Replaces the state (null deletes it). */
  void setState(Object state);

  /** Deletes the state: the entity reads as not existing until an operation sets it again. */
  void deleteState();

  /** Sends a one-way operation to an entity (this one included); sent only if this operation succeeds. */
  void signalEntity(EntityId target, String operation, Object input);

  /** Sends a one-way operation to an entity, to be processed no earlier than {@code at}. */
  void signalEntity(EntityId target, String operation, Object input, Instant at);

  /** Starts an orchestration with a new UUID as its id (only if this operation succeeds); returns the id. */
  String startOrchestration(String name, Object input);

  /** Starts an orchestration with a given instance id (only if this operation succeeds). */
  String startOrchestration(String name, Object input, String instanceId);

  /**
   * Refused: an entity cannot call an entity and wait for its result (SPEC 4.1), because calls between
   * entities could deadlock. Signal it instead, or coordinate the two from an orchestration.
   *
   * @throws dev.cairn.failure.EntityCallNotAllowedException always
   */
  <T> T callEntity(EntityId target, String operation, Object input, Class<T> resultType);
}
