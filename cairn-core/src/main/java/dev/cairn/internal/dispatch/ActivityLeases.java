package dev.cairn.internal.dispatch;

import dev.cairn.store.ActivityTask;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This worker's side of the competing consumers over activity tasks. It claims tasks that no worker holds (stored
 * without a lease because their partition's owner had no room for them, given up by a worker that stopped, or
 * left by one that died once their lease ran out), as many as the activity worker has room for, and renews the
 * leases of the tasks running here a third of the way through each lease, so that a long activity is not taken
 * over while it runs. Claims back off while there is nothing to claim; a wake-up claims at once.
 */
final class ActivityLeases {
  private static final Logger LOG = LoggerFactory.getLogger(ActivityLeases.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(20);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);
  private static final int MAX_CLAIM = 64;

  private final EngineConfig config;
  private final ActivityWorker worker;
  private final WorkSignal signal = new WorkSignal();
  private volatile boolean stopped;
  private Thread thread;

  ActivityLeases(EngineConfig config, ActivityWorker worker) {
    this.config = config;
    this.worker = worker;
  }

  void start() {
    thread = Thread.ofVirtual().name("cairn-activity-leases").start(this::loop);
  }

  /** Claims at once: tasks that any worker may claim were stored, or another worker hinted so. */
  void wake() {
    signal.signal();
  }

  /** Stops claiming and renewing, and waits (at most {@code atMost}) for a claim under way. */
  void stop(Duration atMost) throws InterruptedException {
    stopped = true;
    signal.signal();
    if (thread != null) {
      thread.join(atMost);
    }
  }

  private void loop() {
    Duration backoff = FIRST_BACKOFF;
    long renewEvery = config.activityLease().toNanos() / 3;
    long nextRenewal = System.nanoTime() + renewEvery;
    while (!stopped) {
      Claimed claimed = Claimed.NOTHING;
      boolean failed = false;
      try {
        claimed = claim();
      } catch (RuntimeException e) {
        failed = true;
        LOG.warn("Could not claim activity tasks: {}", e.getMessage());
      }
      if (System.nanoTime() >= nextRenewal) {
        try {
          renew();
        } catch (RuntimeException e) {
          failed = true;
          LOG.warn("Could not renew the leases of the activities running here: {}", e.getMessage());
        }
        // After a failure too: the next attempt waits at least a backoff rather than spinning.
        nextRenewal = System.nanoTime() + (failed ? MAX_BACKOFF.toNanos() : renewEvery);
      }
      if (claimed == Claimed.MAYBE_MORE && worker.room() > 0 && !failed) {
        continue;
      }
      backoff = claimed == Claimed.NOTHING || failed ? min(backoff.multipliedBy(2), MAX_BACKOFF) : FIRST_BACKOFF;
      Duration untilRenewal = Duration.ofNanos(Math.max(0, nextRenewal - System.nanoTime()));
      if (signal.await(min(backoff, untilRenewal))) {
        backoff = FIRST_BACKOFF;
      }
    }
  }

  /** What a claim got: nothing, some (all there were), or as many as it asked for (more may wait). */
  private enum Claimed { NOTHING, ALL_THERE_WERE, MAYBE_MORE }

  private Claimed claim() {
    int room = Math.min(worker.room(), MAX_CLAIM);
    if (room <= 0) {
      return Claimed.NOTHING;
    }
    List<ActivityTask> tasks = config.store().claimActivityTasks(config.workerId(), room, config.activityLease());
    tasks.forEach(worker::dispatch);
    if (tasks.isEmpty()) {
      return Claimed.NOTHING;
    }
    return tasks.size() == room ? Claimed.MAYBE_MORE : Claimed.ALL_THERE_WERE;
  }

  private void renew() {
    Set<String> running = worker.runningKeys();
    if (running.isEmpty()) {
      return;
    }
    Set<String> held = config.store().renewActivityTasks(config.workerId(), running, config.activityLease());
    if (held.size() < running.size()) {
      LOG.debug("{} activity tasks running here are no longer leased to this worker (done elsewhere, or taken "
          + "over after a pause); their outcomes are recorded only if their task is still there",
          running.size() - held.size());
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
