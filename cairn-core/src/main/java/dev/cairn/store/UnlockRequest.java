package dev.cairn.store;

/**
 * Releases an entity's lock if, and only if, it is held by this critical section; otherwise it is ignored.
 *
 * <p>A release is idempotent, so it is never checked for duplicates (its sequence number is 0).
 *
 * @param requestId the critical section's id, or null to release whatever lock the holder has (orphan clean-up)
 * @param sender who sent it
 * @param holderInstanceId the orchestration that held the lock
 */
public record UnlockRequest(String requestId, String sender, String holderInstanceId)
    implements EntityMessage {

  @Override
  public long sequence() {
    return 0;
  }
}
