import type { Migration } from './migration';

/**
 * `outbox_due (status, next_attempt_at)` is read by no statement: every due-message query names
 * its media and goes through `outbox_pending (status, medium, next_attempt_at)`. Each message queued
 * paid for an entry in it (a vote queues three: one or two more pages in every commit).
 */
export const migration014: Migration = {
  version: 14,
  name: 'drop the unused outbox_due index',
  sql: `DROP INDEX IF EXISTS outbox_due;`,
};
