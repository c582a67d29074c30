package dev.cairn.jdbc;

import dev.cairn.failure.CairnException;
import dev.cairn.failure.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A writer of the store, on a connection of its own: the only one of an embedded store, one of several on a
 * database server, each serving a share of the partitions. Writes from many threads (partition batches, clients,
 * activity workers) queue here; one thread takes all that are waiting, runs them in one transaction, and commits
 * them together: one durable flush for the lot. A write that fails fails alone (see {@link #runTransaction}).
 * Callers return only after the commit is durable. The hints the writes give ({@link Sql#hint}) go out with the
 * transaction.
 */
final class GroupCommitter {
  /**
   * Where a group transaction's hints go: into the transaction, for a channel between processes to deliver when it
   * commits, or, once it committed, to this process's listeners.
   */
  interface Hints {
    /** Called inside the transaction, after its writes. */
    void beforeCommit(Sql sql, Set<String> hints) throws SQLException;

    /** Called once the transaction is durable. */
    void afterCommit(Set<String> hints);
  }

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);
  private static final int MAX_OPS_PER_TRANSACTION = 512;

  private record Op<T>(SqlWork<T> work, CompletableFuture<T> result) {}

  private final Dialect dialect;
  private final Hints hints;
  private Sql sql;
  private final LinkedBlockingQueue<Op<?>> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;
  private long transactions;
  private long operations;

  /** A writer on a connection in a transaction; {@code number} tells its thread apart from the others'. */
  GroupCommitter(Sql sql, Dialect dialect, Hints hints, int number) {
    this.sql = sql;
    this.dialect = dialect;
    this.hints = hints;
    this.writer = Thread.ofPlatform().name(number == 0 ? "cairn-store-writer" : "cairn-store-writer-" + number)
        .daemon().start(this::loop);
  }

  /** A new connection for a writer, in a transaction. */
  static Sql connect(Dialect dialect) throws SQLException {
    Connection connection = dialect.openWriter();
    try {
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return new Sql(connection);
  }

  /**
   * Runs the work in the next group transaction and returns its result once the transaction is durable.
   *
   * @throws CairnException what the work threw (a commit rejection, ...), or a StoreException when the
   *     database failed
   */
  <T> T write(SqlWork<T> work) {
    try {
      return submit(work, error -> {}).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof CairnException cairn) {
        throw cairn;
      }
      throw new StoreException("The store could not write: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Queues the work for the next group transaction; the future completes once that transaction is durable, or
   * fails with what the work threw (a {@link CairnException}) or a {@link StoreException}. Works run in the order
   * submitted. When it fails, {@code onFailure} runs on the writer thread before any later work does.
   */
  <T> CompletableFuture<T> submit(SqlWork<T> work, Consumer<Throwable> onFailure) {
    CompletableFuture<T> result = new CompletableFuture<>();
    result.whenComplete((value, error) -> {
      if (error != null) {
        onFailure.accept(error);
      }
    });
    if (closed) {
      result.completeExceptionally(new StoreException("The store is closed."));
      return result;
    }
    queue.add(new Op<>(work, result));
    return result;
  }

  private void loop() {
    List<Op<?>> batch = new ArrayList<>();
    while (!closed) {
      batch.clear();
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, MAX_OPS_PER_TRANSACTION - 1);
      runTransaction(batch);
    }
    Op<?> left;
    while ((left = queue.poll()) != null) {
      left.result().completeExceptionally(new StoreException("The store is closed."));
    }
  }

  /**
   * Runs the batch in one transaction: first without savepoints, which cost two round trips per write on a
   * networked database. When every write succeeds, as nearly all do, that is the transaction. When one fails, the
   * transaction is rolled back and the batch runs again with a savepoint around each write, so that the failing ones
   * fail alone. Writes must not record a failure of the first run beyond the transaction ({@link Sql#trial}).
   */
  private void runTransaction(List<Op<?>> batch) {
    List<Object> results = new ArrayList<>(batch.size());
    List<Throwable> errors = new ArrayList<>(batch.size());
    sql.trial(true);
    try {
      for (Op<?> op : batch) {
        results.add(op.work().run(sql));
        errors.add(null);
      }
    } catch (SQLException | RuntimeException e) {
      sql.trial(false);
      sql.takeHints();
      sql.clearBatches();
      if (!rolledBack()) {
        fail(batch, e);
        return;
      }
      results.clear();
      errors.clear();
      if (!runEachInSavepoint(batch, results, errors)) {
        return;
      }
    }
    sql.trial(false);
    commit(batch, results, errors);
  }

  /** Runs each write in a savepoint of its own; false (and the batch failed) when the transaction broke. */
  private boolean runEachInSavepoint(List<Op<?>> batch, List<Object> results, List<Throwable> errors) {
    try {
      for (Op<?> op : batch) {
        runInSavepoint(op, results, errors);
      }
      return true;
    } catch (SQLException | RuntimeException e) {
      sql.takeHints();
      rolledBack();
      fail(batch, e);
      return false;
    }
  }

  private void commit(List<Op<?>> batch, List<Object> results, List<Throwable> errors) {
    Set<String> given = sql.takeHints();
    try {
      if (!given.isEmpty()) {
        hints.beforeCommit(sql, given);
      }
      sql.connection().commit();
      transactions++;
      operations += batch.size();
    } catch (SQLException | RuntimeException e) {
      rolledBack();
      fail(batch, e);
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      complete(batch.get(i), results.get(i), errors.get(i));
    }
    if (!given.isEmpty()) {
      hints.afterCommit(given);
    }
  }

  /** Fails every write of the batch (the transaction could not be committed) and replaces a broken connection. */
  private void fail(List<Op<?>> batch, Exception cause) {
    StoreException failure = new StoreException("The store could not commit: " + cause.getMessage(), cause);
    batch.forEach(op -> op.result().completeExceptionally(failure));
    reconnectIfBroken();
  }

  private void runInSavepoint(Op<?> op, List<Object> results, List<Throwable> errors) throws SQLException {
    Savepoint savepoint = sql.connection().setSavepoint();
    try {
      results.add(op.work().run(sql));
      errors.add(null);
      sql.connection().releaseSavepoint(savepoint);
    } catch (SQLException | RuntimeException e) {
      sql.clearBatches();
      sql.connection().rollback(savepoint);
      sql.connection().releaseSavepoint(savepoint);
      results.add(null);
      errors.add(e instanceof CairnException ? e : new StoreException("SQL error: " + e.getMessage(), e));
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void complete(Op<T> op, Object result, Throwable error) {
    if (error != null) {
      op.result().completeExceptionally(error);
    } else {
      op.result().complete((T) result);
    }
  }

  /** Rolls the transaction back; false when even that failed (the connection is broken). */
  private boolean rolledBack() {
    try {
      sql.connection().rollback();
      return true;
    } catch (SQLException e) {
      LOG.warn("Rollback failed", e);
      return false;
    }
  }

  /**
   * Replaces the connection when the database dropped it (a restart, a network failure), waiting a little when it
   * cannot connect yet, so that a failing database is not hammered.
   */
  private void reconnectIfBroken() {
    try {
      if (sql.connection().isValid(2)) {
        return;
      }
    } catch (SQLException e) {
      LOG.debug("Cannot check the writer's connection", e);
    }
    sql.close();
    try {
      sql = connect(dialect);
      LOG.info("The store's writer reconnected to the database");
    } catch (SQLException e) {
      LOG.warn("The store's writer cannot reconnect to the database yet: {}", e.getMessage());
      try {
        Thread.sleep(200);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Transactions committed and operations in them, since start (for diagnostics and benchmarks). */
  long[] counts() {
    return new long[] {transactions, operations};
  }

  void close() {
    closed = true;
    writer.interrupt();
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sql.close();
  }
}
