package dev.cairn.testing;

import dev.cairn.store.Store;

/** The in-memory store keeps the store contract. */
class InMemoryStoreContractTest extends StoreContractTest {

  @Override
  protected Store createStore() {
    return InMemoryStore.create();
  }

  @Override
  protected Store reopen(Store previous) {
    previous.close();
    return ((InMemoryStore) previous).reopen();
  }
}
