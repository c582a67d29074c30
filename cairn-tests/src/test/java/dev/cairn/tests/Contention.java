package dev.cairn.tests;

import dev.cairn.runtime.Cairn;
import dev.cairn.runtime.SchedulingProbe;
import dev.cairn.store.Store;
import dev.cairn.testing.ContentionProbe;
import dev.cairn.testing.RejectingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The engine suite's contention mode ({@code CAIRN_CONTENTION=1}): while each test runs, busy threads compete
 * for the cores, the runtime pauses at random where its threads hand work to each other ({@link
 * ContentionProbe}), and the store rejects commits at random ({@link RejectingStore}) so that partitions are
 * taken over again and again. Each test's schedule follows a seed derived from the run's seed and the test's id;
 * a failing test prints the run's seed, and {@code CAIRN_CONTENTION_SEED=<seed>} replays it.
 */
public final class Contention implements BeforeEachCallback, AfterEachCallback, TestWatcher {
  /** Whether this run is in contention mode. */
  public static final boolean ENABLED = "1".equals(System.getenv("CAIRN_CONTENTION"));

  /** The run's seed: given, or drawn once per run. */
  public static final long RUN_SEED = runSeed();

  /** Share of commits the store rejects. */
  private static final double REJECTION_RATE = 0.01;

  /** Busy threads per test: one more than the cores, so the runtime's threads are descheduled often. */
  private static final int BUSY_THREADS = Runtime.getRuntime().availableProcessors() + 1;

  private static volatile long testSeed = RUN_SEED;
  private static final List<RejectingStore> STORES = new CopyOnWriteArrayList<>();

  private final AtomicBoolean busy = new AtomicBoolean();
  private final List<Thread> burners = new ArrayList<>();

  private static long runSeed() {
    String given = System.getenv("CAIRN_CONTENTION_SEED");
    return given != null && !given.isBlank() ? Long.parseLong(given.trim()) : System.nanoTime();
  }

  /**
   * Applies contention mode to a runtime's builder: the probe, and a store that rejects commits at random (outside
   * contention mode, just the store). Tests that build their runtimes themselves call it with their store.
   */
  public static Cairn.Builder apply(Cairn.Builder builder, Store store) {
    if (!ENABLED) {
      return builder.store(store);
    }
    RejectingStore rejecting = new RejectingStore(store, testSeed, REJECTION_RATE);
    STORES.add(rejecting);
    return builder.schedulingProbe(probe()).store(rejecting);
  }

  /**
   * How many commits the current test's stores rejected at random (0 outside contention mode). Each such commit
   * lost its work, as a crash would: a test that counts how often code ran allows one more run per rejection.
   */
  public static int rejectedCommits() {
    return STORES.stream().mapToInt(RejectingStore::rejected).sum();
  }

  /** The probe of the current test (one that does nothing outside contention mode). */
  static SchedulingProbe probe() {
    return ENABLED ? ContentionProbe.seeded(testSeed) : SchedulingProbe.NONE;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!ENABLED) {
      return;
    }
    testSeed = RUN_SEED ^ context.getUniqueId().hashCode() * 0x9E3779B97F4A7C15L;
    STORES.clear();
    busy.set(true);
    for (int i = 0; i < BUSY_THREADS; i++) {
      burners.add(Thread.ofPlatform().daemon().name("contention-busy-" + i).start(this::burn));
    }
  }

  /** Spins in bursts of a few milliseconds with short rests, so the scheduler keeps switching threads. */
  private void burn() {
    long sink = 0;
    while (busy.get()) {
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3);
      while (System.nanoTime() < until) {
        sink += sink * 31 + 7;
      }
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200 + (sink & 0x3FF)));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    busy.set(false);
    for (Thread burner : burners) {
      burner.join();
    }
    burners.clear();
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (ENABLED) {
      System.err.printf("%s failed in contention mode; replay it with CAIRN_CONTENTION=1 CAIRN_CONTENTION_SEED=%d%n",
          context.getDisplayName(), RUN_SEED);
    }
  }
}
