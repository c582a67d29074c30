package dev.cairn.postgres;

import dev.cairn.store.Store;
import dev.cairn.testing.StoreContractTest;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL store keeps the store contract, also when closed and opened again. */
class PostgresStoreContractTest extends StoreContractTest {
  private String schema;

  @BeforeAll
  static void needsPostgres() {
    TestDatabase.assume();
  }

  @Override
  protected Store createStore() {
    schema = TestDatabase.newSchema();
    return TestDatabase.open(schema);
  }

  @Override
  protected Store reopen(Store previous) {
    previous.close();
    TestDatabase.expireLeases(schema);
    return TestDatabase.open(schema);
  }

  @Override
  protected void dispose() {
    TestDatabase.drop(schema);
  }
}
