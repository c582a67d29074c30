package dev.cairn.testing;

import dev.cairn.failure.StoreException;
import dev.cairn.store.Store;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store that fails its k-th operation, as if the process died right there, and every operation after it:
 * {@link Mode#BEFORE} fails the operation without applying it, {@link Mode#AFTER} applies it and then fails (the
 * caller never learns it happened). Crash-point tests run a scenario for k = 1, 2, ... until it completes
 * without reaching the fault, each time recovering with a new runtime on the underlying store.
 */
public final class FaultInjectingStore extends ForwardingStore {

  /** Where, around the k-th operation, the fault strikes. */
  public enum Mode {
    /** The k-th operation fails and is not applied. */
    BEFORE,
    /** The k-th operation is applied, then fails. */
    AFTER
  }

  private final int failAt;
  private final Mode mode;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile String firedAt;

  /** Fails operation number {@code failAt} (1-based) of {@code delegate}. */
  public FaultInjectingStore(Store delegate, int failAt, Mode mode) {
    super(delegate);
    this.failAt = failAt;
    this.mode = mode;
  }

  @Override
  protected void beforeCall(String method) {
    if (firedAt != null) {
      throw new StoreException("Injected fault: the store is gone since operation " + failAt + " (" + firedAt + ")");
    }
    if (mode == Mode.BEFORE && calls.incrementAndGet() == failAt) {
      fire(method);
    }
  }

  @Override
  protected void afterCall(String method) {
    if (mode == Mode.AFTER && calls.incrementAndGet() == failAt) {
      fire(method);
    }
  }

  private void fire(String method) {
    firedAt = method;
    throw new StoreException("Injected fault at store operation " + failAt + " (" + method + ", " + mode + ")");
  }

  /** Whether the fault has struck. */
  public boolean fired() {
    return firedAt != null;
  }

  /** How many operations were forwarded. */
  public int calls() {
    return calls.get();
  }

  @Override
  public void close() {
    // The underlying store outlives the crash; its owner closes it.
  }
}
