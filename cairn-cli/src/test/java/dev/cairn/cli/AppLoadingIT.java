package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn serve --app your.jar --store memory} hosts a user's application instead of the examples. */
class AppLoadingIT {
  @TempDir
  Path directory;

  private Path buildApplicationJar() throws Exception {
    Path sources = directory.resolve("src/demo");
    Files.createDirectories(sources);
    Files.writeString(sources.resolve("EchoApp.java"), """
        package demo;

        import dev.cairn.orchestration.OrchestrationContext;
        import dev.cairn.runtime.Cairn;
        import dev.cairn.runtime.CairnApplication;

        public final class EchoApp implements CairnApplication {
          @Override
          public void register(Cairn.Builder builder) {
            builder.orchestration("Echo", String.class, (OrchestrationContext ctx, String text) -> "echo: " + text);
          }

          @Override
          public String name() {
            return "Echo app";
          }
        }
        """);
    Path classes = directory.resolve("classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int compiled = javac.run(null, null, null, "--release", "21", "-cp", ServerProcess.jar().toString(),
        "-d", classes.toString(), sources.resolve("EchoApp.java").toString());
    assertThat(compiled).isZero();
    Path jar = directory.resolve("echo-app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/dev.cairn.runtime.CairnApplication"));
      out.write("demo.EchoApp\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  @Test
  void serve_withAnApplicationJarAndTheMemoryStore_hostsOnlyThatApplication() throws Exception {
    Path jar = buildApplicationJar();
    try (ServerProcess server = ServerProcess.start(directory.resolve("run"), "--app", jar.toString(),
        "--store", "memory")) {
      assertThat(server.log()).contains("Echo app", "in memory");

      var started = server.post("/runtime/webhooks/durabletask/orchestrators/Echo/echo-1", "\"hi\"");
      assertThat(started.statusCode()).isEqualTo(202);
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
          server.get("/runtime/webhooks/durabletask/instances/echo-1").body().contains("\"output\":\"echo: hi\""));
      assertThat(server.post("/runtime/webhooks/durabletask/orchestrators/HelloCities", null).statusCode())
          .isEqualTo(404);
      assertThat(Files.exists(directory.resolve("run/data/cairn.db"))).isFalse();
    }
  }

  @Test
  void serve_withAJarThatHasNoApplication_saysSo() throws Exception {
    Path empty = directory.resolve("empty.jar");
    try (OutputStream out = Files.newOutputStream(empty); JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry("nothing.txt"));
      jar.closeEntry();
    }
    List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
        ServerProcess.jar().toString(), "serve", "--app", empty.toString(), "--store", "memory",
        "--port", String.valueOf(ServerProcess.freePort()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).isEqualTo(2);
    assertThat(output).contains("has no CairnApplication", "META-INF/services/dev.cairn.runtime.CairnApplication");
  }
}
