package dev.cairn.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.jdbc.HintChannel;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hints between the workers sharing a schema, by PostgreSQL's {@code LISTEN/NOTIFY}: a write publishes them with
 * {@code pg_notify} inside its transaction, so they are delivered when, and only if, it commits; one connection
 * of the pool listens, on a thread of its own, and hands each hint over as it arrives. When that connection
 * breaks, the thread connects again (hints sent meanwhile are lost, which the workers' polling makes up for).
 */
final class NotifyChannel implements HintChannel {
  private static final Logger LOG = LoggerFactory.getLogger(NotifyChannel.class);
  private static final String PUBLISH = "SELECT pg_notify(?, hint) FROM unnest(?) AS hint";
  private static final int WAIT_MILLIS = 500;
  private static final long RETRY_MILLIS = 500;

  private final HikariDataSource pool;
  private final String channel;
  private final Consumer<String> onHint;
  private final Thread listener;
  private volatile boolean closed;
  private volatile Connection connection;

  private NotifyChannel(HikariDataSource pool, String channel, Consumer<String> onHint) {
    this.pool = pool;
    this.channel = channel;
    this.onHint = onHint;
    this.listener = Thread.ofPlatform().daemon().name("cairn-postgres-hints").unstarted(this::listen);
  }

  /** Starts listening on the channel named {@code channel} (a schema name: a valid identifier). */
  static NotifyChannel start(HikariDataSource pool, String channel, Consumer<String> onHint) {
    NotifyChannel started = new NotifyChannel(pool, channel, onHint);
    started.listener.start();
    return started;
  }

  @Override
  public void publish(Connection writer, Collection<String> hints) throws SQLException {
    PreparedStatement publish = writer.prepareStatement(PUBLISH);
    try (publish) {
      Array payloads = writer.createArrayOf("text", hints.toArray());
      publish.setString(1, channel);
      publish.setArray(2, payloads);
      publish.execute();
    }
  }

  private void listen() {
    while (!closed) {
      try (Connection listening = pool.getConnection()) {
        connection = listening;
        listening.setAutoCommit(true);
        try (Statement statement = listening.createStatement()) {
          statement.execute("LISTEN \"" + channel + "\"");
        }
        PGConnection notifications = listening.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] arrived = notifications.getNotifications(WAIT_MILLIS);
          if (arrived != null) {
            for (PGNotification notification : arrived) {
              onHint.accept(notification.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          return;
        }
        LOG.warn("Not listening for hints from other workers ({}); trying again", e.getMessage());
        pause();
      } finally {
        connection = null;
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.join(WAIT_MILLIS * 4L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Connection open = connection;
    if (open != null) {
      try {
        open.close();
      } catch (SQLException ignored) {
        // Closing anyway.
      }
    }
  }
}
