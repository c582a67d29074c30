package dev.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.postgres.TestDatabase;
import dev.cairn.store.Store;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every workload, at a size that takes a moment, runs to the end on both stores and checks its own results: the
 * benchmark programs cannot rot unnoticed; those of several worker processes run on PostgreSQL. (Speed is
 * measured by running them, never here.)
 */
class WorkloadsTest {
  /** Small sizes, per workload. */
  private static final Map<String, String[]> SMALL = Map.of(
      "hello-throughput", new String[] {"--n", "50", "--concurrency", "10"},
      "hello-latency", new String[] {"--n", "5", "--warmup", "2"},
      "fanout", new String[] {"--n", "50"},
      "sequence", new String[] {"--n", "100"},
      "entity-signals", new String[] {"--n", "300", "--entities", "3", "--senders", "8"},
      "bank", new String[] {"--n", "40", "--accounts", "4"},
      "idle-instances", new String[] {"--n", "100", "--concurrency", "8"},
      "commits", new String[] {"--n", "50", "--writers", "4"},
      "failover", new String[] {"--lease-ms", "1000", "--concurrency", "4"});

  /** The workloads that need a store shared between processes (they run on PostgreSQL only). */
  private static final Set<String> SHARED_ONLY = Set.of("failover");

  @TempDir
  Path directory;

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void everyWorkload_runsAndChecksItsResults(String storeKind) throws Exception {
    StoreChoice stores = StoreChoice.parse(storeKind.equals("memory") ? "memory" : "sqlite:" + directory, "FULL", 0);
    assertThat(SMALL).containsOnlyKeys(Bench.WORKLOADS.stream().map(Workload::name).toList());
    int run = 1;
    for (Workload workload : Bench.WORKLOADS) {
      if (SHARED_ONLY.contains(workload.name())) {
        continue;
      }
      Options options = Options.parse(SMALL.get(workload.name()), 0);
      Result result;
      try (Store store = stores.open(run)) {
        result = workload.run(store, options);
      }
      stores.delete(run++);
      assertThat(result.value()).as("%s: %s", workload.name(), result).isPositive();
      assertThat(workload.parameters(options)).as(workload.name()).isNotEmpty();
    }
  }

  @Test
  void theWorkloadsOfSeveralWorkerProcesses_runOnPostgres() throws Exception {
    TestDatabase.assume();
    StoreChoice stores = StoreChoice.parse("postgres:" + TestDatabase.URL, "FULL", 2);
    check(stores, 1, "failover", SMALL.get("failover"));
    check(stores, 2, "hello-throughput",
        new String[] {"--n", "60", "--concurrency", "12", "--workers", "2", "--cluster-warmup-seconds", "0"});
  }

  private static void check(StoreChoice stores, int run, String name, String[] args) throws Exception {
    Workload workload = Bench.WORKLOADS.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    Result result;
    try (Store store = stores.open(run)) {
      result = workload.run(stores, run, store, Options.parse(args, 0));
    } finally {
      stores.delete(run);
    }
    assertThat(result.value()).as("%s: %s", name, result).isPositive();
  }
}
