package dev.cairn.internal.dispatch;

import dev.cairn.failure.FailureDetails;
import dev.cairn.failure.PayloadTooLargeException;
import dev.cairn.failure.UnknownFunctionException;
import dev.cairn.history.HistoryEvent;
import dev.cairn.history.TaskCompleted;
import dev.cairn.history.TaskFailed;
import dev.cairn.internal.registry.ActivityDefinition;
import dev.cairn.store.ActivityTask;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs activities on virtual threads, at most {@code maxConcurrentActivities} at once, and hands each outcome
 * to a sink (the orchestration's partition). A task already running here is not started twice.
 */
final class ActivityWorker {
  private static final Logger LOG = LoggerFactory.getLogger(ActivityWorker.class);

  private final EngineConfig config;
  private final BiConsumer<ActivityTask, HistoryEvent> sink;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Semaphore permits;
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private volatile boolean accepting = true;
  private volatile boolean halted;

  ActivityWorker(EngineConfig config, BiConsumer<ActivityTask, HistoryEvent> sink) {
    this.config = config;
    this.sink = sink;
    this.permits = new Semaphore(config.maxConcurrentActivities());
  }

  /** Starts a task unless it is already running here or the worker is shutting down. */
  void dispatch(ActivityTask task) {
    if (!accepting || !running.add(task.taskKey())) {
      return;
    }
    try {
      threads.execute(() -> run(task));
    } catch (RuntimeException rejected) {
      running.remove(task.taskKey());
    }
  }

  private void run(ActivityTask task) {
    try {
      permits.acquire();
      try {
        if (!accepting) {
          // Waited for a permit while the worker began to stop: left for another worker (its lease is given up).
          return;
        }
        HistoryEvent outcome = execute(task);
        if (!halted) {
          sink.accept(task, outcome);
        }
      } finally {
        permits.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("Could not deliver the outcome of activity task {}; it will run again", task.taskKey(), e);
    } finally {
      running.remove(task.taskKey());
    }
  }

  private HistoryEvent execute(ActivityTask task) throws InterruptedException {
    ActivityDefinition definition = config.functions().findActivity(task.name());
    if (definition == null) {
      return failed(task, FailureDetails.from(
          new UnknownFunctionException("activity", task.name(), config.functions().activityNames())));
    }
    try {
      Object input = config.converter().deserialize(task.input(), definition.inputType());
      ActivityContextImpl context = new ActivityContextImpl(task, config.converter());
      Object result = task.timeout() == null
          ? definition.function().run(context, input)
          : runWithTimeout(definition, context, input, task.timeout());
      String json = config.converter().serialize(result);
      if (json != null && json.length() > config.maxPayloadChars()) {
        throw new PayloadTooLargeException(
            "result of activity '" + task.name() + "'", json.length(), config.maxPayloadChars());
      }
      return new TaskCompleted(-1, config.clock().instant(), task.taskId(), json);
    } catch (InterruptedException e) {
      throw e;
    } catch (Throwable t) {
      return failed(task, FailureDetails.from(t));
    }
  }

  private Object runWithTimeout(
      ActivityDefinition definition, ActivityContextImpl context, Object input, Duration timeout)
      throws Exception {
    Future<Object> future = threads.submit(() -> definition.function().run(context, input));
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ActivityTimeoutException(
          "Activity '" + definition.name() + "' ran longer than its timeout of " + timeout + " and was cancelled.");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private HistoryEvent failed(ActivityTask task, FailureDetails failure) {
    return new TaskFailed(-1, config.clock().instant(), task.taskId(), failure);
  }

  /** Stops taking new tasks. */
  void stopAccepting() {
    accepting = false;
  }

  /** Waits until no activity runs here, at most {@code timeout}; returns whether it got there. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!running.isEmpty()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /** Stops at once: running activities are interrupted and their outcomes dropped (a crash). */
  void halt() {
    halted = true;
    accepting = false;
    threads.shutdownNow();
  }

  /** Releases the threads after a graceful stop. */
  void close() {
    threads.shutdownNow();
  }

  /** How many activities run here now. */
  int runningCount() {
    return running.size();
  }

  /** How many more tasks this worker takes now (none while it stops). */
  int room() {
    return accepting ? config.maxConcurrentActivities() - running.size() : 0;
  }

  /** The keys of the tasks running here (or waiting here for a permit). */
  Set<String> runningKeys() {
    return Set.copyOf(running);
  }

  /** Recorded as the failure of an activity that passed its timeout; a {@link TimeoutException}. */
  static final class ActivityTimeoutException extends TimeoutException {
    private static final long serialVersionUID = 1L;

    ActivityTimeoutException(String message) {
      super(message);
    }
  }
}
