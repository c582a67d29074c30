package dev.cairn.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Carries a store's hints ({@link dev.cairn.store.StoreHints}) between the processes that share its database:
 * published inside the transaction whose writes they describe, so that they are delivered when, and only if, it
 * commits (PostgreSQL's {@code NOTIFY}), and delivered to every process listening, the publisher's too.
 */
public interface HintChannel extends AutoCloseable {

  /** Publishes hints within the connection's current transaction. */
  void publish(Connection connection, Collection<String> hints) throws SQLException;

  /** Stops listening and releases the channel's connection. */
  @Override
  void close();
}
