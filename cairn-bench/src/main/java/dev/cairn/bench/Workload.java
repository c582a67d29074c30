package dev.cairn.bench;

import dev.cairn.store.Store;

/** One benchmark. A run checks its own results: a wrong answer throws instead of reporting a figure. */
interface Workload {

  /** The workload's name on the command line. */
  String name();

  /** The parameters it runs with (for the output). */
  java.util.Map<String, Object> parameters(Options options);

  /**
   * The options of the unmeasured warm-up run that comes first (so that the measured runs see compiled code, as
   * a long-running runtime does): by default the same as the measured runs'.
   */
  default Options warmup(Options options) {
    return options;
  }

  /** Runs once on a fresh store. */
  Result run(Store store, Options options) throws Exception;

  /**
   * Runs once on a fresh store, the {@code run}-th of {@code stores}: workloads that start worker processes on
   * the same store need to know where it is.
   */
  default Result run(StoreChoice stores, int run, Store store, Options options) throws Exception {
    return run(store, options);
  }
}
