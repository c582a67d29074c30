package dev.cairn.client;

/** What a start does when an instance with the requested id already exists. The check is atomic. */
public enum ReusePolicy {
  /** Refuse with {@link dev.cairn.failure.InstanceAlreadyExistsException} (the default). */
  REJECT,
  /** Start nothing and return the existing instance's id. */
  RETURN_EXISTING,
  /** Replace the existing instance if it has finished (its history is deleted); refuse if it is running. */
  REPLACE_FINISHED
}
