package dev.cairn.internal.replay;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs orchestration code on a virtual thread of its own, as a coroutine: the driver hands control to the
 * code with {@link #resume}, and the code hands it back with {@link #yieldToDriver} when it awaits a task that
 * is not done. Exactly one of the two runs at a time; the semaphores give the hand-over its memory ordering.
 *
 * <p>Between episodes the code stays parked in {@link #yieldToDriver} (the cached execution mode). {@link
 * #abandon} unwinds it with {@link OrchestrationAbandoned} so its thread ends.
 */
final class CodeRunner {
  private final Semaphore toCode = new Semaphore(0);
  private final Semaphore toDriver = new Semaphore(0);
  private final String threadName;
  private final Runnable body;
  private Thread thread;
  private volatile boolean abandoned;
  private volatile boolean finished;

  CodeRunner(String threadName, Runnable body) {
    this.threadName = threadName;
    this.body = body;
  }

  /**
   * Runs the code until it yields or finishes.
   *
   * @return false when it neither yielded nor finished within {@code watchdog}
   */
  boolean resume(Duration watchdog) {
    if (thread == null) {
      thread = Thread.ofVirtual().name(threadName).unstarted(this::main);
      thread.start();
    } else {
      toCode.release();
    }
    try {
      return toDriver.tryAcquire(watchdog.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abandon();
      throw new IllegalStateException("Interrupted while running orchestration code", e);
    }
  }

  private void main() {
    try {
      body.run();
    } catch (OrchestrationAbandoned ignored) {
      // The driver gave this execution up; the thread just ends.
    } finally {
      finished = true;
      if (!abandoned) {
        toDriver.release();
      }
    }
  }

  /** Called by the code: hands control back to the driver and waits to be resumed. */
  void yieldToDriver() {
    toDriver.release();
    toCode.acquireUninterruptibly();
    if (abandoned) {
      throw OrchestrationAbandoned.INSTANCE;
    }
  }

  /** Unwinds the parked code (if any) so its thread ends; it never runs user logic again. */
  void abandon() {
    if (abandoned) {
      return;
    }
    abandoned = true;
    if (thread != null && !finished) {
      toCode.release();
      thread.interrupt();
    }
  }

  boolean isAbandoned() {
    return abandoned;
  }

  boolean isFinished() {
    return finished;
  }

  /** Whether the caller is the code's own thread. */
  boolean isCodeThread() {
    return Thread.currentThread() == thread;
  }
}
