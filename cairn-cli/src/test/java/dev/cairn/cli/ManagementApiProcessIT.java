package dev.cairn.cli;

import dev.cairn.server.HttpTarget;
import dev.cairn.server.ManagementApiContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The management API contract, end to end: a real {@code cairn serve} process on the SQLite store. */
class ManagementApiProcessIT extends ManagementApiContract {
  @TempDir
  Path directory;

  @Override
  protected HttpTarget startServer() throws Exception {
    return ServerProcess.start(directory.resolve("run-" + System.nanoTime()));
  }
}
