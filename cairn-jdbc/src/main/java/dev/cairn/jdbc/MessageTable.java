package dev.cairn.jdbc;

import dev.cairn.client.DeadLetter;
import dev.cairn.failure.CommitRejectedException;
import dev.cairn.store.Message;
import dev.cairn.store.MessageBatch;
import dev.cairn.store.StoreCodec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The {@code messages} (partition queues) and {@code dead_letters} tables. */
final class MessageTable {
  private static final String INSERT = """
      INSERT INTO messages (id, partition_id, target, body, visible_at) VALUES (?, ?, ?, ?, ?)""";
  private static final String HIGHEST_ID = """
      SELECT MAX(id) FROM (SELECT MAX(id) AS id FROM messages UNION ALL SELECT MAX(message_id) FROM dead_letters)""";
  private static final String FETCH = """
      SELECT id, partition_id, target, body, visible_at, failed_attempts FROM messages
      WHERE partition_id = ? AND visible_at <= ? ORDER BY id LIMIT ?""";
  private static final String NEXT_DUE = """
      SELECT MIN(visible_at) FROM messages WHERE partition_id = ? AND visible_at > ?""";
  private static final String DELETE = "DELETE FROM messages WHERE id = ?";
  private static final String COUNT_FAILURE = """
      UPDATE messages SET failed_attempts = failed_attempts + 1, last_error = ? WHERE id = ?""";
  private static final String PARK = """
      INSERT INTO dead_letters (message_id, partition_id, target, body, reason, attempts, parked_at)
      SELECT id, partition_id, target, body, ?, failed_attempts + 1, ? FROM messages WHERE id = ?""";
  private static final String DEAD_LETTERS = """
      SELECT message_id, target, body, reason, attempts, parked_at FROM dead_letters ORDER BY id DESC LIMIT ?""";

  private MessageTable() {}

  /** Queues messages, giving those without a reserved id new ones. */
  static void insert(Sql sql, List<Encoded.Message> messages, MessageIds ids) throws SQLException {
    if (messages.isEmpty()) {
      return;
    }
    int unnumbered = (int) messages.stream().filter(m -> m.id() == 0).count();
    long[] fresh = unnumbered == 0 ? new long[0] : ids.next(sql, unnumbered);
    int used = 0;
    PreparedStatement insert = sql.prepare(INSERT);
    for (Encoded.Message message : messages) {
      insert.setLong(1, message.id() != 0 ? message.id() : fresh[used++]);
      insert.setInt(2, message.partition());
      insert.setString(3, message.target());
      insert.setString(4, message.body());
      insert.setLong(5, message.visibleAtMicros());
      insert.addBatch();
    }
    insert.executeBatch();
  }

  /**
   * The largest message id ever used, as far as the tables still show; the dialect may know a larger one (a
   * sequence that also counts messages consumed and deleted).
   */
  static long highestId(Sql sql) throws SQLException {
    try (ResultSet rows = sql.prepare(HIGHEST_ID).executeQuery()) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  static MessageBatch fetch(Sql sql, int partition, Instant now, int max, Set<Long> exclude) throws SQLException {
    long nowMicros = Times.micros(now);
    PreparedStatement fetch = sql.prepare(FETCH);
    fetch.setInt(1, partition);
    fetch.setLong(2, nowMicros);
    fetch.setInt(3, max + exclude.size());
    List<Message> messages = new ArrayList<>();
    try (ResultSet rows = fetch.executeQuery()) {
      while (rows.next() && messages.size() < max) {
        long id = rows.getLong(1);
        if (!exclude.contains(id)) {
          messages.add(new Message(id, rows.getInt(2), rows.getString(3), StoreCodec.decodeMessage(rows.getString(4)),
              Times.instant(rows.getLong(5)), rows.getInt(6)));
        }
      }
    }
    PreparedStatement next = sql.prepare(NEXT_DUE);
    next.setInt(1, partition);
    next.setLong(2, nowMicros);
    Instant nextDue = null;
    try (ResultSet rows = next.executeQuery()) {
      if (rows.next()) {
        long micros = rows.getLong(1);
        nextDue = rows.wasNull() ? null : Times.instant(micros);
      }
    }
    return new MessageBatch(messages, nextDue);
  }

  /** Deletes consumed messages; rejects the commit when one of them is gone already. */
  static void consume(Sql sql, List<Long> ids, int partition) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    PreparedStatement delete = sql.prepare(DELETE);
    for (long id : ids) {
      delete.setLong(1, id);
      delete.addBatch();
    }
    int[] counts = delete.executeBatch();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        throw new CommitRejectedException(
            "Message " + ids.get(i) + " of partition " + partition + " was already consumed.");
      }
    }
  }

  /** Counts a failed attempt of a message; rejects the commit when the message is not in the queue. */
  static void countFailure(Sql sql, long id, String error, int partition) throws SQLException {
    PreparedStatement update = sql.prepare(COUNT_FAILURE);
    update.setString(1, error.length() > 4_000 ? error.substring(0, 4_000) : error);
    update.setLong(2, id);
    requireInQueue(update.executeUpdate(), id, partition);
  }

  /** Moves a message to the dead letters; rejects the commit when the message is not in the queue. */
  static void park(Sql sql, long id, String reason, Instant now, int partition) throws SQLException {
    PreparedStatement park = sql.prepare(PARK);
    park.setString(1, reason.length() > 4_000 ? reason.substring(0, 4_000) : reason);
    park.setLong(2, Times.micros(now));
    park.setLong(3, id);
    requireInQueue(park.executeUpdate(), id, partition);
    PreparedStatement delete = sql.prepare(DELETE);
    delete.setLong(1, id);
    delete.executeUpdate();
  }

  private static void requireInQueue(int rows, long id, int partition) {
    if (rows == 0) {
      throw new CommitRejectedException("Message " + id + " of partition " + partition
          + " is not in the queue: consumed already, or never added (its commit failed).");
    }
  }

  static List<DeadLetter> deadLetters(Sql sql, int max) throws SQLException {
    PreparedStatement select = sql.prepare(DEAD_LETTERS);
    select.setInt(1, max);
    List<DeadLetter> letters = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        letters.add(new DeadLetter(rows.getLong("message_id"), rows.getString("target"), rows.getString("body"),
            rows.getString("reason"), rows.getInt("attempts"), Times.instant(rows.getLong("parked_at"))));
      }
    }
    return letters;
  }
}
