package dev.cairn.cli;

import dev.cairn.server.HttpTarget;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code cairn serve} as a real process, started from the packaged jar on a free port and a fresh data folder. */
final class ServerProcess extends HttpTarget {
  private final Process process;
  private final int port;
  private final Path output;

  private ServerProcess(Process process, int port, Path output) {
    this.process = process;
    this.port = port;
    this.output = output;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The packaged {@code cairn.jar} (built by the package phase, before these tests run). */
  static Path jar() {
    Path jar = Path.of(System.getProperty("cairn.jar", "target/cairn.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: these tests run in the verify phase, after packaging");
    }
    return jar;
  }

  /** Starts a server with extra arguments and waits until it answers {@code /healthz}. */
  static ServerProcess start(Path dataDirectory, String... extra) throws Exception {
    int port = freePort();
    Path output = dataDirectory.resolve("server.log");
    Files.createDirectories(dataDirectory);
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-jar", jar().toString(), "serve",
        "--port", String.valueOf(port), "--data", dataDirectory.resolve("data").toString()));
    command.addAll(List.of(extra));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    ServerProcess server = new ServerProcess(process, port, output);
    server.awaitHealthy(Duration.ofSeconds(60));
    return server;
  }

  private void awaitHealthy(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (HttpClient http = HttpClient.newHttpClient()) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("The server exited: " + log());
        }
        try {
          HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
              + "/healthz")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
          if (health.statusCode() == 200 || health.statusCode() == 401) {
            return;
          }
        } catch (IOException e) {
          // Not listening yet.
        }
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("The server did not answer within " + timeout + ": " + log());
  }

  String log() throws IOException {
    return Files.exists(output) ? Files.readString(output) : "";
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  protected int port() {
    return port;
  }

  /** Stops the server as an operator would (SIGTERM) and waits for it to exit. */
  @Override
  protected void stop() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** Kills the server at once ({@code kill -9}): nothing more is committed, nothing is released. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Pauses the server ({@code SIGSTOP}), as a long GC pause or a frozen VM would: it neither works nor dies. */
  void pause() throws Exception {
    signal("-STOP");
  }

  /** Lets a paused server go on ({@code SIGCONT}); nothing when it is no longer running. */
  void resume() throws Exception {
    if (process.isAlive()) {
      signal("-CONT");
    }
  }

  private void signal(String which) throws Exception {
    Process kill = new ProcessBuilder("kill", which, String.valueOf(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill " + which + " " + process.pid() + " failed");
    }
  }

  int exitCode() {
    return process.exitValue();
  }
}
