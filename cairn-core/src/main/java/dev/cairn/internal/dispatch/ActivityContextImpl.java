package dev.cairn.internal.dispatch;

import dev.cairn.activity.ActivityContext;
import dev.cairn.serialization.DataConverter;
import dev.cairn.store.ActivityTask;

/** What an activity sees of the task it runs. */
final class ActivityContextImpl implements ActivityContext {
  private final ActivityTask task;
  private final DataConverter converter;

  ActivityContextImpl(ActivityTask task, DataConverter converter) {
    this.task = task;
    this.converter = converter;
  }

  @Override
  public String name() {
    return task.name();
  }

  @Override
  public String instanceId() {
    return task.instanceId();
  }

  @Override
  public String executionId() {
    return task.executionId();
  }

  @Override
  public int taskId() {
    return task.taskId();
  }

  @Override
  public int attempt() {
    return task.attempt();
  }

  @Override
  public int redeliveryCount() {
    return Math.max(0, task.dispatchCount() - 1);
  }

  @Override
  public String idempotencyKey() {
    return task.taskKey() + "#" + task.attempt();
  }

  @Override
  public <T> T getInput(Class<T> type) {
    return converter.deserialize(task.input(), type);
  }
}
