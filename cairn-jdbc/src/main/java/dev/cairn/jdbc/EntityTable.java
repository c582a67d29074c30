package dev.cairn.jdbc;

import dev.cairn.client.EntityQuery;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.CommitRejectedException;
import dev.cairn.store.EntityCursor;
import dev.cairn.store.EntityRecord;
import dev.cairn.store.EntitySnapshot;
import dev.cairn.store.EntityWrite;
import dev.cairn.store.RecordPage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/** The {@code entities} and {@code entity_senders} tables. */
final class EntityTable {
  private static final String COLUMNS = "name, entity_key, version, state, locked_by, internals, backlog, updated_at";
  private static final String SELECT_ONE =
      "SELECT " + COLUMNS + " FROM entities WHERE name = ? AND entity_key = ?";
  private static final String SELECT_WATERMARK = """
      SELECT last_sequence FROM entity_senders WHERE name = ? AND entity_key = ? AND sender = ?""";
  private static final String INSERT = """
      INSERT INTO entities (name, entity_key, partition_id, version, state, locked_by, internals, backlog,
        updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (name, entity_key) DO NOTHING""";
  private static final String UPDATE = """
      UPDATE entities SET version = ?, state = ?, locked_by = ?, internals = ?, backlog = ?, updated_at = ?
      WHERE name = ? AND entity_key = ? AND version = ?""";
  private static final String UPSERT_WATERMARK = """
      INSERT INTO entity_senders (name, entity_key, sender, last_sequence, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (name, entity_key, sender) DO UPDATE
      SET last_sequence = excluded.last_sequence, updated_at = excluded.updated_at""";
  private static final String LOCKED = "SELECT " + COLUMNS + " FROM entities WHERE locked_by IS NOT NULL";
  private static final String DELETE_EMPTY = """
      DELETE FROM entities WHERE name = ? AND entity_key = ? AND version = ?
        AND state IS NULL AND locked_by IS NULL AND internals IS NULL""";
  private static final String DELETE_SENDERS = "DELETE FROM entity_senders WHERE name = ? AND entity_key = ?";
  private static final String PRUNE_SENDERS = "DELETE FROM entity_senders WHERE updated_at < ?";

  private EntityTable() {}

  static EntityRecord read(ResultSet rows) throws SQLException {
    return new EntityRecord(EntityId.of(rows.getString("name"), rows.getString("entity_key")),
        rows.getLong("version"), rows.getString("state"), rows.getString("locked_by"),
        rows.getString("internals"), rows.getInt("backlog"), Times.instant(rows.getLong("updated_at")));
  }

  static Optional<EntityRecord> get(Sql sql, EntityId id) throws SQLException {
    PreparedStatement select = sql.prepare(SELECT_ONE);
    select.setString(1, id.name());
    select.setString(2, id.key());
    try (ResultSet rows = select.executeQuery()) {
      return rows.next() ? Optional.of(read(rows)) : Optional.empty();
    }
  }

  static Map<EntityId, EntitySnapshot> load(Sql sql, Map<EntityId, Set<String>> sendersByEntity)
      throws SQLException {
    Map<EntityId, EntitySnapshot> snapshots = new HashMap<>();
    PreparedStatement watermark = sql.prepare(SELECT_WATERMARK);
    for (Map.Entry<EntityId, Set<String>> entry : sendersByEntity.entrySet()) {
      EntityId id = entry.getKey();
      Map<String, Long> marks = new HashMap<>();
      for (String sender : entry.getValue()) {
        watermark.setString(1, id.name());
        watermark.setString(2, id.key());
        watermark.setString(3, sender);
        try (ResultSet rows = watermark.executeQuery()) {
          if (rows.next()) {
            marks.put(sender, rows.getLong(1));
          }
        }
      }
      snapshots.put(id, new EntitySnapshot(get(sql, id).orElse(null), marks));
    }
    return snapshots;
  }

  /**
   * Applies the entity writes of a commit, checking each one's version: the new rows, the updated ones and the
   * senders' watermarks each go to the database as one batch.
   */
  static void writeAll(Sql sql, List<EntityWrite> writes, ToIntFunction<EntityId> partitionOf, Instant now)
      throws SQLException {
    List<EntityWrite> created = writes.stream().filter(w -> w.expectedVersion() == 0).toList();
    List<EntityWrite> updated = writes.stream().filter(w -> w.expectedVersion() != 0).toList();
    insertAll(sql, created, partitionOf);
    updateAll(sql, updated);
    upsertWatermarks(sql, writes, now);
  }

  private static void insertAll(Sql sql, List<EntityWrite> created, ToIntFunction<EntityId> partitionOf)
      throws SQLException {
    if (created.isEmpty()) {
      return;
    }
    PreparedStatement insert = sql.prepare(INSERT);
    for (EntityWrite write : created) {
      EntityRecord row = write.record();
      insert.setString(1, row.id().name());
      insert.setString(2, row.id().key());
      insert.setInt(3, partitionOf.applyAsInt(row.id()));
      insert.setLong(4, row.version());
      insert.setString(5, row.state());
      insert.setString(6, row.lockedBy());
      insert.setString(7, row.internals());
      insert.setInt(8, row.backlog());
      insert.setLong(9, Times.micros(row.updatedAt()));
      insert.addBatch();
    }
    int[] counts = insert.executeBatch();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 1) {
        throw new CommitRejectedException("Entity " + created.get(i).record().id() + " already exists.");
      }
    }
  }

  private static void updateAll(Sql sql, List<EntityWrite> updated) throws SQLException {
    if (updated.isEmpty()) {
      return;
    }
    PreparedStatement update = sql.prepare(UPDATE);
    for (EntityWrite write : updated) {
      EntityRecord row = write.record();
      update.setLong(1, row.version());
      update.setString(2, row.state());
      update.setString(3, row.lockedBy());
      update.setString(4, row.internals());
      update.setInt(5, row.backlog());
      update.setLong(6, Times.micros(row.updatedAt()));
      update.setString(7, row.id().name());
      update.setString(8, row.id().key());
      update.setLong(9, write.expectedVersion());
      update.addBatch();
    }
    int[] counts = update.executeBatch();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 1) {
        EntityWrite write = updated.get(i);
        throw new CommitRejectedException("Entity " + write.record().id() + " is not at version "
            + write.expectedVersion() + " any more.");
      }
    }
  }

  private static void upsertWatermarks(Sql sql, List<EntityWrite> writes, Instant now) throws SQLException {
    PreparedStatement upsert = null;
    for (EntityWrite write : writes) {
      EntityId id = write.record().id();
      for (Map.Entry<String, Long> mark : write.senderWatermarks().entrySet()) {
        if (upsert == null) {
          upsert = sql.prepare(UPSERT_WATERMARK);
        }
        upsert.setString(1, id.name());
        upsert.setString(2, id.key());
        upsert.setString(3, mark.getKey());
        upsert.setLong(4, mark.getValue());
        upsert.setLong(5, Times.micros(now));
        upsert.addBatch();
      }
    }
    if (upsert != null) {
      upsert.executeBatch();
    }
  }

  static RecordPage<EntityRecord> query(Sql sql, EntityQuery query) throws SQLException {
    List<String> conditions = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (query.name() != null) {
      conditions.add("name = ?");
      values.add(query.name());
    }
    if (query.keyPrefix() != null) {
      conditions.add("entity_key >= ? AND substr(entity_key, 1, CAST(? AS INTEGER)) = ?");
      values.add(query.keyPrefix());
      values.add((long) query.keyPrefix().length());
      values.add(query.keyPrefix());
    }
    if (!query.includeStateless()) {
      conditions.add("state IS NOT NULL");
    }
    if (query.continuationToken() != null) {
      EntityId last = EntityCursor.decode(query.continuationToken()).last();
      conditions.add("(name > ? OR (name = ? AND entity_key > ?))");
      values.add(last.name());
      values.add(last.name());
      values.add(last.key());
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    PreparedStatement select = sql.prepare(
        "SELECT " + COLUMNS + " FROM entities" + where + " ORDER BY name, entity_key LIMIT ?");
    int i = 1;
    for (Object value : values) {
      select.setObject(i++, value);
    }
    select.setInt(i, query.pageSize() + 1);
    List<EntityRecord> page = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        page.add(read(rows));
      }
    }
    boolean more = page.size() > query.pageSize();
    List<EntityRecord> items = more ? page.subList(0, query.pageSize()) : page;
    return new RecordPage<>(items, more ? new EntityCursor(items.get(items.size() - 1).id()).encode() : null);
  }

  static List<EntityRecord> locked(Sql sql) throws SQLException {
    List<EntityRecord> locked = new ArrayList<>();
    try (ResultSet rows = sql.prepare(LOCKED).executeQuery()) {
      while (rows.next()) {
        locked.add(read(rows));
      }
    }
    return locked;
  }

  static int deleteEmpty(Sql sql, List<EntityRecord> rows) throws SQLException {
    int deleted = 0;
    PreparedStatement delete = sql.prepare(DELETE_EMPTY);
    PreparedStatement senders = sql.prepare(DELETE_SENDERS);
    for (EntityRecord row : rows) {
      delete.setString(1, row.id().name());
      delete.setString(2, row.id().key());
      delete.setLong(3, row.version());
      if (delete.executeUpdate() == 1) {
        deleted++;
        senders.setString(1, row.id().name());
        senders.setString(2, row.id().key());
        senders.executeUpdate();
      }
    }
    return deleted;
  }

  /** Forgets the watermarks of senders quiet since {@code before}; returns how many. */
  static int pruneSenders(Sql sql, Instant before) throws SQLException {
    PreparedStatement prune = sql.prepare(PRUNE_SENDERS);
    prune.setLong(1, Times.micros(before));
    return prune.executeUpdate();
  }
}
