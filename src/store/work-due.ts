import type { Medium } from '../core/ports';
import type { Db } from './db';

/**
 * Changes when anything in the database changes: SQLite's `data_version` moves when another
 * connection commits, `total_changes()` when this one writes. No table is read.
 */
export function dataStamp(db: Db): string {
  const r = db.prepare('SELECT data_version AS v, total_changes() AS c FROM pragma_data_version').get() as { v: number; c: number };
  return `${r.v}:${r.c}`;
}

/**
 * The earliest instant (ms) at which the scheduler has something to do: a pending job's run time,
 * a platform delivery id old enough to forget (`keepMs` after it came), a pending message on
 * `media`, or a lease that runs out. Infinity when nothing is planned. Index probes only
 * (`jobs_run`, `inbound_requests_age`, `outbox_pending`), whatever the size of the history.
 */
export function nextWorkAt(db: Db, q: { media: readonly Medium[]; keepMs: number }): number {
  const placeholders = q.media.map(() => '?').join(', ');
  const r = db
    .prepare(
      `SELECT (SELECT MIN(run_at) FROM jobs WHERE status = 'pending') AS job,
              (SELECT MIN(received_at) FROM inbound_requests) AS inbound,
              (SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending' AND medium IN (${placeholders})) AS message,
              (SELECT MIN(MAX(next_attempt_at, COALESCE(lease_until, next_attempt_at))) FROM outbox WHERE status = 'sending' AND medium IN (${placeholders})) AS lease`,
    )
    .get(...q.media, ...q.media) as { job: string | null; inbound: string | null; message: string | null; lease: string | null };
  const at = (iso: string | null, plus = 0) => (iso === null ? Infinity : new Date(iso).getTime() + plus);
  return Math.min(at(r.job), at(r.inbound, q.keepMs), at(r.message), at(r.lease));
}
