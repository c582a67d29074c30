package dev.cairn.store;

/**
 * Where an entity sends the answer to a call.
 *
 * @param instanceId the calling orchestration
 * @param executionId its execution at the time of the call
 */
public record ReplyTo(String instanceId, String executionId) {}
