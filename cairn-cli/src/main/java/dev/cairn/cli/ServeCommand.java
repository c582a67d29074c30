package dev.cairn.cli;

import dev.cairn.postgres.PostgresStore;
import dev.cairn.runtime.Cairn;
import dev.cairn.runtime.CairnApplication;
import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import dev.cairn.sqlite.SqliteStore;
import dev.cairn.sqlite.Synchronous;
import dev.cairn.store.Store;
import dev.cairn.testing.InMemoryStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn serve}: workers, the HTTP API and the dashboard, until stopped (Ctrl+C or SIGTERM). */
@Command(name = "serve", description = "Run the Cairn server: workers, HTTP API and dashboard.")
final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}); any other than loopback requires a token.")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data", defaultValue = "cairn-data", description = "Data directory (default ./${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--store", defaultValue = "sqlite",
      description = "sqlite (durable, in --data), postgres (shared by several workers, at --postgres-url) or memory"
          + " (throwaway); default ${DEFAULT-VALUE}.")
  String store;

  @Option(names = "--postgres-url", defaultValue = "${env:CAIRN_POSTGRES_URL}",
      description = "JDBC URL of the PostgreSQL database for --store postgres (or CAIRN_POSTGRES_URL), for example"
          + " jdbc:postgresql://127.0.0.1:5432/app?user=cairn.")
  String postgresUrl;

  @Option(names = "--schema", defaultValue = PostgresStore.DEFAULT_SCHEMA,
      description = "PostgreSQL schema for Cairn's tables (default ${DEFAULT-VALUE}).")
  String schema;

  @Option(names = "--postgres-writers", defaultValue = "" + PostgresStore.DEFAULT_WRITER_CONNECTIONS,
      description = "Connections that write to PostgreSQL, each for a share of the partitions, committing in"
          + " parallel (default ${DEFAULT-VALUE}; more pay off when the database is across a network).")
  int postgresWriters;

  @Option(names = "--worker-id",
      description = "This worker's id among those sharing the store, unique among the live ones; keep it across"
          + " restarts to take the partitions back at once (default: host name, process id and a random part).")
  String workerId;

  @Option(names = "--lease", defaultValue = "10s", converter = DurationConverter.class,
      description = "How long this worker's leases on partitions and activity tasks last: how soon other workers"
          + " take over a crashed worker's partitions and activities (default ${DEFAULT-VALUE}; e.g. 5s, 500ms, 1m).")
  Duration lease;

  @Option(names = "--synchronous", defaultValue = "FULL",
      description = "SQLite flushing: FULL (durable on power loss) or NORMAL (faster); default ${DEFAULT-VALUE}.")
  Synchronous synchronous;

  @Option(names = "--app", description = "A jar with your CairnApplication (registered in META-INF/services);"
      + " without it the bundled examples are served.")
  Path app;

  @Option(names = "--token", defaultValue = "${env:CAIRN_TOKEN}",
      description = "Access token (or CAIRN_TOKEN); generated when listening beyond loopback without one.")
  String token;

  @Override
  public Integer call() throws Exception {
    List<CairnApplication> applications = applications();
    Store target = openStore();
    Cairn.Builder builder = Cairn.builder().store(target).partitionLease(lease).activityLease(lease);
    if (workerId != null) {
      builder.workerId(workerId);
    }
    applications.forEach(application -> application.register(builder));
    Cairn cairn = builder.start();
    CairnServer server;
    try {
      server = CairnServer.start(cairn, ServerOptions.defaults().withHost(host).withPort(port).withToken(token));
    } catch (RuntimeException e) {
      cairn.close();
      target.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      cairn.close();
      target.close();
      stopped.countDown();
    }, "cairn-shutdown"));
    banner(server, cairn, applications);
    stopped.await();
    return ExitCode.OK;
  }

  private Store openStore() {
    return switch (store) {
      case "memory" -> InMemoryStore.create();
      case "sqlite" -> SqliteStore.builder(data.resolve("cairn.db")).synchronous(synchronous).open();
      case "postgres" -> openPostgres();
      default -> throw new CliFailure(ExitCode.USAGE,
          "--store must be sqlite, postgres or memory, not '" + store + "'");
    };
  }

  private Store openPostgres() {
    if (postgresUrl == null || postgresUrl.isBlank()) {
      throw new CliFailure(ExitCode.USAGE, "--store postgres needs the database: give --postgres-url"
          + " 'jdbc:postgresql://HOST:5432/DATABASE?user=USER' or set CAIRN_POSTGRES_URL.");
    }
    try {
      return PostgresStore.builder(postgresUrl).schema(schema).writerConnections(postgresWriters).build();
    } catch (IllegalArgumentException e) {
      throw new CliFailure(ExitCode.USAGE, e.getMessage());
    }
  }

  private String storeDescription(Cairn cairn) {
    return switch (store) {
      case "memory" -> "in memory (lost on exit)";
      case "postgres" -> "PostgreSQL " + PostgresStore.withoutPassword(postgresUrl) + ", schema "
          + schema + " (worker " + cairn.workerId() + ", lease " + lease.toMillis() + " ms)";
      default -> data.resolve("cairn.db").toAbsolutePath() + " (SQLite, synchronous=" + synchronous + ")";
    };
  }

  private List<CairnApplication> applications() throws IOException {
    List<CairnApplication> found = new ArrayList<>();
    if (app == null) {
      ServiceLoader.load(CairnApplication.class).forEach(found::add);
      return found;
    }
    if (!Files.isRegularFile(app)) {
      throw new CliFailure(ExitCode.USAGE, "--app " + app + " is not a file; give the path of your application's jar.");
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {app.toUri().toURL()}, getClass().getClassLoader());
    for (CairnApplication application : ServiceLoader.load(CairnApplication.class, loader)) {
      if (application.getClass().getClassLoader() == loader) {
        found.add(application);
      }
    }
    if (found.isEmpty()) {
      throw new CliFailure(ExitCode.USAGE, app + " has no CairnApplication: list your implementation's class name"
          + " in META-INF/services/dev.cairn.runtime.CairnApplication inside the jar.");
    }
    return found;
  }

  private void banner(CairnServer server, Cairn cairn, List<CairnApplication> applications) {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Cairn is serving " + String.join(", ", applications.stream().map(CairnApplication::name).toList())
        + ": " + cairn.orchestrationNames().size() + " orchestrations, " + cairn.activityNames().size()
        + " activities, " + cairn.entityNames().size() + " entities.");
    out.println("Store:     " + storeDescription(cairn));
    out.println("Dashboard: " + server.uri());
    out.println("HTTP API:  " + server.uri() + "runtime/webhooks/durabletask/");
    if (server.token() != null) {
      out.println("Token:     " + server.token() + "   (send it as 'Authorization: Bearer <token>')");
    }
    out.println("Press Ctrl+C to stop.");
    out.flush();
  }
}
