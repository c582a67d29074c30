package dev.cairn.client;

import dev.cairn.failure.FailureDetails;
import dev.cairn.history.HistoryEvent;
import dev.cairn.serialization.DataConverter;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of an orchestration instance as last committed: its name, status, input, output, custom status,
 * failure details, times, and (when asked for) its history. Payloads are kept as JSON text; read them as Java
 * values with {@link #outputAs(Class)} and its siblings.
 */
public final class InstanceStatus {
  private final String instanceId;
  private final String name;
  private final String executionId;
  private final RuntimeStatus runtimeStatus;
  private final String input;
  private final String output;
  private final String customStatus;
  private final FailureDetails failure;
  private final Instant createdAt;
  private final Instant lastUpdatedAt;
  private final String parentInstanceId;
  private final List<HistoryEvent> history;
  private final DataConverter converter;

  /** Creates a snapshot; {@code history} is null when it was not asked for. */
  public InstanceStatus(
      String instanceId,
      String name,
      String executionId,
      RuntimeStatus runtimeStatus,
      String input,
      String output,
      String customStatus,
      FailureDetails failure,
      Instant createdAt,
      Instant lastUpdatedAt,
      String parentInstanceId,
      List<HistoryEvent> history,
      DataConverter converter) {
    this.instanceId = Objects.requireNonNull(instanceId);
    this.name = name;
    this.executionId = executionId;
    this.runtimeStatus = Objects.requireNonNull(runtimeStatus);
    this.input = input;
    this.output = output;
    this.customStatus = customStatus;
    this.failure = failure;
    this.createdAt = createdAt;
    this.lastUpdatedAt = lastUpdatedAt;
    this.parentInstanceId = parentInstanceId;
    this.history = history == null ? null : List.copyOf(history);
    this.converter = Objects.requireNonNull(converter);
  }

  /** The instance id. */
  public String instanceId() {
    return instanceId;
  }

  /** The orchestration's registered name. */
  public String name() {
    return name;
  }

  /** The id of the current execution (continue-as-new starts a new one). */
  public String executionId() {
    return executionId;
  }

  /** The runtime status. */
  public RuntimeStatus runtimeStatus() {
    return runtimeStatus;
  }

  /** The current execution's input as JSON, or null. */
  public String input() {
    return input;
  }

  /** The output as JSON (when completed), the reason (when terminated), or null. */
  public String output() {
    return output;
  }

  /** The custom status as JSON, or null. */
  public String customStatus() {
    return customStatus;
  }

  /** What went wrong when the instance failed (or was suspended by a non-determinism error), else null. */
  public FailureDetails failure() {
    return failure;
  }

  /** When the instance was created. */
  public Instant createdAt() {
    return createdAt;
  }

  /** When the instance last changed. */
  public Instant lastUpdatedAt() {
    return lastUpdatedAt;
  }

  /** The parent's instance id for a sub-orchestration, else null. */
  public String parentInstanceId() {
    return parentInstanceId;
  }

  /** The current execution's history when it was asked for, else null. */
  public List<HistoryEvent> history() {
    return history;
  }

  /** The input read as a Java value. */
  public <T> T inputAs(Class<T> type) {
    return converter.deserialize(input, type);
  }

  /** The output read as a Java value. */
  public <T> T outputAs(Class<T> type) {
    return converter.deserialize(output, type);
  }

  /** The custom status read as a Java value. */
  public <T> T customStatusAs(Class<T> type) {
    return converter.deserialize(customStatus, type);
  }

  /** Whether the instance has finished (completed, failed or terminated). */
  public boolean isTerminal() {
    return runtimeStatus.isTerminal();
  }

  @Override
  public String toString() {
    return "InstanceStatus[" + instanceId + " " + name + " " + runtimeStatus
        + (output == null ? "" : " output=" + output)
        + (failure == null ? "" : " failure=" + failure.summary()) + "]";
  }
}
