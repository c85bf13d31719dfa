import type { Medium, OutboundPayload } from '../core/ports';
import type { Db } from './db';
import { isDeferred, renderedPayload } from './deferred-payloads';
import { storedPayload, toEntry, type OutboxEntry, type OutboxRow } from './outbox';

/**
 * The sender's side of the outbox: which messages are due, claiming them under a lease (and
 * rendering a deferred one once, there), and giving a claim back. Queueing and recording results
 * stay in `outbox.ts`.
 */

/** A message claimed for delivery, with the name of the person it goes to (for the To: line). */
export interface ClaimedEntry extends OutboxEntry {
  recipientName: string | null;
  /**
   * Why it could not be rendered, for a message kept unrendered whose template fails now (gone or
   * broken after it was queued): it is claimed all the same, so the sender records the failure
   * (a retry an hour later, then a failure reported) instead of sending it.
   */
  unrenderable?: string;
}

/**
 * The kind of message that edits a channel post in place (an endorsement's tally). Two edits of one
 * post must arrive in the order they were queued, or a slower earlier edit (a retry after a 429,
 * or simply a slower request) would leave the post showing an old tally: an edit is not claimed
 * while an earlier edit of the same post is still waiting or under way.
 */
export const IN_PLACE_UPDATE = 'endorsement-tally';

/** A due message's id: one index range per status and medium, read in index order (no sort of everything due). */
function dueArm(status: 'pending' | 'sending'): string {
  return `SELECT * FROM (SELECT o.id, o.next_attempt_at FROM outbox o
      WHERE o.status = '${status}' AND o.medium = ? AND o.next_attempt_at <= ?${status === 'sending' ? ' AND o.lease_until <= ?' : ''}
        AND NOT (o.kind = '${IN_PLACE_UPDATE}' AND EXISTS (
          SELECT 1 FROM outbox earlier WHERE earlier.ref = o.ref AND earlier.kind = o.kind AND earlier.address = o.address
            AND earlier.id < o.id AND earlier.status IN ('pending', 'sending')))
      ORDER BY o.next_attempt_at, o.id LIMIT ?)`;
}

/**
 * Claims up to `limit` due messages for delivery by setting a lease: a second sender (another
 * process running `convene tick`) skips them until the lease ends. A lease that ran out (the
 * process died mid-send) makes the message due again: at-least-once, with a stable message id.
 * Oldest due first. Each (status, medium) range of `outbox_pending` is read in order and stops at
 * `limit`, so a claim costs the same with 600 messages waiting as with 6 (one OR over both
 * statuses sorted every due row, payloads included, on each claim).
 */
export function claimDue(db: Db, now: string, leaseUntil: string, limit: number, media: readonly Medium[]): ClaimedEntry[] {
  if (media.length === 0) return [];
  const arms = media.map(() => `${dueArm('pending')} UNION ALL ${dueArm('sending')}`).join(' UNION ALL ');
  const params = media.flatMap((m) => [m, now, limit, m, now, now, limit]);
  const rows = db
    .prepare(
      `SELECT o.*, p.payload, pe.name AS recipient_name
       FROM (SELECT id, next_attempt_at FROM (${arms}) ORDER BY next_attempt_at, id LIMIT ?) due
         JOIN outbox o ON o.id = due.id JOIN outbox_payloads p ON p.outbox_id = o.id LEFT JOIN people pe ON pe.id = o.person_id`,
    )
    .all(...params, limit) as (OutboxRow & { recipient_name: string | null })[];
  rows.sort((a, b) => (a.next_attempt_at < b.next_attempt_at ? -1 : a.next_attempt_at > b.next_attempt_at ? 1 : a.id - b.id));
  const lease = db.prepare(`UPDATE outbox SET status = 'sending', lease_until = ? WHERE id = ?`);
  // A message kept unrendered is rendered once, here, and stored so: every attempt and the audit
  // entry of its hand-over see the same bytes.
  const render = db.prepare('UPDATE outbox_payloads SET payload = ? WHERE outbox_id = ?');
  const claimed: ClaimedEntry[] = [];
  for (const r of rows) {
    const stored = storedPayload(r.payload);
    let payload: OutboundPayload;
    try {
      payload = renderedPayload(db, stored);
    } catch (error) {
      if (!isDeferred(stored)) throw error;
      // It must not hold every message behind it, nor wait unseen: the sender records why.
      lease.run(leaseUntil, r.id);
      const reason = `could not be rendered: ${error instanceof Error ? error.message : String(error)}`;
      claimed.push({ ...toEntry(db, r, { subject: '', text: '' }), recipientName: r.recipient_name, unrenderable: reason });
      continue;
    }
    lease.run(leaseUntil, r.id);
    if (isDeferred(stored)) render.run(JSON.stringify(payload), r.id);
    claimed.push({ ...toEntry(db, r, payload), recipientName: r.recipient_name });
  }
  return claimed;
}

/**
 * Whether `claimDue` would find anything: a due pending message on one of `media`, or a lease
 * that ran out. Index probes only (`outbox_pending`), so a sender with nothing to do opens no
 * write transaction.
 */
export function anyDue(db: Db, now: string, media: readonly Medium[]): boolean {
  const placeholders = media.map(() => '?').join(', ');
  const r = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM outbox WHERE status = 'pending' AND medium IN (${placeholders}) AND next_attempt_at <= ?)
           OR EXISTS (SELECT 1 FROM outbox WHERE status = 'sending' AND medium IN (${placeholders}) AND next_attempt_at <= ? AND lease_until <= ?) AS due`,
    )
    .get(...media, now, ...media, now, now) as { due: number };
  return r.due === 1;
}

/**
 * Gives a claimed message back as it was, without counting an attempt: the sender stopped before
 * an answer came (a one-shot command's time ran out), or its medium is paused. Only while still
 * leased: a message withheld meanwhile stays withheld.
 */
export function releaseClaim(db: Db, id: number, error: string | null): void {
  db.prepare(
    `UPDATE outbox SET status = 'pending', lease_until = NULL, last_error = COALESCE(?, last_error) WHERE id = ? AND status = 'sending'`,
  ).run(error, id);
}

/** How many messages on these media are due now and not being sent (what a stopped sender leaves behind). */
export function countDue(db: Db, now: string, media: readonly Medium[]): number {
  if (media.length === 0) return 0;
  const placeholders = media.map(() => '?').join(', ');
  const r = db
    .prepare(
      `SELECT COUNT(*) AS n FROM outbox
       WHERE medium IN (${placeholders}) AND next_attempt_at <= ?
         AND (status = 'pending' OR (status = 'sending' AND lease_until <= ?))`,
    )
    .get(...media, now, now) as { n: number };
  return r.n;
}
