package dev.cairn.bench;

import dev.cairn.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cairn's benchmark programs. {@code java -jar cairn-bench.jar WORKLOAD
 * [--store memory|sqlite[:DIR]|postgres:JDBC_URL] [--synchronous FULL|NORMAL] [--runs R] [--warmup-runs W]
 * [--warmup-seconds S] [options]} prints one JSON object per run, and with {@code --runs R} a last one with
 * {@code "median": true}: the median headline figure and the medians of the numeric secondary figures ({@code
 * secondary_medians}). The measured runs follow
 * unmeasured warm-up runs, each on a store of its own: at least W of them (default 1), and more until S seconds
 * have passed ({@code --warmup-seconds S}, default 10), so that the measured runs see compiled code, as a
 * long-running runtime does. A run whose results are wrong fails instead of reporting a figure.
 */
public final class Bench {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<Workload> WORKLOADS = List.of(new HelloThroughput(), new HelloLatency(), new FanOut(),
      new Sequence(), new EntitySignals(), new BankTransfers(), new IdleInstances(), new DurableCommits(),
      new Failover());

  private Bench() {}

  /** Runs a workload and exits 0, or 1 when a run failed, or 2 for a wrong command line. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || WORKLOADS.stream().noneMatch(w -> w.name().equals(args[0]))) {
      System.err.println("usage: java -jar cairn-bench.jar WORKLOAD [--store memory|sqlite[:DIR]|postgres:JDBC_URL]"
          + " [--synchronous FULL|NORMAL] [--runs R] [--warmup-runs W] [--warmup-seconds S] [--n N] [...]");
      System.err.println("workloads: " + String.join(", ", WORKLOADS.stream().map(Workload::name).toList()));
      System.exit(2);
    }
    Workload workload = WORKLOADS.stream().filter(w -> w.name().equals(args[0])).findFirst().orElseThrow();
    Options options = Options.parse(args, 1);
    StoreChoice stores = StoreChoice.parse(options.get("store", "memory"), options.get("synchronous", "FULL"),
        options.integer("pg-writers", 0));
    int runs = options.integer("runs", 1);
    List<Double> values = new ArrayList<>();
    Map<String, List<Double>> secondaries = new LinkedHashMap<>();
    Result last = null;
    long warmUntil = System.nanoTime() + options.integer("warmup-seconds", 10) * 1_000_000_000L;
    int warmups = options.integer("warmup-runs", 1);
    for (int run = 0; run > -warmups || System.nanoTime() < warmUntil; run--) {
      try (Store store = stores.open(run)) {
        workload.run(stores, run, store, workload.warmup(options));
      } catch (Exception | AssertionError e) {
        fail(workload, stores, options, run, e);
      }
      stores.delete(run);
    }
    for (int run = 1; run <= runs; run++) {
      try (Store store = stores.open(run)) {
        last = workload.run(stores, run, store, options);
      } catch (Exception | AssertionError e) {
        fail(workload, stores, options, run, e);
      }
      stores.delete(run);
      values.add(last.value());
      last.secondary().forEach((name, figure) -> {
        if (figure instanceof Number number) {
          secondaries.computeIfAbsent(name, k -> new ArrayList<>()).add(number.doubleValue());
        }
      });
      ObjectNode line = header(workload, stores, options);
      line.put("run", run);
      line.put("metric", last.metric());
      line.put("value", last.value());
      line.put("unit", last.unit());
      line.set("secondary", JSON.valueToTree(last.secondary()));
      System.out.println(JSON.writeValueAsString(line));
    }
    if (runs > 1) {
      ObjectNode median = header(workload, stores, options);
      median.put("median", true);
      median.put("metric", last.metric());
      median.put("value", Stats.median(values.stream().mapToDouble(Double::doubleValue).toArray()));
      median.put("unit", last.unit());
      median.set("values", JSON.valueToTree(values));
      ObjectNode secondaryMedians = median.putObject("secondary_medians");
      secondaries.forEach((name, figures) ->
          secondaryMedians.put(name, Stats.median(figures.stream().mapToDouble(Double::doubleValue).toArray())));
      System.out.println(JSON.writeValueAsString(median));
    }
    System.exit(0);
  }

  private static void fail(Workload workload, StoreChoice stores, Options options, int run, Throwable error) {
    ObjectNode failure = header(workload, stores, options);
    failure.put("run", run);
    failure.put("error", String.valueOf(error));
    System.out.println(JSON.writeValueAsString(failure));
    System.exit(1);
  }

  private static ObjectNode header(Workload workload, StoreChoice stores, Options options) {
    ObjectNode line = JSON.createObjectNode();
    line.put("workload", workload.name());
    line.put("store", stores.label());
    Map<String, Object> params = new LinkedHashMap<>(workload.parameters(options));
    options.all().forEach((name, value) -> {
      if (!name.equals("store") && !name.equals("runs") && !name.startsWith("warmup-")) {
        params.putIfAbsent(name, value);
      }
    });
    line.set("params", JSON.valueToTree(params));
    line.put("jvm", System.getProperty("java.vm.name") + " " + Runtime.version());
    line.put("cores", Runtime.getRuntime().availableProcessors());
    return line;
  }
}
