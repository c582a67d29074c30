package dev.cairn.activity;

/** What an activity knows about the call it serves. */
public interface ActivityContext {

  /** The activity's registered name. */
  String name();

  /** The orchestration instance that called it. */
  String instanceId();

  /** The orchestration's execution that called it. */
  String executionId();

  /** The task id of the call in the orchestration's history. */
  int taskId();

  /** The retry attempt: 1 for the first try, 2 for the first retry under a retry policy, ... */
  int attempt();

  /**
   * How many times this same attempt was handed to a worker before (0 normally; more after a worker died
   * or lost its lease while running it).
   */
  int redeliveryCount();

  /** A key unique to this call and attempt, the same on every redelivery: use it to make side effects idempotent. */
  String idempotencyKey();

  /** The input read as another type. */
  <T> T getInput(Class<T> type);
}
