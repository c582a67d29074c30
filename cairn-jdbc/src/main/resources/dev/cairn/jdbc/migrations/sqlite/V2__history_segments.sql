-- The history is kept in segments: one row per commit that appends to it, holding that commit's events as a
-- JSON array, in write order. A commit writes one row instead of one per event, and the rows of recent commits
-- sit together at the end of the table instead of spread over it by instance id.
CREATE TABLE history_segments (
  seq            INTEGER PRIMARY KEY,
  instance_id    TEXT NOT NULL,
  first_event_id INTEGER NOT NULL,
  events         TEXT NOT NULL
);
-- Loads an instance's history in event order; the uniqueness makes a duplicate append fail the whole commit.
CREATE UNIQUE INDEX history_segments_by_instance ON history_segments (instance_id, first_event_id);

INSERT INTO history_segments (instance_id, first_event_id, events)
  SELECT instance_id, event_id, '[' || event || ']' FROM history ORDER BY instance_id, event_id;

DROP TABLE history;
