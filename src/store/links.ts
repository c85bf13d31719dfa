import { randomBytes } from 'node:crypto';
import type { Db } from './db';

/**
 * The installation's secret for signing personal links: generated on first use and kept in the
 * database, so links stay valid across restarts and backups and no one has to configure it.
 */
export function linkSecret(db: Db, nowIso: string): Buffer {
  const row = db.prepare(`SELECT secret FROM web_secret WHERE id = 1`).get() as { secret: string } | undefined;
  if (row) return Buffer.from(row.secret, 'base64');
  db.prepare(`INSERT OR IGNORE INTO web_secret (id, secret, created_at) VALUES (1, ?, ?)`).run(randomBytes(32).toString('base64'), nowIso);
  const kept = db.prepare(`SELECT secret FROM web_secret WHERE id = 1`).get() as { secret: string };
  return Buffer.from(kept.secret, 'base64');
}

/** From now on, every link issued to this person for this exercise so far is refused. */
export function revokeLinks(db: Db, r: { exerciseId: number; personId: number; at: string; reason: string }): void {
  db.prepare(`INSERT INTO link_revocations (exercise_id, person_id, revoked_at, reason) VALUES (?, ?, ?, ?)`).run(r.exerciseId, r.personId, r.at, r.reason);
}

/** The latest revocation of this person's links in this exercise, if any. */
export function latestRevocation(db: Db, exerciseId: number, personId: number): { at: string; reason: string } | undefined {
  const row = db
    .prepare(`SELECT revoked_at AS at, reason FROM link_revocations WHERE exercise_id = ? AND person_id = ? ORDER BY revoked_at DESC, id DESC LIMIT 1`)
    .get(exerciseId, personId) as { at: string; reason: string } | undefined;
  return row;
}
