package dev.cairn.store;

import java.time.Instant;

/**
 * A queued message as fetched from a partition's queue.
 *
 * @param id the store-assigned id; ids grow in commit order, so messages of one sender come in id order
 * @param partition the partition whose queue holds it
 * @param target the instance id, or {@code @name@key} for an entity
 * @param body what it carries
 * @param visibleAt the earliest time it may be processed (timers, delayed starts)
 * @param failedAttempts how many times processing it has failed (poison handling)
 */
public record Message(
    long id, int partition, String target, MessageBody body, Instant visibleAt, int failedAttempts) {}
