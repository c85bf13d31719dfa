import type { Medium } from '../core/ports';
import type { Db } from './db';

/**
 * The health of one delivery medium across processes (the bot, a cron `tick`, a one-shot command):
 * paused because the provider refuses our own configuration, or failing for everyone since a time.
 */
export interface MediumState {
  medium: Medium;
  /** Set while the provider refuses our login or sender address; nothing of this medium is sent but a probe. */
  pausedAt: string | null;
  pausedReason: string | null;
  /** When a paused medium next tries one message to see whether the configuration was fixed. */
  probeAt: string | null;
  /** The first transient failure with no successful delivery since. */
  failingSince: string | null;
  lastError: string | null;
  /** The coordinators were told that delivery keeps failing (once per episode). */
  troubleReportedAt: string | null;
}

interface Row {
  medium: Medium; paused_at: string | null; paused_reason: string | null; probe_at: string | null;
  failing_since: string | null; last_error: string | null; trouble_reported_at: string | null;
}

const toState = (r: Row): MediumState => ({
  medium: r.medium, pausedAt: r.paused_at, pausedReason: r.paused_reason, probeAt: r.probe_at,
  failingSince: r.failing_since, lastError: r.last_error, troubleReportedAt: r.trouble_reported_at,
});

export function mediumState(db: Db, medium: Medium): MediumState | undefined {
  const r = db.prepare('SELECT * FROM delivery_media WHERE medium = ?').get(medium) as Row | undefined;
  return r && toState(r);
}

/** Media that are paused or have been failing: what `/exercise status` has to say about delivery. */
export function troubledMedia(db: Db): MediumState[] {
  return (db.prepare('SELECT * FROM delivery_media WHERE paused_at IS NOT NULL OR failing_since IS NOT NULL ORDER BY medium').all() as Row[]).map(toState);
}

/** Pauses the medium (keeping the first pause time); returns true when it was not paused before. */
export function pauseMedium(db: Db, medium: Medium, at: string, reason: string, probeAt: string): boolean {
  const before = mediumState(db, medium);
  db.prepare(
    `INSERT INTO delivery_media (medium, paused_at, paused_reason, probe_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (medium) DO UPDATE SET paused_at = COALESCE(paused_at, excluded.paused_at),
       paused_reason = excluded.paused_reason, probe_at = excluded.probe_at`,
  ).run(medium, at, reason, probeAt);
  return !before?.pausedAt;
}

/** A message went through: the medium is neither paused nor failing any more. Returns its state before. */
export function markMediumWorking(db: Db, medium: Medium): MediumState | undefined {
  const before = mediumState(db, medium);
  if (before && (before.pausedAt || before.failingSince)) {
    db.prepare(
      `UPDATE delivery_media SET paused_at = NULL, paused_reason = NULL, probe_at = NULL, failing_since = NULL,
         last_error = NULL, trouble_reported_at = NULL WHERE medium = ?`,
    ).run(medium);
  }
  return before;
}

/** Records a transient failure; returns the state after (failingSince is the first of the episode). */
export function markMediumFailing(db: Db, medium: Medium, at: string, error: string): MediumState {
  db.prepare(
    `INSERT INTO delivery_media (medium, failing_since, last_error) VALUES (?, ?, ?)
     ON CONFLICT (medium) DO UPDATE SET failing_since = COALESCE(failing_since, excluded.failing_since), last_error = excluded.last_error`,
  ).run(medium, at, error);
  return mediumState(db, medium)!;
}

/** Claims the one report of this failing episode; false when it was already made. */
export function markTroubleReported(db: Db, medium: Medium, at: string): boolean {
  return db.prepare('UPDATE delivery_media SET trouble_reported_at = ? WHERE medium = ? AND trouble_reported_at IS NULL').run(at, medium).changes === 1;
}

/**
 * Notes when the sender last finished a drain of these media. Written with the connection's full
 * durability, it also makes every earlier commit that did not wait for the disk durable (one fsync).
 */
export function markDrained(db: Db, media: readonly Medium[], at: string): void {
  const put = db.prepare(
    `INSERT INTO delivery_media (medium, drained_at) VALUES (?, ?) ON CONFLICT (medium) DO UPDATE SET drained_at = excluded.drained_at`,
  );
  for (const m of media) put.run(m, at);
}
