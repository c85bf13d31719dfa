import type { Db } from '../db';

/**
 * Versioned schema. Each entry runs once, in order, inside one transaction, and bumps
 * `PRAGMA user_version`. Never edit a released migration: add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Work SQL alone cannot do (hashing), run after `sql` in the same transaction. */
  after?: (db: Db) => void;
}
