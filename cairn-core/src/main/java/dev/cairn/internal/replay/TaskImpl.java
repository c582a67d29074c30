package dev.cairn.internal.replay;

import dev.cairn.orchestration.Task;
import dev.cairn.serialization.DataConverter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A task of an orchestration execution. It is completed by the driver while processing history events; the
 * callbacks registered with {@link #whenDone} run at once, on the driver, in completion order, which keeps
 * everything they do (retries, composite tasks) deterministic.
 */
final class TaskImpl<T> implements Task<T> {
  private enum State {
    PENDING,
    COMPLETED,
    FAILED
  }

  private final OrchestrationExecutor executor;
  private final DataConverter converter;
  private final Type resultType;
  private final String name;
  private final int taskId;
  private State state = State.PENDING;
  private String resultJson;
  private T value;
  private boolean decoded;
  private RuntimeException failure;
  private List<Runnable> callbacks;

  TaskImpl(
      OrchestrationExecutor executor, DataConverter converter, Type resultType, String name, int taskId) {
    this.executor = executor;
    this.converter = converter;
    this.resultType = resultType;
    this.name = name;
    this.taskId = taskId;
  }

  /** What the task is, for failures: an activity name, {@code operation 'x' of @e@k}, ... */
  String name() {
    return name;
  }

  /** The task id in the history, or -1 for tasks that are not actions (composites, events). */
  int taskId() {
    return taskId;
  }

  @Override
  public T await() {
    return executor.await(this);
  }

  @Override
  public boolean isDone() {
    return state != State.PENDING;
  }

  @Override
  public boolean isFailed() {
    return state == State.FAILED;
  }

  /** The result, decoded on first use; throws the failure when the task failed. */
  T result() {
    if (state == State.FAILED) {
      throw failure;
    }
    if (state == State.PENDING) {
      throw new IllegalStateException("task is not done");
    }
    if (!decoded) {
      value = converter.deserialize(resultJson, resultType);
      decoded = true;
    }
    return value;
  }

  RuntimeException failure() {
    return failure;
  }

  String resultJson() {
    return resultJson;
  }

  void completeWithJson(String json) {
    if (state == State.PENDING) {
      state = State.COMPLETED;
      resultJson = json;
      fire();
    }
  }

  void completeWithValue(T result) {
    if (state == State.PENDING) {
      state = State.COMPLETED;
      value = result;
      decoded = true;
      fire();
    }
  }

  void fail(RuntimeException error) {
    if (state == State.PENDING) {
      state = State.FAILED;
      failure = error;
      fire();
    }
  }

  /** Runs the callback when the task is done (at once if it already is). */
  void whenDone(Runnable callback) {
    if (isDone()) {
      callback.run();
      return;
    }
    if (callbacks == null) {
      callbacks = new ArrayList<>(2);
    }
    callbacks.add(callback);
  }

  private void fire() {
    if (callbacks != null) {
      List<Runnable> toRun = callbacks;
      callbacks = null;
      toRun.forEach(Runnable::run);
    }
  }
}
