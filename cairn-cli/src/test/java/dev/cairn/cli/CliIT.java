package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every subcommand against a running server: readable output, {@code --json}, and exit codes. */
class CliIT {
  @TempDir
  static Path directory;

  private static ServerProcess server;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void startServer() throws Exception {
    server = ServerProcess.start(directory);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static Run cairn(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--server";
    all[args.length + 1] = server.url();
    return bare(all);
  }

  private static Run bare(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString().strip(), err.toString().strip());
  }

  @Test
  void cluster_printsTheWorkersTheirPartitionsAndTheBacklogs() {
    Run cluster = cairn("cluster");
    assertThat(cluster.code()).isZero();
    assertThat(cluster.out()).contains("WORKER", "(this server)", "PARTITION", "OWNER", "BACKLOG",
        "partitions without an owner: 0");
    Run json = cairn("cluster", "--json");
    assertThat(json.out()).startsWith("{").contains("\"workers\"", "\"partitions\"", "\"scale\"");
  }

  @Test
  void startWaitStatusAndList_runAnOrchestrationAndShowIt() {
    Run started = cairn("start", "HelloCities", "--id", "cli-hello");
    assertThat(started.code()).isZero();
    assertThat(started.out()).isEqualTo("cli-hello");

    Run waited = cairn("wait", "cli-hello", "--timeout", "60");
    assertThat(waited.code()).isZero();
    assertThat(waited.out()).contains("Completed", "Hello Tokyo!");
    Run status = cairn("status", "cli-hello", "--history");
    assertThat(status.out()).contains("HelloCities", "TaskCompleted", "SayHello");
    Run json = cairn("status", "cli-hello", "--json");
    assertThat(json.out()).startsWith("{").contains("\"runtimeStatus\":\"Completed\"");
    assertThat(cairn("list", "--name", "HelloCities").out()).contains("cli-hello", "Completed");
    assertThat(cairn("list", "--status", "Completed", "--json").out()).startsWith("[").contains("cli-hello");
    assertThat(cairn("list", "--prefix", "nothing-like-this").out()).isEqualTo("No instances.");
  }

  @Test
  void raiseSuspendResumeTerminateRestartPurge_manageAnInstance() {
    assertThat(cairn("start", "ApprovalWorkflow", "--id", "cli-approve", "--input", "{\"timeoutSeconds\": 600}")
        .code()).isZero();
    Awaitility.await().until(() -> cairn("status", "cli-approve", "--json").out().contains("Running"));
    assertThat(cairn("raise", "cli-approve", "Approval", "\"yes\"").code()).isZero();
    assertThat(cairn("wait", "cli-approve").out()).contains("approved");

    cairn("start", "ApprovalWorkflow", "--id", "cli-control", "--input", "{\"timeoutSeconds\": 600}");
    Awaitility.await().until(() -> cairn("status", "cli-control", "--json").out().contains("Running"));
    assertThat(cairn("suspend", "cli-control", "--reason", "pause").out()).isEqualTo("Suspending cli-control");
    Awaitility.await().until(() -> cairn("status", "cli-control", "--json").out().contains("Suspended"));
    assertThat(cairn("resume", "cli-control").code()).isZero();
    assertThat(cairn("terminate", "cli-control", "--reason", "enough").code()).isZero();
    Run terminated = cairn("wait", "cli-control");
    assertThat(terminated.code()).isEqualTo(1);
    assertThat(terminated.out()).contains("Terminated");

    Run restarted = cairn("restart", "cli-control", "--new-id");
    assertThat(restarted.code()).isZero();
    assertThat(restarted.out()).isNotEqualTo("cli-control");
    assertThat(cairn("purge", "cli-approve").out()).isEqualTo("Purged 1 instance(s)");
    assertThat(cairn("status", "cli-approve").code()).isEqualTo(3);
  }

  @Test
  void entityCommands_signalGetAndList() {
    assertThat(cairn("entity", "signal", "Counter", "cli", "add", "4").code()).isZero();
    cairn("entity", "signal", "Counter", "cli", "add", "3");
    Awaitility.await().until(() -> cairn("entity", "get", "Counter", "cli").out().equals("7"));
    assertThat(cairn("entity", "list", "Counter").out()).contains("@Counter@cli", "7");
    assertThat(cairn("entity", "list", "--json").out()).startsWith("[").contains("\"key\":\"cli\"");
    assertThat(cairn("entity", "get", "Counter", "never").code()).isEqualTo(3);
  }

  @Test
  void exitCodes_tellScriptsWhatHappened() {
    assertThat(bare().code()).isEqualTo(2);
    assertThat(cairn("start").code()).isEqualTo(2);
    assertThat(cairn("start", "HelloCities", "--input", "{not json").code()).isEqualTo(2);
    Run unknown = cairn("start", "NoSuchOrchestration");
    assertThat(unknown.code()).isEqualTo(3);
    assertThat(unknown.err()).contains("No orchestration named 'NoSuchOrchestration'");
    cairn("start", "HelloCities", "--id", "cli-dup");
    assertThat(cairn("start", "HelloCities", "--id", "cli-dup").code()).isEqualTo(4);
    cairn("wait", "cli-dup");
    assertThat(cairn("raise", "cli-dup", "x", "1").code()).isEqualTo(4);
    assertThat(cairn("status", "no-such-instance").code()).isEqualTo(3);
    cairn("start", "ApprovalWorkflow", "--id", "cli-slow", "--input", "{\"timeoutSeconds\": 600}");
    assertThat(cairn("wait", "cli-slow", "--timeout", "1").code()).isEqualTo(6);
    Run unreachable = bare("status", "x", "--server", "http://127.0.0.1:" + unusedPort());
    assertThat(unreachable.code()).isEqualTo(5);
    assertThat(unreachable.err()).contains("Cannot reach the Cairn server");
    assertThat(bare("--version").out()).startsWith("cairn");
  }

  private static int unusedPort() {
    try {
      return ServerProcess.freePort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
