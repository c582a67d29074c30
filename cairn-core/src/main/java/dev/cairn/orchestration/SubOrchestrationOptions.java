package dev.cairn.orchestration;

/**
 * Options of a sub-orchestration call.
 *
 * @param instanceId the child's instance id, or null for a deterministic new UUID
 * @param retryPolicy how to retry a failed child (each retry is a new instance), or null for no retries
 */
public record SubOrchestrationOptions(String instanceId, RetryPolicy retryPolicy) {

  /** A child with a given instance id. */
  public static SubOrchestrationOptions withInstanceId(String instanceId) {
    return new SubOrchestrationOptions(instanceId, null);
  }

  /** A child retried under a policy. */
  public static SubOrchestrationOptions retry(RetryPolicy policy) {
    return new SubOrchestrationOptions(null, policy);
  }
}
