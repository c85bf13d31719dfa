import type { Migration } from './migration';

export const migration009: Migration = {
  version: 9,
  name: 'delivery: a world-unique key per outbox row (Message-ID), and the state of each medium (paused, failing)',
  sql: `
ALTER TABLE outbox ADD COLUMN message_key TEXT;
UPDATE outbox SET message_key = lower(hex(randomblob(12))) WHERE message_key IS NULL;

CREATE TABLE delivery_media (
medium TEXT PRIMARY KEY,
paused_at TEXT,
paused_reason TEXT,
probe_at TEXT,
failing_since TEXT,
last_error TEXT,
trouble_reported_at TEXT,
drained_at TEXT
);
`,
};
