package dev.cairn.jdbc;

import java.sql.SQLException;

/** A piece of work on a connection. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Sql sql) throws SQLException;
}
