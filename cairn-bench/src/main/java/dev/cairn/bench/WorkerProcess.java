package dev.cairn.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link BenchWorker} in a process of its own, on the PostgreSQL schema of a run: started on this process's class
 * path (the benchmark's jar), told to run load ({@link #run}), killed with {@code kill -9}, or stopped gracefully by closing its
 * standard input.
 */
final class WorkerProcess implements AutoCloseable {
  private final Process process;
  private final String id;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Writer commands;

  private WorkerProcess(Process process, String id) {
    this.process = process;
    this.id = id;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  /** Starts a worker on the run's schema and waits until it is ready. */
  static WorkerProcess start(StoreChoice stores, int run, String id, Duration lease) throws IOException {
    if (!stores.kind().equals("postgres")) {
      throw new IllegalArgumentException("Worker processes need a shared store: use --store postgres:JDBC_URL");
    }
    List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        BenchWorker.class.getName(),
        stores.url(), StoreChoice.schema(run), id, String.valueOf(lease.toMillis()),
        String.valueOf(stores.writers()));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = output.readLine()) != null && !line.startsWith("ready")) {
      // Skips whatever the worker prints before it is ready.
    }
    if (line == null) {
      process.destroyForcibly();
      throw new IOException("Worker " + id + " exited before it was ready");
    }
    WorkerProcess worker = new WorkerProcess(process, id);
    Thread.ofVirtual().start(() -> worker.read(output));
    return worker;
  }

  private void read(BufferedReader output) {
    try {
      String line;
      while ((line = output.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException ignored) {
      // The worker is gone.
    }
  }

  /** Tells the worker to run {@code n} 5-activity sequences, at most {@code concurrency} at once (see {@link #done}). */
  void run(int n, int concurrency) throws IOException {
    commands.write("hello " + n + " " + concurrency + "\n");
    commands.flush();
  }

  /** Waits for the load told by {@link #run} to finish; fails when the worker reports a wrong result. */
  void done(Duration atMost) throws InterruptedException {
    String line = lines.poll(atMost.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null || !line.startsWith("done")) {
      throw new IllegalStateException("Worker " + id + " did not finish its load: " + line);
    }
  }

  String id() {
    return id;
  }

  /** Kills the worker at once ({@code kill -9}): nothing more is committed, nothing released. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Stops the worker gracefully and waits for it to exit. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    commands.close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
