import type { Migration } from './migration';

/**
 * A message's payload (text, HTML, calendar: often 20 KB) in its own table, written once. SQLite
 * rewrites a whole record, overflow pages included, on any UPDATE of it: with the payload in the
 * `outbox` row, the lease and the hand-over each rewrote it. Now they rewrite only the small row.
 */
export const migration013: Migration = {
  version: 13,
  name: 'outbox payloads in their own table, written once',
  sql: `
CREATE TABLE outbox_payloads (
outbox_id INTEGER PRIMARY KEY REFERENCES outbox(id),
payload TEXT NOT NULL
);
INSERT INTO outbox_payloads (outbox_id, payload) SELECT id, payload FROM outbox;
ALTER TABLE outbox DROP COLUMN payload;
`,
};
