package dev.cairn.failure;

/** The entity has no state: no operation ever created it, or its state was deleted. */
public final class EntityNotFoundException extends CairnException {
  private final String entityId;

  /** Creates the exception for an entity id written as {@code @name@key}. */
  public EntityNotFoundException(String entityId) {
    super(
        "Entity "
            + entityId
            + " does not exist: no operation has created its state yet, or its state was deleted.");
    this.entityId = entityId;
  }

  /** The entity id, written as {@code @name@key}. */
  public String entityId() {
    return entityId;
  }
}
