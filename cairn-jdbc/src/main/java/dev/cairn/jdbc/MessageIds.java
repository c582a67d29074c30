package dev.cairn.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out message ids, each larger than every one before: from a counter in memory when one process owns the
 * store, else from the database ({@link Dialect#messageIdsQuery()}), so that every process's ids grow together.
 */
final class MessageIds {
  private final String query;
  private final AtomicLong next;

  private MessageIds(String query, long next) {
    this.query = query;
    this.next = new AtomicLong(next);
  }

  /** Ids from the database's query. */
  static MessageIds inDatabase(String query) {
    return new MessageIds(query, 0);
  }

  /** Ids counted in memory, starting after the largest one used. */
  static MessageIds counted(long highestUsed) {
    return new MessageIds(null, highestUsed + 1);
  }

  /** {@code count} new ids in increasing order; {@code sql} is used only when the database hands them out. */
  long[] next(Sql sql, int count) throws SQLException {
    return query == null ? counted(count) : handedOut(sql, count);
  }

  /** {@code count} new ids from the counter in memory (when the store counts them itself). */
  long[] counted(int count) {
    long first = next.getAndAdd(count);
    long[] ids = new long[count];
    Arrays.setAll(ids, i -> first + i);
    return ids;
  }

  private long[] handedOut(Sql sql, int count) throws SQLException {
    PreparedStatement select = sql.prepare(query);
    select.setInt(1, count);
    long[] ids = new long[count];
    int found = 0;
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next() && found < count) {
        ids[found++] = rows.getLong(1);
      }
    }
    if (found != count) {
      throw new SQLException("The database handed out " + found + " message ids instead of " + count);
    }
    Arrays.sort(ids);
    return ids;
  }

  /** Whether the ids come from the database (then {@link #next} needs a connection that may write). */
  boolean fromDatabase() {
    return query != null;
  }
}
