package dev.cairn.store;

/**
 * The outcome of an atomic create-if-absent.
 *
 * @param created whether the new instance was stored
 * @param existing the instance that was there before (when not created, or when a finished one was replaced),
 *     or null
 */
public record CreateResult(boolean created, InstanceRecord existing) {}
