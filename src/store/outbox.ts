import { z } from 'zod';
import { parseAddress } from '../chat/address';
import type { Medium, OutboundMessage, OutboundPayload } from '../core/ports';
import type { Db } from './db';
import { deferredMessageSchema, isDeferred, renderedPayload, shownPayload, type StoredPayload } from './deferred-payloads';

/** A message waiting in, or delivered from, the outbox. One row per recipient and medium. */
export interface OutboxEntry {
  id: number;
  /** Random, fixed when the row is queued: with the id it makes the message unique in the world (Message-ID). */
  messageKey: string;
  exerciseId: number | null;
  kind: string;
  ref: string | null;
  medium: Medium;
  address: string;
  personId: number | null;
  organisationId: number | null;
  payload: OutboundPayload;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  handedOverAt: string | null;
  providerId: string | null;
  lastError: string | null;
  failedAt: string | null;
}

export interface NewOutboxEntry {
  exerciseId: number | null;
  kind: string;
  ref?: string | null;
  medium: Medium;
  address: string;
  personId?: number | null;
  organisationId?: number | null;
  /** Rendered, or (`deferred`) what to render when it is sent. */
  payload: StoredPayload;
  /** Not before this instant (ISO); defaults to the creation time. */
  notBefore?: string;
}

/** A row of `outbox` as read with its payload (`WITH_PAYLOAD`). */
export interface OutboxRow {
  id: number; message_key: string; exercise_id: number | null; kind: string; ref: string | null; medium: Medium; address: string;
  person_id: number | null; organisation_id: number | null; payload: string; status: OutboxEntry['status'];
  attempts: number; next_attempt_at: string; created_at: string; handed_over_at: string | null;
  provider_id: string | null; last_error: string | null; failed_at: string | null;
}

/** The payload is our own JSON, but it crosses a process boundary (the database): check it. */
const payloadSchema = z.object({
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  calendar: z.object({ method: z.enum(['REQUEST', 'CANCEL', 'PUBLISH']), content: z.string(), filename: z.string() }).optional(),
  actions: z.array(z.object({ id: z.string(), label: z.string(), value: z.string(), style: z.enum(['primary', 'danger']).optional() })).optional(),
  replaces: z.string().optional(),
  replyTo: z.string().optional(),
  cutNote: z.string().optional(),
});

/** What to render later (`deferred-payloads.ts`), with the parts of a payload that need no rendering. */
const deferredPayloadSchema = payloadSchema.omit({ subject: true, text: true, html: true }).extend({
  deferred: deferredMessageSchema,
});

/** The payload as stored: rendered, or what to render. */
export function storedPayload(text: string): StoredPayload {
  const raw = JSON.parse(text) as Record<string, unknown>;
  return 'deferred' in raw ? deferredPayloadSchema.parse(raw) : payloadSchema.parse(raw);
}

/** An entry from its row; a deferred payload rendered (if it can be) unless the caller already has it rendered. */
export const toEntry = (db: Db, r: OutboxRow, payload?: OutboundPayload): OutboxEntry => ({
  id: r.id, messageKey: r.message_key, exerciseId: r.exercise_id, kind: r.kind, ref: r.ref, medium: r.medium, address: r.address,
  personId: r.person_id, organisationId: r.organisation_id, payload: payload ?? shownPayload(db, storedPayload(r.payload), r.status),
  status: r.status, attempts: r.attempts, nextAttemptAt: r.next_attempt_at, createdAt: r.created_at,
  handedOverAt: r.handed_over_at, providerId: r.provider_id, lastError: r.last_error, failedAt: r.failed_at,
});

/**
 * The payload has its own table (migration 13), written once here: SQLite rewrites a whole record,
 * overflow pages included, on any UPDATE, and the outbox row is updated at lease and at hand-over.
 */
const WITH_PAYLOAD = 'SELECT o.*, p.payload FROM outbox o JOIN outbox_payloads p ON p.outbox_id = o.id';

/** Queues one message: the row and its payload, together (in the caller's transaction, or in one of its own). */
export function enqueue(db: Db, e: NewOutboxEntry, now: string): number {
  return db.inTransaction ? insertEntry(db, e, now) : db.transaction(() => insertEntry(db, e, now)).immediate();
}

function insertEntry(db: Db, e: NewOutboxEntry, now: string): number {
  const info = db
    .prepare(
      `INSERT INTO outbox (exercise_id, kind, ref, medium, address, person_id, organisation_id, next_attempt_at, created_at, message_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, lower(hex(randomblob(12))))`,
    )
    .run(e.exerciseId, e.kind, e.ref ?? null, e.medium, e.address, e.personId ?? null, e.organisationId ?? null, e.notBefore ?? now, now);
  const id = Number(info.lastInsertRowid);
  // A deferred payload is written with `deferred` first: withholdUndelivered knows it by that prefix.
  const payload = isDeferred(e.payload) ? (({ deferred, ...rest }) => ({ deferred, ...rest }))(e.payload) : e.payload;
  db.prepare('INSERT INTO outbox_payloads (outbox_id, payload) VALUES (?, ?)').run(id, JSON.stringify(payload));
  return id;
}

/** Messages of an exercise on a medium that are still waiting (queued or being retried). */
export function countWaiting(db: Db, exerciseId: number, medium: Medium): number {
  const r = db
    .prepare(`SELECT COUNT(*) AS n FROM outbox WHERE exercise_id = ? AND medium = ? AND status IN ('pending', 'sending')`)
    .get(exerciseId, medium) as { n: number };
  return r.n;
}

export function markSent(db: Db, id: number, at: string, providerId: string): void {
  db.prepare(
    `UPDATE outbox SET status = 'sent', attempts = attempts + 1, handed_over_at = ?, provider_id = ?, lease_until = NULL, last_error = NULL WHERE id = ?`,
  ).run(at, providerId, id);
}

/** Only a message still being sent: one withheld meanwhile (the exercise was dissolved) stays withheld. */
export function markRetry(db: Db, id: number, nextAttemptAt: string, error: string): void {
  db.prepare(
    `UPDATE outbox SET status = 'pending', attempts = attempts + 1, next_attempt_at = ?, lease_until = NULL, last_error = ? WHERE id = ? AND status = 'sending'`,
  ).run(nextAttemptAt, error, id);
}

export function markFailed(db: Db, id: number, at: string, error: string): void {
  db.prepare(
    `UPDATE outbox SET status = 'failed', attempts = attempts + 1, failed_at = ?, lease_until = NULL, last_error = ? WHERE id = ?`,
  ).run(at, error, id);
}

/**
 * Withholds every message of the exercise still waiting (pending, or leased by a sender that may
 * have died): recorded as failed with `reason`, never reported as a delivery failure. Used when the
 * exercise is dissolved, so no reminder queued before it goes out after it. Returns how many.
 */
export function withholdUndelivered(db: Db, exerciseId: number, at: string, reason: string): number {
  // Given up, a message is recorded (audit digest, export) as it would have been sent: rendered now.
  const unrendered = db
    .prepare(
      `SELECT o.id, p.payload FROM outbox o JOIN outbox_payloads p ON p.outbox_id = o.id
       WHERE o.exercise_id = ? AND o.status IN ('pending', 'sending') AND p.payload LIKE '{"deferred":%'`,
    )
    .all(exerciseId) as { id: number; payload: string }[];
  const render = db.prepare('UPDATE outbox_payloads SET payload = ? WHERE outbox_id = ?');
  for (const r of unrendered) {
    let rendered: OutboundPayload;
    try {
      rendered = renderedPayload(db, storedPayload(r.payload));
    } catch {
      continue; // its template fails now: given up unrendered, recorded without words (`neverWritten`)
    }
    render.run(JSON.stringify(rendered), r.id);
  }
  return db
    .prepare(
      `UPDATE outbox SET status = 'failed', failed_at = ?, last_error = ?, lease_until = NULL, failure_reported = 1
       WHERE exercise_id = ? AND status IN ('pending', 'sending')`,
    )
    .run(at, reason, exerciseId).changes;
}

export function markFailureReported(db: Db, id: number): boolean {
  return db.prepare('UPDATE outbox SET failure_reported = 1 WHERE id = ? AND failure_reported = 0').run(id).changes === 1;
}

export function outboxEntry(db: Db, id: number): OutboxEntry | undefined {
  const r = db.prepare(`${WITH_PAYLOAD} WHERE o.id = ?`).get(id) as OutboxRow | undefined;
  return r && toEntry(db, r);
}

/** Only the medium of a row: cheaper than reading (and checking) its whole payload. */
export function outboxMedium(db: Db, id: number): Medium | undefined {
  const r = db.prepare('SELECT medium FROM outbox WHERE id = ?').get(id) as { medium: Medium } | undefined;
  return r?.medium;
}

export function outboxByRef(db: Db, ref: string): OutboxEntry[] {
  return (db.prepare(`${WITH_PAYLOAD} WHERE o.ref = ? ORDER BY o.id`).all(ref) as OutboxRow[]).map((r) => toEntry(db, r));
}

/**
 * The group-channel posts of `kind` about `ref` that the platform accepted (its id is what an
 * update replaces): one index range (`outbox_ref`), no payload read, however many messages the
 * ref has had since.
 */
export function channelPostsOf(db: Db, ref: string, kind: string): { medium: Medium; address: string; providerId: string }[] {
  return db
    .prepare(
      `SELECT medium, address, provider_id AS providerId FROM outbox
       WHERE ref = ? AND kind = ? AND person_id IS NULL AND medium <> 'email' AND status = 'sent' AND provider_id IS NOT NULL ORDER BY id`,
    )
    .all(ref, kind) as { medium: Medium; address: string; providerId: string }[];
}

export function outboxOfExercise(db: Db, exerciseId: number): OutboxEntry[] {
  return (db.prepare(`${WITH_PAYLOAD} WHERE o.exercise_id = ? ORDER BY o.id`).all(exerciseId) as OutboxRow[]).map((r) => toEntry(db, r));
}

/** The message a port is handed, with its address typed; null when the stored address cannot be read. */
export function toOutboundMessage(e: OutboxEntry, recipientName?: string): OutboundMessage | null {
  const to = parseAddress(e.medium, e.address);
  if (!to) return null;
  return { id: e.id, key: `${e.id}.${e.messageKey}`, medium: e.medium, address: e.address, to, payload: e.payload, ...(recipientName ? { recipientName } : {}) };
}
