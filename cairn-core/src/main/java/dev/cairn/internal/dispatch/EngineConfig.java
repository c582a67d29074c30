package dev.cairn.internal.dispatch;

import dev.cairn.internal.registry.FunctionRegistry;
import dev.cairn.runtime.NonDeterminismPolicy;
import dev.cairn.runtime.SchedulingProbe;
import dev.cairn.serialization.DataConverter;
import dev.cairn.store.Store;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Everything a runtime was configured with.
 *
 * @param store where state lives
 * @param functions the registered functions
 * @param converter converts payloads
 * @param clock the time source
 * @param workerId this runtime's id as a partition and activity owner
 * @param instanceCacheSize how many instances stay cached (0: replay-only mode)
 * @param instanceCacheBytes the cache's memory budget (estimated)
 * @param maxConcurrentActivities how many activities run at once
 * @param batchSize how many messages a partition batch takes at most
 * @param watchdog how long orchestration code may run without yielding
 * @param nonDeterminismPolicy what happens on a replay mismatch
 * @param maxPayloadChars the payload size limit, in characters of JSON
 * @param poisonThreshold after how many failed attempts a message is parked
 * @param activityLease how long an activity lease lasts
 * @param partitionLease how long a partition lease lasts
 * @param shutdownTimeout how long a graceful shutdown waits for running activities
 * @param probe called where work passes between threads (tests stretch those windows)
 */
public record EngineConfig(
    Store store,
    FunctionRegistry functions,
    DataConverter converter,
    InstantSource clock,
    String workerId,
    int instanceCacheSize,
    long instanceCacheBytes,
    int maxConcurrentActivities,
    int batchSize,
    Duration watchdog,
    NonDeterminismPolicy nonDeterminismPolicy,
    int maxPayloadChars,
    int poisonThreshold,
    Duration activityLease,
    Duration partitionLease,
    Duration shutdownTimeout,
    SchedulingProbe probe) {}
