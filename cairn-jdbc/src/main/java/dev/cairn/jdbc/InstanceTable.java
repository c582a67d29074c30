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

/**
 * The {@code instances} and {@code history_segments} tables. The history is kept as one row per commit that
 * appended to it; the row's {@code history_length} says how many events there are, and every append checks it.
 */
final class InstanceTable {
  private static final String COLUMNS = """
      instance_id, name, execution_id, status, input, output, custom_status, failure, parent, created_at,
      updated_at, version""";
  private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM instances WHERE instance_id = ?";
  private static final int IN_LIST = 32;
  private static final String SELECT_MANY =
      "SELECT " + COLUMNS + " FROM instances WHERE instance_id IN (" + Rows.placeholders(IN_LIST) + ")";
  private static final String SELECT_ANY = "SELECT " + COLUMNS + " FROM instances WHERE instance_id = ANY(?)";
  private static final String INSERT = """
      INSERT INTO instances (instance_id, name, execution_id, status, input, output, custom_status, failure, parent,
        created_at, updated_at, version, history_length)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (instance_id) DO NOTHING""";
  private static final String SET_FIELDS = """
      UPDATE instances SET name = ?, execution_id = ?, status = ?, input = ?, output = ?, custom_status = ?,
        failure = ?, parent = ?, created_at = ?, updated_at = ?, version = ?, history_length = ?""";
  private static final String UPDATE = SET_FIELDS + " WHERE instance_id = ? AND version = ?";
  /**
   * An execution's progress: it sets only the columns that change within one execution, so that the indexes on
   * the others (name, creation time) are left alone.
   */
  private static final String UPDATE_PROGRESS = """
      UPDATE instances SET status = ?, output = ?, custom_status = ?, failure = ?, updated_at = ?, version = ?,
        history_length = ?
      WHERE instance_id = ? AND version = ? AND history_length = ?""";
  private static final String APPEND_SEGMENT = """
      INSERT INTO history_segments (instance_id, first_event_id, events) VALUES (?, ?, ?)
      ON CONFLICT (instance_id, first_event_id) DO NOTHING""";
  private static final String DELETE_HISTORY = "DELETE FROM history_segments WHERE instance_id = ?";
  private static final String LOAD_HISTORY = """
      SELECT events FROM history_segments WHERE instance_id = ? ORDER BY first_event_id""";
  private static final String DELETE_INSTANCE = "DELETE FROM instances WHERE instance_id = ?";

  private InstanceTable() {}

  /** Reads a row selected as {@link #COLUMNS}, by position (looking columns up by name costs a native call). */
  static InstanceRecord read(ResultSet rows) throws SQLException {
    return new InstanceRecord(
        rows.getString(1),
        rows.getString(2),
        rows.getString(3),
        RuntimeStatus.valueOf(rows.getString(4)),
        rows.getString(5),
        rows.getString(6),
        rows.getString(7),
        StoreCodec.decodeFailure(rows.getString(8)),
        StoreCodec.decodeParent(rows.getString(9)),
        Times.instant(rows.getLong(10)),
        Times.instant(rows.getLong(11)),
        rows.getLong(12));
  }

  static Optional<InstanceRecord> get(Sql sql, String instanceId) throws SQLException {
    PreparedStatement select = sql.prepare(SELECT_ONE);
    select.setString(1, instanceId);
    try (ResultSet rows = select.executeQuery()) {
      return rows.next() ? Optional.of(read(rows)) : Optional.empty();
    }
  }

  /**
   * The rows of the ids that exist: in one query with an array of ids where the database binds one, else read
   * {@value #IN_LIST} at a time (a shorter list is padded with its last id, so that only one statement is ever
   * prepared for it).
   */
  static Map<String, InstanceRecord> getMany(Sql sql, Collection<String> ids, Dialect dialect) throws SQLException {
    Map<String, InstanceRecord> found = new HashMap<>();
    if (dialect.bindsKeyArrays() && ids.size() > 1) {
      PreparedStatement select = sql.prepare(SELECT_ANY);
      dialect.planEachRun(select);
      select.setArray(1, sql.connection().createArrayOf("text", ids.toArray()));
      readInto(select, found);
      return found;
    }
    List<String> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += IN_LIST) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
      if (chunk.size() == 1) {
        get(sql, chunk.get(0)).ifPresent(row -> found.put(row.instanceId(), row));
        continue;
      }
      PreparedStatement select = sql.prepare(SELECT_MANY);
      dialect.planEachRun(select);
      for (int i = 0; i < IN_LIST; i++) {
        select.setString(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
      }
      readInto(select, found);
    }
    return found;
  }

  private static void readInto(PreparedStatement select, Map<String, InstanceRecord> found) throws SQLException {
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        InstanceRecord row = read(rows);
        found.put(row.instanceId(), row);
      }
    }
  }

  /** Inserts a new row; false when the id exists. */
  static boolean insert(Sql sql, Encoded.Row encoded, int historyLength) throws SQLException {
    PreparedStatement insert = sql.prepare(INSERT);
    insert.setString(1, encoded.row().instanceId());
    bindFields(insert, 2, encoded);
    insert.setInt(13, historyLength);
    return insert.executeUpdate() == 1;
  }

  private static void bindFields(PreparedStatement statement, int first, Encoded.Row encoded) throws SQLException {
    InstanceRecord row = encoded.row();
    int i = first;
    statement.setString(i++, row.name());
    statement.setString(i++, row.executionId());
    statement.setString(i++, row.status().name());
    statement.setString(i++, row.input());
    statement.setString(i++, row.output());
    statement.setString(i++, row.customStatus());
    statement.setString(i++, encoded.failure());
    statement.setString(i++, encoded.parent());
    statement.setLong(i++, Times.micros(row.createdAt()));
    statement.setLong(i++, Times.micros(row.updatedAt()));
    statement.setLong(i, row.version());
  }

  /**
   * Applies the instance writes of a commit, checking each one's version and the continuity of its history: the
   * new rows, the progress of running executions and the history segments each go to the database as one batch
   * (one round trip however many instances the commit touches). A write that keeps the execution (no history
   * replaced) changes only its progress; see {@link InstanceWrite}.
   */
  static void writeAll(Sql sql, List<Encoded.InstanceChange> changes) throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    List<Encoded.InstanceChange> created = new ArrayList<>();
    List<Encoded.InstanceChange> progressed = new ArrayList<>();
    for (Encoded.InstanceChange change : changes) {
      InstanceWrite write = change.write();
      if (write.expectedVersion() == 0) {
        if (firstEvent(write) != 0) {
          throw new CommitRejectedException("History of new instance '" + write.record().instanceId()
              + "' must start at event 0, not " + firstEvent(write) + ".");
        }
        created.add(change);
      } else if (write.replaceHistory()) {
        replace(sql, change);
      } else {
        progressed.add(change);
      }
    }
    insertAll(sql, created);
    progressAll(sql, progressed);
    appendAll(sql, changes);
  }

  /** Where the events a write appends begin (0 when it writes the whole history). */
  private static int firstEvent(InstanceWrite write) {
    List<HistoryEvent> events = write.history();
    return events.isEmpty() || write.replaceHistory() ? 0 : events.get(0).eventId();
  }

  private static void insertAll(Sql sql, List<Encoded.InstanceChange> created) throws SQLException {
    if (created.isEmpty()) {
      return;
    }
    PreparedStatement insert = sql.prepare(INSERT);
    for (Encoded.InstanceChange change : created) {
      insert.setString(1, change.write().record().instanceId());
      bindFields(insert, 2, change.row());
      insert.setInt(13, change.write().history().size());
      insert.addBatch();
    }
    int[] counts = insert.executeBatch();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 1) {
        throw new CommitRejectedException(
            "Instance '" + created.get(i).write().record().instanceId() + "' already exists.");
      }
    }
    for (Encoded.InstanceChange change : created) {
      if (change.write().replaceHistory()) {
        deleteHistory(sql, change.write().record().instanceId());
      }
    }
  }

  /** A new execution of an existing instance (continued as new, restarted): its whole row and history. */
  private static void replace(Sql sql, Encoded.InstanceChange change) throws SQLException {
    InstanceWrite write = change.write();
    PreparedStatement update = sql.prepare(UPDATE);
    bindFields(update, 1, change.row());
    update.setInt(12, write.history().size());
    update.setString(13, write.record().instanceId());
    update.setLong(14, write.expectedVersion());
    if (update.executeUpdate() != 1) {
      throw new CommitRejectedException("Instance '" + write.record().instanceId() + "' is not at version "
          + write.expectedVersion() + " any more.");
    }
    deleteHistory(sql, write.record().instanceId());
  }

  private static void progressAll(Sql sql, List<Encoded.InstanceChange> progressed) throws SQLException {
    if (progressed.isEmpty()) {
      return;
    }
    PreparedStatement update = sql.prepare(UPDATE_PROGRESS);
    for (Encoded.InstanceChange change : progressed) {
      InstanceWrite write = change.write();
      InstanceRecord row = write.record();
      int start = firstEvent(write);
      update.setString(1, row.status().name());
      update.setString(2, row.output());
      update.setString(3, row.customStatus());
      update.setString(4, change.row().failure());
      update.setLong(5, Times.micros(row.updatedAt()));
      update.setLong(6, row.version());
      update.setInt(7, start + write.history().size());
      update.setString(8, row.instanceId());
      update.setLong(9, write.expectedVersion());
      update.setInt(10, start);
      update.addBatch();
    }
    int[] counts = update.executeBatch();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 1) {
        InstanceWrite write = progressed.get(i).write();
        throw new CommitRejectedException("Instance '" + write.record().instanceId() + "' is not at version "
            + write.expectedVersion() + " with " + firstEvent(write) + " events any more.");
      }
    }
  }

  private static void appendAll(Sql sql, List<Encoded.InstanceChange> changes) throws SQLException {
    List<Encoded.InstanceChange> appending = changes.stream().filter(c -> !c.write().history().isEmpty()).toList();
    if (appending.isEmpty()) {
      return;
    }
    PreparedStatement insert = sql.prepare(APPEND_SEGMENT);
    for (Encoded.InstanceChange change : appending) {
      insert.setString(1, change.write().record().instanceId());
      insert.setInt(2, change.write().history().get(0).eventId());
      insert.setString(3, change.history());
      insert.addBatch();
    }
    int[] counts = insert.executeBatch();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        throw new CommitRejectedException("History of '" + appending.get(i).write().record().instanceId()
            + "' already has an event at that position.");
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
        StoreCodec.decodeEvents(rows.getString(1), events);
      }
    }
    return events;
  }

  /** Replaces a finished row (and deletes its history) for a new execution; the version keeps growing. */
  static void replace(Sql sql, InstanceRecord existing, Encoded.Row encoded) throws SQLException {
    InstanceRecord row = encoded.row();
    deleteHistory(sql, row.instanceId());
    PreparedStatement update = sql.prepare(UPDATE);
    bindFields(update, 1, new Encoded.Row(row.withVersion(existing.version() + 1), encoded.failure(),
        encoded.parent()));
    update.setInt(12, 0);
    update.setString(13, row.instanceId());
    update.setLong(14, existing.version());
    if (update.executeUpdate() != 1) {
      throw new CommitRejectedException("Instance '" + row.instanceId() + "' changed while being replaced.");
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
      conditions.add("instance_id >= ? AND substr(instance_id, 1, CAST(? AS INTEGER)) = ?");
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

  /**
   * Deletes the finished instances a filter matches, rows first and then their histories, and returns how many. A
   * row another transaction holds (a commit replacing the instance) is left alone where the database can skip it,
   * so that a purge never waits for a writer that could wait for it.
   */
  static int purge(Sql sql, PurgeFilter filter, String skipLocked) throws SQLException {
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
    PreparedStatement instances = sql.prepare("DELETE FROM instances WHERE instance_id IN (SELECT instance_id FROM"
        + " instances WHERE " + String.join(" AND ", conditions) + skipLocked + ") RETURNING instance_id");
    for (int i = 0; i < values.size(); i++) {
      instances.setObject(i + 1, values.get(i));
    }
    List<String> purged = new ArrayList<>();
    try (ResultSet rows = instances.executeQuery()) {
      while (rows.next()) {
        purged.add(rows.getString(1));
      }
    }
    if (!purged.isEmpty()) {
      PreparedStatement history = sql.prepare(DELETE_HISTORY);
      for (String id : purged) {
        history.setString(1, id);
        history.addBatch();
      }
      history.executeBatch();
    }
    return purged.size();
  }
}
