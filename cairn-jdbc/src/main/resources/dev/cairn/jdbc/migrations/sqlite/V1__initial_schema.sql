-- Cairn's schema for SQLite. Times are microseconds since the epoch (UTC). Payloads and events are JSON text.

-- Settings fixed when the store is created (the partition count).
CREATE TABLE cairn_settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row per orchestration instance; updated only together with its history, in one transaction.
CREATE TABLE instances (
  instance_id    TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  execution_id   TEXT,
  status         TEXT NOT NULL,
  input          TEXT,
  output         TEXT,
  custom_status  TEXT,
  failure        TEXT,
  parent         TEXT,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  version        INTEGER NOT NULL,
  history_length INTEGER NOT NULL DEFAULT 0
);
-- Lists instances in creation order and pages by (created_at, instance_id) without a sort or a full scan.
CREATE INDEX instances_by_created ON instances (created_at, instance_id);
-- Lists instances of some statuses (the dashboard, purge of finished instances) in creation order.
CREATE INDEX instances_by_status ON instances (status, created_at, instance_id);
-- Lists instances of one orchestration in creation order.
CREATE INDEX instances_by_name ON instances (name, created_at, instance_id);

-- The current execution's history; the primary key makes a duplicate append fail the whole commit.
CREATE TABLE history (
  instance_id TEXT NOT NULL,
  event_id    INTEGER NOT NULL,
  event       TEXT NOT NULL,
  PRIMARY KEY (instance_id, event_id)
) WITHOUT ROWID;

-- The partitions' queues. AUTOINCREMENT: ids grow in commit order and are never reused, so a consumer can
-- never consume a newer message that took the id of one it already consumed.
CREATE TABLE messages (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  partition_id    INTEGER NOT NULL,
  target          TEXT NOT NULL,
  body            TEXT NOT NULL,
  visible_at      INTEGER NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT
);
-- The dequeue: a partition's messages visible now, and the time the next one becomes visible.
CREATE INDEX messages_by_partition ON messages (partition_id, visible_at, id);

-- Activity tasks from scheduling until their result is committed to the orchestration's history.
CREATE TABLE activity_tasks (
  task_key         TEXT PRIMARY KEY,
  partition_id     INTEGER NOT NULL,
  instance_id      TEXT NOT NULL,
  execution_id     TEXT NOT NULL,
  task_id          INTEGER NOT NULL,
  name             TEXT NOT NULL,
  input            TEXT,
  attempt          INTEGER NOT NULL,
  timeout_micros   INTEGER,
  created_at       INTEGER NOT NULL,
  lease_owner      TEXT,
  lease_expires_at INTEGER,
  dispatch_count   INTEGER NOT NULL
);
-- Hands a partition's tasks to its new owner.
CREATE INDEX activity_tasks_by_partition ON activity_tasks (partition_id, lease_owner);
-- Finds tasks whose lease has expired.
CREATE INDEX activity_tasks_by_lease ON activity_tasks (lease_expires_at);

-- Entities: user state plus the engine's bookkeeping (lock, queued requests, scheduled operations).
CREATE TABLE entities (
  name         TEXT NOT NULL,
  entity_key   TEXT NOT NULL,
  partition_id INTEGER NOT NULL,
  version      INTEGER NOT NULL,
  state        TEXT,
  locked_by    TEXT,
  internals    TEXT,
  backlog      INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  PRIMARY KEY (name, entity_key)
) WITHOUT ROWID;
-- Finds locked entities (the orphan-lock check) without reading every entity.
CREATE INDEX entities_locked ON entities (locked_by) WHERE locked_by IS NOT NULL;

-- Per entity and sender, the last sequence number processed: how duplicates are recognised.
CREATE TABLE entity_senders (
  name          TEXT NOT NULL,
  entity_key    TEXT NOT NULL,
  sender        TEXT NOT NULL,
  last_sequence INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  PRIMARY KEY (name, entity_key, sender)
) WITHOUT ROWID;
-- Prunes the watermarks of senders quiet for longer than the deduplication window.
CREATE INDEX entity_senders_by_age ON entity_senders (updated_at);

-- Partition ownership; the epoch is the fencing token every commit checks.
CREATE TABLE partitions (
  partition_id     INTEGER PRIMARY KEY,
  owner            TEXT,
  epoch            INTEGER NOT NULL,
  lease_expires_at INTEGER
);

-- Messages moved aside by poison handling.
CREATE TABLE dead_letters (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  message_id   INTEGER NOT NULL,
  partition_id INTEGER NOT NULL,
  target       TEXT NOT NULL,
  body         TEXT NOT NULL,
  reason       TEXT,
  attempts     INTEGER NOT NULL,
  parked_at    INTEGER NOT NULL
);
