package dev.cairn.store;

import java.time.Duration;
import java.time.Instant;

/**
 * An activity to run, stored until its result is committed to the orchestration's history. Any worker may run
 * it; a worker holds it by a lease, renews the lease while the activity runs, and loses it when the lease
 * expires (the worker died) or it gives it up (the worker stopped).
 *
 * @param taskKey unique key: {@code instanceId/executionId/taskId}
 * @param partition the orchestration's partition, where the result goes
 * @param instanceId the orchestration instance
 * @param executionId its execution
 * @param taskId the task id of the TaskScheduled event
 * @param name the activity's name
 * @param input the input as JSON, or null
 * @param attempt the retry attempt (1 for the first try)
 * @param timeout how long it may run, or null
 * @param createdAt when it was scheduled
 * @param leaseOwner the worker holding it, or null
 * @param leaseExpiresAt when the lease ends, or null
 * @param dispatchCount how many times it was handed to a worker before this one
 */
public record ActivityTask(
    String taskKey,
    int partition,
    String instanceId,
    String executionId,
    int taskId,
    String name,
    String input,
    int attempt,
    Duration timeout,
    Instant createdAt,
    String leaseOwner,
    Instant leaseExpiresAt,
    int dispatchCount) {

  /** The key of a task: {@code instanceId/executionId/taskId}. */
  public static String keyOf(String instanceId, String executionId, int taskId) {
    return instanceId + "/" + executionId + "/" + taskId;
  }

  /** The same task with its lease extended. */
  public ActivityTask renewedUntil(Instant until) {
    return new ActivityTask(taskKey, partition, instanceId, executionId, taskId, name, input, attempt,
        timeout, createdAt, leaseOwner, until, dispatchCount);
  }

  /**
   * A new task's lease measured by a store's lease clock: it runs as long from {@code leaseNow} as it ran from the
   * task's scheduling time by the runtime's clock (the two clocks may differ: a test's manual clock, or a database's
   * clock on a shared store). The same task when it has no lease.
   */
  public ActivityTask leaseFrom(Instant leaseNow) {
    if (leaseExpiresAt == null) {
      return this;
    }
    return renewedUntil(leaseNow.plus(Duration.between(createdAt, leaseExpiresAt)));
  }

  /** The same task with no lease: any worker may claim it. */
  public ActivityTask unleased() {
    return new ActivityTask(taskKey, partition, instanceId, executionId, taskId, name, input, attempt,
        timeout, createdAt, null, null, dispatchCount);
  }

  /** Whether no worker holds the task at {@code now}: never leased, abandoned, or its lease expired. */
  public boolean claimableAt(Instant now) {
    return leaseOwner == null || leaseExpiresAt == null || !leaseExpiresAt.isAfter(now);
  }

  /** The same task leased to another owner until a time, with its dispatch count raised by one. */
  public ActivityTask leasedTo(String owner, Instant until) {
    return new ActivityTask(taskKey, partition, instanceId, executionId, taskId, name, input, attempt,
        timeout, createdAt, owner, until, dispatchCount + 1);
  }
}
