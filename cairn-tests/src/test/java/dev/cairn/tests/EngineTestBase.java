package dev.cairn.tests;

import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import dev.cairn.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Base of the engine suite: a real runtime on a real store, in the execution mode of the current run. Tests
 * register their functions with {@link #start}; runtimes and stores are closed after each test. In contention
 * mode ({@link Contention}) the runtimes pause at random, their store rejects commits at random, and busy threads
 * compete for the cores.
 */
@EngineMatrix
@ExtendWith(Contention.class)
public abstract class EngineTestBase {
  protected static final Duration WAIT = Duration.ofSeconds(30);

  @Parameter(0)
  protected StoreKind storeKind;

  @Parameter(1)
  protected ExecutionMode mode;

  @TempDir
  protected Path directory;

  private final List<Cairn> runtimes = new ArrayList<>();
  private Store store;
  private InstantSource clock = InstantSource.system();

  static Stream<Arguments> configurations() {
    List<Arguments> all = new ArrayList<>();
    for (StoreKind kind : StoreKind.available()) {
      for (ExecutionMode executionMode : ExecutionMode.values()) {
        all.add(Arguments.of(kind, executionMode));
      }
    }
    return all.stream();
  }

  /** Uses a manual clock for this test (call before {@link #start}). */
  protected ManualClock useManualClock() {
    ManualClock manual = ManualClock.startingNow();
    clock = manual;
    return manual;
  }

  /** The store of this test, opened on first use. */
  protected Store store() {
    if (store == null) {
      store = storeKind.open(directory, clock);
    }
    return store;
  }

  /** A builder on this test's store and clock, in this run's execution mode. */
  protected Cairn.Builder builder() {
    return Contention.apply(Cairn.builder(), store())
        .clock(clock)
        .instanceCacheSize(mode.cacheSize())
        .shutdownTimeout(Duration.ofSeconds(5));
  }

  /** The first instance id {@code prefix-0}, {@code prefix-1}, ... whose partition is not {@code target}'s. */
  protected String instanceOnAnotherPartition(String prefix, String target) {
    int partition = store().partitionOf(target);
    for (int i = 0; ; i++) {
      String id = prefix + "-" + i;
      if (store().partitionOf(id) != partition) {
        return id;
      }
    }
  }

  /** Starts a runtime with the registrations applied. */
  protected Cairn start(UnaryOperator<Cairn.Builder> registrations) {
    Cairn cairn = registrations.apply(builder()).start();
    runtimes.add(cairn);
    return cairn;
  }

  /** Stops a runtime gracefully (a deployment), keeping the store. */
  protected void stop(Cairn cairn) {
    cairn.close();
    runtimes.remove(cairn);
  }

  /** Waits until no entity is locked: releases are messages, processed shortly after their sender ends. */
  protected void awaitNoLocks() {
    org.awaitility.Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(10))
        .until(() -> store().lockedEntities().isEmpty());
  }

  /** Crashes a runtime (nothing more is committed) and reopens the store, as a restarted process would. */
  protected void crash(Cairn cairn) {
    cairn.halt();
    runtimes.remove(cairn);
    store = storeKind.reopen(store, directory, clock);
  }

  @AfterEach
  void closeRuntimes() {
    for (Cairn cairn : runtimes) {
      cairn.close();
    }
    runtimes.clear();
    if (store != null) {
      store.close();
      storeKind.dispose(directory);
    }
  }
}
