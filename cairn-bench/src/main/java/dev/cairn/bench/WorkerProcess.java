package dev.cairn.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link BenchWorker} in a process of its own, on the PostgreSQL schema of a run: started from the benchmark's
 * own jar, killed with {@code kill -9}, or stopped gracefully by closing its standard input.
 */
final class WorkerProcess implements AutoCloseable {
  private final Process process;
  private final String id;

  private WorkerProcess(Process process, String id) {
    this.process = process;
    this.id = id;
  }

  /** Starts a worker on the run's schema and waits until it is ready. */
  static WorkerProcess start(StoreChoice stores, int run, String id, Duration lease) throws IOException {
    if (!stores.kind().equals("postgres")) {
      throw new IllegalArgumentException("Worker processes need a shared store: use --store postgres:JDBC_URL");
    }
    List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp", ownJar().toString(), BenchWorker.class.getName(),
        stores.url(), StoreChoice.schema(run), id, String.valueOf(lease.toMillis()));
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
    Thread.ofVirtual().start(() -> drain(output));
    return new WorkerProcess(process, id);
  }

  private static void drain(BufferedReader output) {
    try {
      while (output.readLine() != null) {
        // Keeps the pipe from filling up.
      }
    } catch (IOException ignored) {
      // The worker is gone.
    }
  }

  private static Path ownJar() {
    try {
      return Path.of(WorkerProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
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
    process.getOutputStream().close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
