package dev.cairn.history;

/**
 * The orchestration that started a sub-orchestration, and where to send its result.
 *
 * @param instanceId the parent's instance id
 * @param executionId the parent's execution at the time
 * @param taskScheduledId the task id of the parent's SubOrchestrationInstanceCreated event
 * @param name the parent orchestration's name
 */
public record ParentInstance(String instanceId, String executionId, int taskScheduledId, String name) {}
