-- The registry of workers: each one's last heartbeat. Live workers share the partitions between them.
CREATE TABLE workers (
  worker_id    TEXT PRIMARY KEY,
  heartbeat_at INTEGER NOT NULL
);
