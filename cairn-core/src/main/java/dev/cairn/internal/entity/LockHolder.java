package dev.cairn.internal.entity;

import dev.cairn.entity.EntityId;
import java.util.List;

/**
 * Who holds an entity's lock.
 *
 * @param requestId the critical section's id
 * @param instanceId the orchestration holding it
 * @param executionId its execution
 * @param lockSet the whole lock set of the critical section
 */
record LockHolder(String requestId, String instanceId, String executionId, List<EntityId> lockSet) {}
