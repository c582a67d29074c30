package dev.cairn.cli;

import dev.cairn.failure.CairnException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code cairn} command: the server ({@code serve}) and a client of its HTTP API. */
@Command(name = "cairn", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Durable orchestrations, activities and entities for the JVM.",
    subcommands = {ServeCommand.class, StartCommand.class, StatusCommand.class, WaitCommand.class, ListCommand.class,
        RaiseCommand.class, TerminateCommand.class, SuspendCommand.class, ResumeCommand.class, RestartCommand.class,
        PurgeCommand.class, EntityCommand.class, ClusterCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 refused or failed, 2 usage, 3 not found, 4 exists or finished,"
        + " 5 server unreachable or failing, 6 timed out."})
public final class Main implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** Runs the command and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command with the given output streams and returns its exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine command = new CommandLine(new Main());
    command.setOut(out);
    command.setErr(err);
    command.setExecutionExceptionHandler((failure, line, parsed) -> {
      line.getErr().println(switch (failure) {
        case CliFailure f -> f.getMessage();
        case CairnException e -> e.getMessage();
        case UncheckedIOException e -> e.getMessage();
        default -> "Unexpected failure: " + failure;
      });
      line.getErr().flush();
      return switch (failure) {
        case CliFailure f -> f.exitCode;
        case CairnException e -> ExitCode.UNAVAILABLE;
        case UncheckedIOException e -> ExitCode.UNAVAILABLE;
        default -> ExitCode.FAILED;
      };
    });
    int code = command.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"cairn " + (version == null ? "(development build)" : version)};
    }
  }
}
