package dev.cairn.server;

/** The management API contract, in process on the in-memory store. */
class ManagementApiTest extends ManagementApiContract {

  @Override
  protected HttpTarget startServer() {
    return new ServerFixture();
  }
}
