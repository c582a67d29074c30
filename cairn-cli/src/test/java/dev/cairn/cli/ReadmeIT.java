package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, run as a new user would: in a fresh clone in a temporary folder, {@code ./cairn
 * serve} builds Cairn and starts the server; one orchestration runs through the CLI; the server stops on SIGTERM.
 * (The README's other command, {@code ./cairn test}, is the one that runs this test.)
 */
class ReadmeIT {
  @TempDir
  Path directory;

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve(".git"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("Not inside a git checkout: " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  /** The README's commands: the lines of its first {@code sh} block, without comments. */
  static List<List<String>> readmeCommands(Path readme) throws IOException {
    List<List<String>> commands = new ArrayList<>();
    boolean inBlock = false;
    for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
      if (line.startsWith("```sh")) {
        inBlock = true;
      } else if (inBlock && line.startsWith("```")) {
        break;
      } else if (inBlock) {
        String command = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
        if (!command.isBlank()) {
          commands.add(Arrays.asList(command.strip().split("\\s+")));
        }
      }
    }
    return commands;
  }

  private static Process run(Path clone, Path output, List<String> command) throws IOException {
    return new ProcessBuilder(command).directory(clone.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
  }

  private static String runToEnd(Path clone, List<String> command) throws Exception {
    Path output = Files.createTempFile("cairn-cli", ".txt");
    Process process = run(clone, output, command);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s did not finish", command).isTrue();
    String text = Files.readString(output).strip();
    assertThat(process.exitValue()).as("%s: %s", command, text).isZero();
    return text;
  }

  @Test
  void readmeServeCommand_inAFreshClone_buildsServesAndRunsAnOrchestrationThroughTheCli() throws Exception {
    Path clone = directory.resolve("cairn");
    Process git = new ProcessBuilder("git", "clone", "--quiet", repositoryRoot().toString(), clone.toString())
        .inheritIO().start();
    assertThat(git.waitFor(2, TimeUnit.MINUTES) && git.exitValue() == 0).as("git clone").isTrue();
    List<List<String>> commands = readmeCommands(clone.resolve("README.md"));
    assertThat(commands).hasSize(2);
    assertThat(commands.get(0)).containsExactly("./cairn", "serve");
    assertThat(commands.get(1)).containsExactly("./cairn", "test");

    int port = ServerProcess.freePort();
    String server = "http://127.0.0.1:" + port;
    List<String> serve = new ArrayList<>(commands.get(0));
    serve.addAll(List.of("--port", String.valueOf(port)));
    Path serverLog = directory.resolve("serve.log");
    Process serving = run(clone, serverLog, serve);
    try {
      awaitServing(server, serving, serverLog);
      assertThat(Files.readString(serverLog)).contains("Dashboard: " + server + "/");

      String id = runToEnd(clone, List.of("./cairn", "start", "HelloCities", "--server", server));
      String result = runToEnd(clone, List.of("./cairn", "wait", id, "--server", server));
      assertThat(result).contains("Completed", "[\"Hello Tokyo!\",\"Hello Seattle!\",\"Hello London!\"]");
      assertThat(clone.resolve("cairn-data/cairn.db")).exists();
    } finally {
      serving.destroy();
      assertThat(serving.waitFor(60, TimeUnit.SECONDS)).as("the server stops on SIGTERM").isTrue();
    }
  }

  private static void awaitServing(String server, Process serving, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
    try (HttpClient http = HttpClient.newHttpClient()) {
      while (System.nanoTime() < deadline) {
        if (!serving.isAlive()) {
          throw new IllegalStateException("./cairn serve exited: " + Files.readString(log));
        }
        try {
          if (http.send(HttpRequest.newBuilder(URI.create(server + "/healthz")).build(),
              HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
            return;
          }
        } catch (IOException e) {
          // Still building or starting.
        }
        Thread.sleep(500);
      }
    }
    throw new IllegalStateException("./cairn serve did not start: " + Files.readString(log));
  }
}
