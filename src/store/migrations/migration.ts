/**
 * Versioned schema. Each entry runs once, in order, inside one transaction, and bumps
 * `PRAGMA user_version`. Never edit a released migration: add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
