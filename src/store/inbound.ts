import type { CommandOutcome } from '../core/ports';
import type { Db } from './db';

/** How long a platform delivery id is remembered (Slack retries within minutes; keep an hour and more). */
export const DEDUP_KEEP_MS = 6 * 60 * 60 * 1000;

export function seenOutcome(db: Db, key: string): CommandOutcome | undefined {
  const r = db.prepare('SELECT outcome FROM inbound_requests WHERE key = ?').get(key) as { outcome: string } | undefined;
  if (!r) return undefined;
  // Outcomes remembered before replies said their audience went to the person alone.
  const stored = JSON.parse(r.outcome) as CommandOutcome & { private?: boolean };
  const { private: _private, ...outcome } = stored;
  return { ...outcome, audience: outcome.audience ?? 'person' } as CommandOutcome;
}

export function rememberOutcome(db: Db, key: string, at: string, outcome: CommandOutcome): void {
  db.prepare('INSERT OR IGNORE INTO inbound_requests (key, received_at, outcome) VALUES (?, ?, ?)').run(key, at, JSON.stringify(outcome));
}

export function forgetOlderThan(db: Db, before: string): number {
  return db.prepare('DELETE FROM inbound_requests WHERE received_at < ?').run(before).changes;
}

/** Whether any delivery id is older than `before` (one index probe; the tick deletes only then). */
export function anyOlderThan(db: Db, before: string): boolean {
  return db.prepare('SELECT 1 FROM inbound_requests WHERE received_at < ? LIMIT 1').get(before) !== undefined;
}
