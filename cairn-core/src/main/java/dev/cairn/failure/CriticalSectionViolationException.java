package dev.cairn.failure;

/**
 * Orchestration code broke a rule of critical sections (SPEC 4.2) at the call site: calling an entity it did
 * not lock, calling the same locked entity twice in parallel, signalling a locked entity, starting a
 * sub-orchestration, opening a nested critical section, or continuing as new while holding locks.
 */
public final class CriticalSectionViolationException extends CairnException {
  private final String rule;
  private final String entityId;

  /** Creates the exception; {@code rule} names the broken rule, {@code entityId} the entity (or null). */
  public CriticalSectionViolationException(String rule, String entityId, String message) {
    super(message);
    this.rule = rule;
    this.entityId = entityId;
  }

  /** The rule that was broken, e.g. {@code call-unlocked-entity}. */
  public String rule() {
    return rule;
  }

  /** The entity involved, written as {@code @name@key}, or null when the rule is not about one entity. */
  public String entityId() {
    return entityId;
  }
}
