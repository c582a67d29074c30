package dev.cairn.jdbc;

import dev.cairn.client.InstanceQuery;
import dev.cairn.client.PurgeFilter;
import dev.cairn.client.RuntimeStatus;
import dev.cairn.failure.CommitRejectedException;
import dev.cairn.history.HistoryEvent;
import dev.cairn.store.InstanceCursor;
import dev.cairn.store.InstanceRecord;
import dev.cairn.store.InstanceWrite;
import dev.cairn.store.RecordPage;
import dev.cairn.store.StoreCodec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code instances} and {@code history} tables. */
final class InstanceTable {
  private static final String COLUMNS = """
      instance_id, name, execution_id, status, input, output, custom_status, failure, parent, created_at,
      updated_at, version""";
  private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM instances WHERE instance_id = ?";
  private static final String INSERT = """
      INSERT INTO instances (instance_id, name, execution_id, status, input, output, custom_status, failure, parent,
        created_at, updated_at, version, history_length)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (instance_id) DO NOTHING""";
  private static final String UPDATE = """
      UPDATE instances SET name = ?, execution_id = ?, status = ?, input = ?, output = ?, custom_status = ?,
        failure = ?, parent = ?, created_at = ?, updated_at = ?, version = ?, history_length = ?
      WHERE instance_id = ? AND version = ? AND history_length = ?""";
  private static final String HISTORY_LENGTH = "SELECT history_length FROM instances WHERE instance_id = ?";
  private static final String APPEND_EVENT = """
      INSERT INTO history (instance_id, event_id, event) VALUES (?, ?, ?)
      ON CONFLICT (instance_id, event_id) DO NOTHING""";
  private static final String DELETE_HISTORY = "DELETE FROM history WHERE instance_id = ?";
  private static final String LOAD_HISTORY = "SELECT event FROM history WHERE instance_id = ? ORDER BY event_id";
  private static final String DELETE_INSTANCE = "DELETE FROM instances WHERE instance_id = ?";

  private InstanceTable() {}

  static InstanceRecord read(ResultSet rows) throws SQLException {
    return new InstanceRecord(
        rows.getString("instance_id"),
        rows.getString("name"),
        rows.getString("execution_id"),
        RuntimeStatus.valueOf(rows.getString("status")),
        rows.getString("input"),
        rows.getString("output"),
        rows.getString("custom_status"),
        StoreCodec.decodeFailure(rows.getString("failure")),
        StoreCodec.decodeParent(rows.getString("parent")),
        Times.instant(rows.getLong("created_at")),
        Times.instant(rows.getLong("updated_at")),
        rows.getLong("version"));
  }

  static Optional<InstanceRecord> get(Sql sql, String instanceId) throws SQLException {
    PreparedStatement select = sql.prepare(SELECT_ONE);
    select.setString(1, instanceId);
    try (ResultSet rows = select.executeQuery()) {
      return rows.next() ? Optional.of(read(rows)) : Optional.empty();
    }
  }

  static Map<String, InstanceRecord> getMany(Sql sql, Collection<String> ids) throws SQLException {
    Map<String, InstanceRecord> found = new HashMap<>();
    for (String id : ids) {
      get(sql, id).ifPresent(row -> found.put(id, row));
    }
    return found;
  }

  /** Inserts a new row; false when the id exists. */
  static boolean insert(Sql sql, InstanceRecord row, int historyLength) throws SQLException {
    PreparedStatement insert = sql.prepare(INSERT);
    insert.setString(1, row.instanceId());
    bindFields(insert, 2, row);
    insert.setInt(13, historyLength);
    return insert.executeUpdate() == 1;
  }

  private static void bindFields(PreparedStatement statement, int first, InstanceRecord row) throws SQLException {
    int i = first;
    statement.setString(i++, row.name());
    statement.setString(i++, row.executionId());
    statement.setString(i++, row.status().name());
    statement.setString(i++, row.input());
    statement.setString(i++, row.output());
    statement.setString(i++, row.customStatus());
    statement.setString(i++, StoreCodec.encode(row.failure()));
    statement.setString(i++, StoreCodec.encode(row.parent()));
    statement.setLong(i++, Times.micros(row.createdAt()));
    statement.setLong(i++, Times.micros(row.updatedAt()));
    statement.setLong(i, row.version());
  }

  /** Applies an instance write of a commit, checking its version and the history's continuity. */
  static void write(Sql sql, InstanceWrite write) throws SQLException {
    InstanceRecord row = write.record();
    List<HistoryEvent> events = write.history();
    if (write.expectedVersion() == 0) {
      if (!insert(sql, row, events.size())) {
        throw new CommitRejectedException("Instance '" + row.instanceId() + "' already exists.");
      }
      if (write.replaceHistory()) {
        deleteHistory(sql, row.instanceId());
      }
    } else {
      int oldLength = write.replaceHistory() ? -1 : currentLength(sql, row.instanceId());
      int start = events.isEmpty() || write.replaceHistory() ? oldLength : events.get(0).eventId();
      if (!write.replaceHistory() && start != oldLength) {
        throw new CommitRejectedException("History of '" + row.instanceId() + "' has " + oldLength
            + " events; the commit appends from " + start + ".");
      }
      int newLength = write.replaceHistory() ? events.size() : oldLength + events.size();
      PreparedStatement update = sql.prepare(UPDATE);
      bindFields(update, 1, row);
      update.setInt(12, newLength);
      update.setString(13, row.instanceId());
      update.setLong(14, write.expectedVersion());
      update.setInt(15, write.replaceHistory() ? currentLength(sql, row.instanceId()) : oldLength);
      if (update.executeUpdate() != 1) {
        throw new CommitRejectedException("Instance '" + row.instanceId() + "' is not at version "
            + write.expectedVersion() + " any more.");
      }
      if (write.replaceHistory()) {
        deleteHistory(sql, row.instanceId());
      }
    }
    append(sql, row.instanceId(), events);
  }

  private static int currentLength(Sql sql, String instanceId) throws SQLException {
    PreparedStatement select = sql.prepare(HISTORY_LENGTH);
    select.setString(1, instanceId);
    try (ResultSet rows = select.executeQuery()) {
      if (!rows.next()) {
        throw new CommitRejectedException("Instance '" + instanceId + "' no longer exists.");
      }
      return rows.getInt(1);
    }
  }

  private static void append(Sql sql, String instanceId, List<HistoryEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    PreparedStatement insert = sql.prepare(APPEND_EVENT);
    for (HistoryEvent event : events) {
      insert.setString(1, instanceId);
      insert.setInt(2, event.eventId());
      insert.setString(3, StoreCodec.encode(event));
      insert.addBatch();
    }
    for (int count : insert.executeBatch()) {
      if (count == 0) {
        throw new CommitRejectedException("History of '" + instanceId + "' already has an event at that position.");
      }
    }
  }

  static void deleteHistory(Sql sql, String instanceId) throws SQLException {
    PreparedStatement delete = sql.prepare(DELETE_HISTORY);
    delete.setString(1, instanceId);
    delete.executeUpdate();
  }

  static List<HistoryEvent> loadHistory(Sql sql, String instanceId) throws SQLException {
    PreparedStatement select = sql.prepare(LOAD_HISTORY);
    select.setString(1, instanceId);
    List<HistoryEvent> events = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        events.add(StoreCodec.decodeEvent(rows.getString(1)));
      }
    }
    return events;
  }

  /** Replaces a finished row (and deletes its history) for a new execution; the version keeps growing. */
  static void replace(Sql sql, InstanceRecord existing, InstanceRecord row) throws SQLException {
    deleteHistory(sql, row.instanceId());
    PreparedStatement update = sql.prepare(UPDATE);
    bindFields(update, 1, row.withVersion(existing.version() + 1));
    update.setInt(12, 0);
    update.setString(13, row.instanceId());
    update.setLong(14, existing.version());
    update.setInt(15, currentLengthOrZero(sql, row.instanceId()));
    if (update.executeUpdate() != 1) {
      throw new CommitRejectedException("Instance '" + row.instanceId() + "' changed while being replaced.");
    }
  }

  private static int currentLengthOrZero(Sql sql, String instanceId) throws SQLException {
    PreparedStatement select = sql.prepare(HISTORY_LENGTH);
    select.setString(1, instanceId);
    try (ResultSet rows = select.executeQuery()) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  static void delete(Sql sql, String instanceId) throws SQLException {
    deleteHistory(sql, instanceId);
    PreparedStatement delete = sql.prepare(DELETE_INSTANCE);
    delete.setString(1, instanceId);
    delete.executeUpdate();
  }

  /** One page of a query, ordered by (created_at, instance_id), continuing strictly after the cursor. */
  static RecordPage<InstanceRecord> query(Sql sql, InstanceQuery query) throws SQLException {
    List<String> conditions = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (!query.statuses().isEmpty()) {
      conditions.add("status IN (" + Rows.placeholders(query.statuses().size()) + ")");
      query.statuses().stream().map(Enum::name).sorted().forEach(values::add);
    }
    if (query.name() != null) {
      conditions.add("name = ?");
      values.add(query.name());
    }
    if (query.createdFrom() != null) {
      conditions.add("created_at >= ?");
      values.add(Times.micros(query.createdFrom()));
    }
    if (query.createdTo() != null) {
      conditions.add("created_at < ?");
      values.add(Times.micros(query.createdTo()));
    }
    if (query.instanceIdPrefix() != null) {
      conditions.add("instance_id >= ? AND substr(instance_id, 1, ?) = ?");
      values.add(query.instanceIdPrefix());
      values.add((long) query.instanceIdPrefix().length());
      values.add(query.instanceIdPrefix());
    }
    String after = query.newestFirst() ? "<" : ">";
    if (query.continuationToken() != null) {
      InstanceCursor cursor = InstanceCursor.decode(query.continuationToken());
      long created = Times.micros(cursor.createdAt());
      conditions.add("(created_at " + after + " ? OR (created_at = ? AND instance_id " + after + " ?))");
      values.add(created);
      values.add(created);
      values.add(cursor.instanceId());
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    String order = query.newestFirst() ? " ORDER BY created_at DESC, instance_id DESC" : " ORDER BY created_at, instance_id";
    PreparedStatement select = sql.prepare("SELECT " + COLUMNS + " FROM instances" + where + order + " LIMIT ?");
    int i = 1;
    for (Object value : values) {
      select.setObject(i++, value);
    }
    select.setInt(i, query.pageSize() + 1);
    List<InstanceRecord> page = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        page.add(read(rows));
      }
    }
    boolean more = page.size() > query.pageSize();
    List<InstanceRecord> items = more ? page.subList(0, query.pageSize()) : page;
    InstanceRecord last = items.isEmpty() ? null : items.get(items.size() - 1);
    return new RecordPage<>(items, more ? new InstanceCursor(last.createdAt(), last.instanceId()).encode() : null);
  }

  static Map<RuntimeStatus, Long> countByStatus(Sql sql) throws SQLException {
    Map<RuntimeStatus, Long> counts = new java.util.EnumMap<>(RuntimeStatus.class);
    try (ResultSet rows = sql.prepare("SELECT status, COUNT(*) FROM instances GROUP BY status").executeQuery()) {
      while (rows.next()) {
        counts.put(RuntimeStatus.valueOf(rows.getString(1)), rows.getLong(2));
      }
    }
    return counts;
  }

  /** Deletes the finished instances a filter matches, with their histories; returns how many. */
  static int purge(Sql sql, PurgeFilter filter) throws SQLException {
    List<String> conditions = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    conditions.add("status IN (" + Rows.placeholders(filter.statuses().size()) + ")");
    filter.statuses().stream().map(Enum::name).sorted().forEach(values::add);
    if (filter.createdFrom() != null) {
      conditions.add("created_at >= ?");
      values.add(Times.micros(filter.createdFrom()));
    }
    if (filter.createdTo() != null) {
      conditions.add("created_at < ?");
      values.add(Times.micros(filter.createdTo()));
    }
    String where = " WHERE " + String.join(" AND ", conditions);
    PreparedStatement history = sql.prepare(
        "DELETE FROM history WHERE instance_id IN (SELECT instance_id FROM instances" + where + ")");
    PreparedStatement instances = sql.prepare("DELETE FROM instances" + where);
    for (int i = 0; i < values.size(); i++) {
      history.setObject(i + 1, values.get(i));
      instances.setObject(i + 1, values.get(i));
    }
    history.executeUpdate();
    return instances.executeUpdate();
  }
}
