package dev.cairn.jdbc;

import dev.cairn.failure.CairnException;
import dev.cairn.failure.StoreException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes partition leases and heartbeats. On a shared store they go on a connection of their own, one short
 * transaction each, so that a renewal never waits behind the commits queued for the store's writer (it may wait
 * for its partition's commit in flight, whose fence holds the partition's row until it ends). When one process owns
 * the store, it has one writer, and they go through it.
 */
final class LeaseWriter {
  private final Dialect dialect;
  private final GroupCommitter committer;
  private final HintChannel channel;
  private final ReentrantLock lock = new ReentrantLock();
  private Sql sql;

  LeaseWriter(Dialect dialect, GroupCommitter committer, HintChannel channel) {
    this.dialect = dialect;
    this.committer = committer;
    this.channel = channel;
  }

  /**
   * Runs the work in a transaction of its own and returns its result once committed.
   *
   * @throws CairnException what the work threw, or a StoreException when the database failed
   */
  <T> T write(SqlWork<T> work) {
    if (dialect.singleProcess() || channel == null) {
      return committer.write(work);
    }
    lock.lock();
    try {
      Sql current = connection();
      try {
        T result = work.run(current);
        Set<String> hints = current.takeHints();
        if (!hints.isEmpty()) {
          channel.publish(current.connection(), hints);
        }
        current.connection().commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        current.takeHints();
        rollbackOrDrop(current);
        if (e instanceof CairnException cairn) {
          throw cairn;
        }
        throw new StoreException("The store could not write a lease: " + e.getMessage(), e);
      }
    } finally {
      lock.unlock();
    }
  }

  private Sql connection() {
    if (sql == null) {
      try {
        sql = GroupCommitter.connect(dialect);
      } catch (SQLException e) {
        throw new StoreException("Cannot connect to write a lease: " + e.getMessage(), e);
      }
    }
    return sql;
  }

  /** Rolls back; a connection that cannot roll back (the database dropped it) is replaced at the next write. */
  private void rollbackOrDrop(Sql failed) {
    try {
      failed.connection().rollback();
    } catch (SQLException e) {
      failed.close();
      sql = null;
    }
  }

  void close() {
    lock.lock();
    try {
      if (sql != null) {
        sql.close();
        sql = null;
      }
    } finally {
      lock.unlock();
    }
  }
}
