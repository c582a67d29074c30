package dev.cairn.cli;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code cairn wait ID [--timeout 60s]}. */
@Command(name = "wait", description = {"Wait until an instance finishes and show its status.",
    "Exit code 0 when it completed, 1 when it failed or was terminated, 6 on timeout."})
final class WaitCommand extends ApiCommand {
  @Parameters(index = "0", description = "The instance id.")
  String id;

  @Option(names = "--timeout", defaultValue = "60", description = "Seconds to wait (default ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
    long pause = 50;
    while (true) {
      HttpApi.Reply reply = HttpApi.expect(api().send("GET", HttpApi.API + "/instances/" + HttpApi.segment(id), null),
          200, 202);
      if (reply.status() == 200) {
        JsonNode status = reply.json();
        print(status, StatusCommand.describe(status));
        return "Completed".equals(text(status, "runtimeStatus")) ? ExitCode.OK : ExitCode.FAILED;
      }
      if (System.nanoTime() > deadline) {
        throw new CliFailure(ExitCode.TIMEOUT, "Instance " + id + " did not finish within " + timeoutSeconds
            + " s; it is " + text(reply.json(), "runtimeStatus") + ".");
      }
      Thread.sleep(pause);
      pause = Math.min(pause * 2, 1_000);
    }
  }
}
