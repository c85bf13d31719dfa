import type { Migration } from './migration';
import type { Db } from '../db';
import { entryHash, rowDigest, type ChainedEntry, type RecordedKind, type StateItem } from '../../domain/audit-chain';
import { recordedRows } from '../recorded-rows';

/** Convene's mark in the SQLite header ("Conv"), so another application's file is never taken for ours. */
export const CONVENE_APPLICATION_ID = 0x436f6e76;

const REFUSE = `BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`;

/**
 * The hash chain (docs/ARCHITECTURE.md, "The audit log"). Entries written before this migration
 * are chained now, in their order; then each exercise gets an entry `audit chain start` that
 * records the votes, minutes versions and handed-over messages as they are at the upgrade. So an
 * upgraded chain proves nothing changed since the upgrade, and says so. `backups` holds one row
 * per scheduled backup time (`slot`), so a doubled or missed wake-up of the trigger changes nothing.
 */
export const migration005: Migration = {
  version: 5,
  name: 'audit log hash chain (state, prev_hash, hash), Convene application id, scheduled backups',
  sql: `
ALTER TABLE audit_log ADD COLUMN state TEXT;
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
PRAGMA application_id = ${CONVENE_APPLICATION_ID};

CREATE TABLE backups (
id INTEGER PRIMARY KEY,
slot TEXT NOT NULL UNIQUE,
started_at TEXT NOT NULL,
finished_at TEXT,
status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
file TEXT,
error TEXT,
reported INTEGER NOT NULL DEFAULT 0 CHECK (reported IN (0, 1))
);
`,
  after(db: Db) {
    const entries = db.prepare('SELECT id, exercise_id, at, actor_person_id, actor, action, command, outcome, detail FROM audit_log ORDER BY id').all() as {
      id: number; exercise_id: number | null; at: string; actor_person_id: number | null; actor: string; action: string; command: string | null; outcome: string; detail: string | null;
    }[];
    const exercises = db.prepare('SELECT id, created_at FROM exercises ORDER BY id').all() as { id: number; created_at: string }[];
    if (entries.length === 0 && exercises.length === 0) return;
    db.exec('DROP TRIGGER audit_log_no_update');
    const heads = new Map<number | null, { hash: string; at: string }>();
    const setHash = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
    for (const r of entries) {
      const prevHash = heads.get(r.exercise_id)?.hash ?? null;
      const e: Omit<ChainedEntry, 'id' | 'hash'> = {
        exerciseId: r.exercise_id, at: r.at, actorPersonId: r.actor_person_id, actor: r.actor, action: r.action, command: r.command,
        outcome: r.outcome, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null, state: null, prevHash,
      };
      const hash = entryHash(e);
      setHash.run(prevHash, hash, r.id);
      heads.set(r.exercise_id, { hash, at: r.at });
    }
    db.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log ${REFUSE};`);
    const insert = db.prepare(
      `INSERT INTO audit_log (exercise_id, at, actor_person_id, actor, action, command, outcome, detail, state, prev_hash, hash) VALUES (?, ?, NULL, ?, ?, NULL, ?, ?, ?, ?, ?)`,
    );
    for (const x of exercises) {
      const head = heads.get(x.id);
      const state: StateItem[] = [];
      for (const kind of ['message', 'minutes', 'vote'] as RecordedKind[])
        for (const row of recordedRows(db, kind, 'exercise', x.id))
          if (kind !== 'message' || row.status === 'sent' || row.status === 'failed') state.push([kind, row.id as number, rowDigest(kind, row)]);
      const detail = {
        schemaVersion: 5,
        chainedEntries: entries.filter((r) => r.exercise_id === x.id).length,
        note: 'The entries before this one were written before the audit log was chained; they were chained when the database was upgraded. The time is that of the last entry before it.',
      };
      const content = {
        exerciseId: x.id, at: head?.at ?? x.created_at, actorPersonId: null, actor: 'migration 005', action: 'audit chain start', command: null,
        outcome: 'done', detail, state: state.length ? state : null, prevHash: head?.hash ?? null,
      };
      insert.run(x.id, content.at, content.actor, content.action, content.outcome, JSON.stringify(detail), content.state ? JSON.stringify(content.state) : null, content.prevHash, entryHash(content));
    }
  },
};
