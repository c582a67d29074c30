package dev.cairn.server;

import dev.cairn.examples.ExamplesApplication;
import dev.cairn.runtime.Cairn;
import dev.cairn.store.Store;
import dev.cairn.testing.InMemoryStore;

/** A runtime with the bundled examples, served in this process on a free port. */
final class ServerFixture extends HttpTarget {
  final Store store = InMemoryStore.create(4, java.time.InstantSource.system());
  final Cairn cairn;
  final CairnServer server;

  ServerFixture(ServerOptions options) {
    cairn = new ExamplesApplication().registerAll(Cairn.builder()).store(store).start();
    server = CairnServer.start(cairn, options.withPort(0));
  }

  ServerFixture() {
    this(ServerOptions.defaults());
  }

  @Override
  protected int port() {
    return server.port();
  }

  @Override
  protected void stop() {
    server.close();
    cairn.close();
  }
}
