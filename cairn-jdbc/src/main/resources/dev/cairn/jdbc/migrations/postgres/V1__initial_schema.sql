-- Cairn's schema for PostgreSQL, the same tables as on SQLite. Times are microseconds since the epoch (UTC).
-- Payloads and events are JSON text. Ids and keys sort by their bytes (COLLATE "C"), as on SQLite, so that paging
-- and prefix queries agree on every store.

-- Settings fixed when the store is created (the partition count).
CREATE TABLE cairn_settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row per orchestration instance; updated only together with its history, in one transaction.
CREATE TABLE instances (
  instance_id    TEXT COLLATE "C" PRIMARY KEY,
  name           TEXT COLLATE "C" NOT NULL,
  execution_id   TEXT,
  status         TEXT NOT NULL,
  input          TEXT,
  output         TEXT,
  custom_status  TEXT,
  failure        TEXT,
  parent         TEXT,
  created_at     BIGINT NOT NULL,
  updated_at     BIGINT NOT NULL,
  version        BIGINT NOT NULL,
  history_length INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX instances_by_created ON instances (created_at, instance_id);
CREATE INDEX instances_by_status ON instances (status, created_at, instance_id);
CREATE INDEX instances_by_name ON instances (name, created_at, instance_id);

-- The current execution's history, one row per commit that appended to it (that commit's events as a JSON array).
CREATE TABLE history_segments (
  seq            BIGSERIAL PRIMARY KEY,
  instance_id    TEXT COLLATE "C" NOT NULL,
  first_event_id INTEGER NOT NULL,
  events         TEXT NOT NULL
);
-- Loads an instance's history in event order; the uniqueness makes a duplicate append fail the whole commit.
CREATE UNIQUE INDEX history_segments_by_instance ON history_segments (instance_id, first_event_id);

-- Message ids, shared by every worker: ids grow in the order they are handed out and are never reused.
CREATE SEQUENCE cairn_message_ids;

-- The partitions' queues.
CREATE TABLE messages (
  id              BIGINT PRIMARY KEY,
  partition_id    INTEGER NOT NULL,
  target          TEXT COLLATE "C" NOT NULL,
  body            TEXT NOT NULL,
  visible_at      BIGINT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT
);
-- The dequeue: a partition's messages visible now, and the time the next one becomes visible.
CREATE INDEX messages_by_partition ON messages (partition_id, visible_at, id);

-- Activity tasks from scheduling until their result is committed to the orchestration's history.
CREATE TABLE activity_tasks (
  task_key         TEXT COLLATE "C" PRIMARY KEY,
  partition_id     INTEGER NOT NULL,
  instance_id      TEXT COLLATE "C" NOT NULL,
  execution_id     TEXT NOT NULL,
  task_id          INTEGER NOT NULL,
  name             TEXT NOT NULL,
  input            TEXT,
  attempt          INTEGER NOT NULL,
  timeout_micros   BIGINT,
  created_at       BIGINT NOT NULL,
  lease_owner      TEXT,
  lease_expires_at BIGINT,
  dispatch_count   INTEGER NOT NULL
);
CREATE INDEX activity_tasks_by_partition ON activity_tasks (partition_id, lease_owner);
CREATE INDEX activity_tasks_by_lease ON activity_tasks (lease_expires_at);

-- Entities: user state plus the engine's bookkeeping (lock, queued requests, scheduled operations).
CREATE TABLE entities (
  name         TEXT COLLATE "C" NOT NULL,
  entity_key   TEXT COLLATE "C" NOT NULL,
  partition_id INTEGER NOT NULL,
  version      BIGINT NOT NULL,
  state        TEXT,
  locked_by    TEXT,
  internals    TEXT,
  backlog      INTEGER NOT NULL,
  updated_at   BIGINT NOT NULL,
  PRIMARY KEY (name, entity_key)
);
CREATE INDEX entities_locked ON entities (locked_by) WHERE locked_by IS NOT NULL;

-- Per entity and sender, the last sequence number processed: how duplicates are recognised.
CREATE TABLE entity_senders (
  name          TEXT COLLATE "C" NOT NULL,
  entity_key    TEXT COLLATE "C" NOT NULL,
  sender        TEXT COLLATE "C" NOT NULL,
  last_sequence BIGINT NOT NULL,
  updated_at    BIGINT NOT NULL,
  PRIMARY KEY (name, entity_key, sender)
);
CREATE INDEX entity_senders_by_age ON entity_senders (updated_at);

-- Partition ownership; the epoch is the fencing token every commit checks (and locks) in its own transaction.
CREATE TABLE partitions (
  partition_id     INTEGER PRIMARY KEY,
  owner            TEXT,
  epoch            BIGINT NOT NULL,
  lease_expires_at BIGINT
);

-- Messages moved aside by poison handling.
CREATE TABLE dead_letters (
  id           BIGSERIAL PRIMARY KEY,
  message_id   BIGINT NOT NULL,
  partition_id INTEGER NOT NULL,
  target       TEXT NOT NULL,
  body         TEXT NOT NULL,
  reason       TEXT,
  attempts     INTEGER NOT NULL,
  parked_at    BIGINT NOT NULL
);

-- The registry of workers: each one's last heartbeat (by the database's clock). Live workers share the partitions.
CREATE TABLE workers (
  worker_id    TEXT COLLATE "C" PRIMARY KEY,
  heartbeat_at BIGINT NOT NULL
);
