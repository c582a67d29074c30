package dev.cairn.failure;

/**
 * An entity or a client tried to call an entity and wait for its result. Only orchestrations may call
 * entities: a call from an entity to an entity could form a cycle that deadlocks forever, and a client has no
 * durable place to receive the answer. Signal the entity instead, or call it from an orchestration.
 */
public final class EntityCallNotAllowedException extends CairnException {
  private final String caller;

  /** Creates the exception; {@code caller} is "entity @name@key" or "client". */
  public EntityCallNotAllowedException(String caller, String target) {
    super(
        "A "
            + caller
            + " cannot call entity "
            + target
            + " and wait for its result: only orchestrations may call entities (SPEC 4.1), because calls"
            + " between entities could deadlock and a client has no durable place for the answer. Use"
            + " signalEntity for a one-way operation, or start an orchestration that calls the entity.");
    this.caller = caller;
  }

  /** Who tried to call. */
  public String caller() {
    return caller;
  }
}
