import type { Db } from './db';
import { entryHash, rowDigest, type ChainedEntry, type RecordedKind, type StateItem } from '../domain/audit-chain';
import { recordedRows } from './recorded-rows';

export interface AuditEntry {
  id: number;
  exerciseId: number | null;
  at: string;
  actorPersonId: number | null;
  actor: string;
  action: string;
  command: string | null;
  outcome: string;
  detail: Record<string, unknown> | null;
}

export interface NewAuditEntry {
  exerciseId: number | null;
  at: string;
  actorPersonId?: number | null;
  /** Who, in words: "coord@example.org (slack:U123)", "scheduler", "outbox sender". */
  actor: string;
  action: string;
  command?: string | null;
  outcome: string;
  detail?: Record<string, unknown> | null;
  /** Rows it vouches for besides those written in this transaction (a schema upgrade's). */
  state?: StateItem[];
}

/**
 * Appends to the audit log, chained: the entry records the digests of the votes, minutes versions
 * and handed-over messages written in this transaction (collected by the triggers of
 * `captureRecordedChanges`) and the hash of the previous entry of its exercise. The table refuses
 * UPDATE and DELETE (triggers). Returns the entry's hash.
 */
export function appendAudit(db: Db, e: NewAuditEntry): string {
  // Hashed as it is stored and read back (a Date becomes its ISO text, an undefined field disappears).
  const detailText = e.detail ? JSON.stringify(e.detail) : null;
  const append = (): string => {
    const content = {
      exerciseId: e.exerciseId, at: e.at, actorPersonId: e.actorPersonId ?? null, actor: e.actor, action: e.action,
      command: e.command ?? null, outcome: e.outcome, detail: detailText === null ? null : (JSON.parse(detailText) as Record<string, unknown>),
      state: withGiven(takeRecordedChanges(db, e.exerciseId), e.state), prevHash: chainHead(db, e.exerciseId),
    };
    const hash = entryHash(content);
    db.prepare(
      `INSERT INTO audit_log (exercise_id, at, actor_person_id, actor, action, command, outcome, detail, state, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(content.exerciseId, content.at, content.actorPersonId, content.actor, content.action, content.command, content.outcome,
      detailText, content.state ? JSON.stringify(content.state) : null, content.prevHash, hash);
    return hash;
  };
  // The head is read and extended under the write lock, so two processes cannot fork a chain.
  return db.inTransaction ? append() : db.transaction(append).immediate();
}

function withGiven(captured: StateItem[] | null, given: StateItem[] | undefined): StateItem[] | null {
  if (!given?.length) return captured;
  return [...(captured ?? []), ...given];
}

/** The hash of the last entry of an exercise's chain (null: the installation's), or null when the chain is empty. */
export function chainHead(db: Db, exerciseId: number | null): string | null {
  const row = (
    exerciseId === null
      ? db.prepare('SELECT hash FROM audit_log WHERE exercise_id IS NULL ORDER BY id DESC LIMIT 1').get()
      : db.prepare('SELECT hash FROM audit_log WHERE exercise_id = ? ORDER BY id DESC LIMIT 1').get(exerciseId)
  ) as { hash: string | null } | undefined;
  return row?.hash ?? null;
}

/** The recorded rows written in this transaction for this chain, as digests; the list is emptied. */
function takeRecordedChanges(db: Db, exerciseId: number | null): StateItem[] | null {
  if (!hasCapture(db)) return null;
  const pending = db.prepare('SELECT kind, row_id AS id FROM temp.audit_pending WHERE exercise_id IS ? ORDER BY kind, row_id').all(exerciseId) as { kind: RecordedKind; id: number }[];
  if (pending.length === 0) return null;
  db.prepare('DELETE FROM temp.audit_pending WHERE exercise_id IS ?').run(exerciseId);
  return stateOf(db, pending);
}

/** Digests of the given rows as they are now (a row that is gone is left out). */
export function stateOf(db: Db, rows: { kind: RecordedKind; id: number }[]): StateItem[] {
  const items: StateItem[] = [];
  for (const kind of ['message', 'minutes', 'vote'] as const) {
    const ids = rows.filter((r) => r.kind === kind).map((r) => r.id);
    if (ids.length === 0) continue;
    for (const row of recordedRows(db, kind, 'ids', ids)) items.push([kind, row.id as number, rowDigest(kind, row)]);
  }
  return items;
}

const captured = new WeakSet<Db>();

function hasCapture(db: Db): boolean {
  return captured.has(db);
}

/**
 * Per connection (TEMP objects, invisible to any other connection): triggers note each vote
 * written, each minutes version published and each message handed over or given up, so the
 * audit entry of the same transaction records them. An edit made with plain SQL elsewhere is
 * never noted, so it shows in `convene verify` as a row that differs from its entry.
 */
export function captureRecordedChanges(db: Db): void {
  const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS audit_pending (exercise_id INTEGER, kind TEXT NOT NULL, row_id INTEGER NOT NULL, UNIQUE (kind, row_id));
           CREATE INDEX IF NOT EXISTS temp.audit_pending_exercise ON audit_pending (exercise_id);`);
  const note = (exercise: string, kind: RecordedKind) => `BEGIN INSERT OR IGNORE INTO temp.audit_pending VALUES (${exercise}, '${kind}', NEW.id); END`;
  const vote = note('(SELECT exercise_id FROM main.endorsements WHERE id = NEW.endorsement_id)', 'vote');
  if (tables.has('endorsement_votes'))
    db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS audit_note_vote_insert AFTER INSERT ON main.endorsement_votes ${vote};
             CREATE TEMP TRIGGER IF NOT EXISTS audit_note_vote_update AFTER UPDATE ON main.endorsement_votes ${vote};`);
  if (tables.has('minutes_versions'))
    db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS audit_note_minutes AFTER INSERT ON main.minutes_versions
             ${note('(SELECT exercise_id FROM main.meetings WHERE id = NEW.meeting_id)', 'minutes')};`);
  if (tables.has('outbox'))
    db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS audit_note_message AFTER UPDATE OF status ON main.outbox
             WHEN NEW.status IN ('sent', 'failed') ${note('NEW.exercise_id', 'message')};`);
  captured.add(db);
}

interface AuditRow {
  id: number; exercise_id: number | null; at: string; actor_person_id: number | null; actor: string;
  action: string; command: string | null; outcome: string; detail: string | null;
  state?: string | null; prev_hash?: string | null; hash?: string | null;
}

function fromRow(r: AuditRow): ChainedEntry {
  return {
    id: r.id, exerciseId: r.exercise_id, at: r.at, actorPersonId: r.actor_person_id, actor: r.actor,
    action: r.action, command: r.command, outcome: r.outcome,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    state: r.state ? (JSON.parse(r.state) as StateItem[]) : null, prevHash: r.prev_hash ?? null, hash: r.hash ?? null,
  };
}

function rowsOf(db: Db, exerciseId: number | null): AuditRow[] {
  return (
    exerciseId === null
      ? db.prepare('SELECT * FROM audit_log ORDER BY id').all()
      : db.prepare('SELECT * FROM audit_log WHERE exercise_id = ? ORDER BY id').all(exerciseId)
  ) as AuditRow[];
}

/** The log of one exercise (or, with null, every entry), oldest first. */
export function auditOf(db: Db, exerciseId: number | null): AuditEntry[] {
  return rowsOf(db, exerciseId).map((r) => {
    const { state: _state, prevHash: _prev, hash: _hash, ...entry } = fromRow(r);
    return entry;
  });
}

/** One chain with its hashes, oldest first: an exercise's, or with null the installation's (entries of no exercise). */
export function chainOf(db: Db, exerciseId: number | null): ChainedEntry[] {
  const rows = exerciseId === null ? (db.prepare('SELECT * FROM audit_log WHERE exercise_id IS NULL ORDER BY id').all() as AuditRow[]) : rowsOf(db, exerciseId);
  return rows.map(fromRow);
}
