package dev.cairn.store;

/**
 * Releases an entity's lock if, and only if, it is held by this critical section; otherwise it is ignored.
 *
 * @param requestId the critical section's id
 * @param sender who sent it
 * @param holderInstanceId the orchestration that held the lock
 */
public record UnlockRequest(String requestId, String sender, String holderInstanceId)
    implements EntityMessage {}
