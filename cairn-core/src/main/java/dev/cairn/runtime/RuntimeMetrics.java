package dev.cairn.runtime;

/**
 * Counters of a runtime since it started.
 *
 * @param episodes orchestration episodes run
 * @param replayedEvents history events replayed to rebuild instances that were not cached
 * @param appendedEvents history events appended
 * @param commits units of work committed
 * @param activitiesCompleted activity outcomes recorded
 * @param entityOperations entity messages processed
 * @param instancesFinished instances that completed, failed or were terminated
 * @param cachedInstances instances in the cache now
 */
public record RuntimeMetrics(
    long episodes,
    long replayedEvents,
    long appendedEvents,
    long commits,
    long activitiesCompleted,
    long entityOperations,
    long instancesFinished,
    int cachedInstances) {}
