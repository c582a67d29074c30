package dev.cairn.client;

/**
 * What an entity storage clean-up did.
 *
 * @param emptyEntitiesRemoved entities without state, lock or queued requests that were removed
 * @param orphanedLocksReleased locks held by instances that are no longer running that were released
 */
public record CleanupResult(int emptyEntitiesRemoved, int orphanedLocksReleased) {}
