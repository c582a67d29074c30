package dev.cairn.store;

import dev.cairn.client.RuntimeStatus;
import dev.cairn.failure.FailureDetails;
import dev.cairn.history.ParentInstance;
import java.time.Instant;
import java.util.Objects;

/**
 * An orchestration instance's row: what clients query, kept in step with its history by atomic commits.
 *
 * @param instanceId the instance id
 * @param name the orchestration's name
 * @param executionId the current execution's id
 * @param status the runtime status
 * @param input the current execution's input as JSON, or null
 * @param output the output as JSON, or null
 * @param customStatus the custom status as JSON, or null
 * @param failure the failure details, or null
 * @param parent the parent of a sub-orchestration, or null
 * @param createdAt when the instance was created
 * @param updatedAt when it last changed
 * @param version incremented by every write; commits compare it (compare and swap)
 */
public record InstanceRecord(
    String instanceId,
    String name,
    String executionId,
    RuntimeStatus status,
    String input,
    String output,
    String customStatus,
    FailureDetails failure,
    ParentInstance parent,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** Checks the required fields. */
  public InstanceRecord {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A copy with another creation time (a finished instance started again). */
  public InstanceRecord withCreatedAt(Instant newCreatedAt) {
    return new InstanceRecord(instanceId, name, executionId, status, input, output, customStatus, failure,
        parent, newCreatedAt, updatedAt, version);
  }

  /** A copy with another version. */
  public InstanceRecord withVersion(long newVersion) {
    return new InstanceRecord(instanceId, name, executionId, status, input, output, customStatus, failure,
        parent, createdAt, updatedAt, newVersion);
  }
}
