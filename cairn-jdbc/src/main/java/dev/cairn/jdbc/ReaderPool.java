package dev.cairn.jdbc;

import dev.cairn.failure.CairnException;
import dev.cairn.failure.StoreException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/** A few connections for reads, each used by one thread at a time; reads never wait for the writer. */
final class ReaderPool {
  private final Dialect dialect;
  private final ArrayBlockingQueue<Sql> idle;
  private final Set<Sql> all = ConcurrentHashMap.newKeySet();

  ReaderPool(Dialect dialect) throws SQLException {
    this.dialect = dialect;
    int size = Math.max(1, dialect.readerConnections());
    idle = new ArrayBlockingQueue<>(size);
    for (int i = 0; i < size; i++) {
      Sql sql = new Sql(dialect.openReader());
      all.add(sql);
      idle.add(sql);
    }
  }

  /** Runs a read on one of the connections. */
  <T> T read(SqlWork<T> work) {
    Sql sql;
    try {
      sql = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while waiting for a database connection", e);
    }
    try {
      return work.run(sql);
    } catch (SQLException e) {
      sql = replaceIfBroken(sql);
      throw new StoreException("The store could not read: " + e.getMessage(), e);
    } catch (CairnException e) {
      throw e;
    } finally {
      idle.add(sql);
    }
  }

  /**
   * A new connection in place of one the database dropped; the same one if it still works; the closed one when no
   * new one can be had yet (it is replaced after its next failure).
   */
  private Sql replaceIfBroken(Sql sql) {
    try {
      if (sql.connection().isValid(2)) {
        return sql;
      }
    } catch (SQLException e) {
      // Treated as broken.
    }
    all.remove(sql);
    sql.close();
    try {
      Sql fresh = new Sql(dialect.openReader());
      all.add(fresh);
      return fresh;
    } catch (SQLException e) {
      return sql;
    }
  }

  void close() {
    all.forEach(Sql::close);
  }
}
