import type { Db } from './db';

export interface ScheduledBackup {
  id: number;
  slot: string;
  status: 'running' | 'done' | 'failed';
  file: string | null;
  error: string | null;
  reported: boolean;
}

interface Row { id: number; slot: string; status: ScheduledBackup['status']; file: string | null; error: string | null; reported: number }
const toBackup = (r: Row): ScheduledBackup => ({ id: r.id, slot: r.slot, status: r.status, file: r.file, error: r.error, reported: r.reported === 1 });

/** The latest scheduled time a backup was taken (or tried) for. */
export function lastBackupSlot(db: Db): string | null {
  return (db.prepare('SELECT max(slot) AS slot FROM backups').get() as { slot: string | null }).slot;
}

/** Claims a scheduled time: true for the one process (and the one wake-up) that gets it. */
export function claimBackupSlot(db: Db, slot: string, startedAt: string): number | null {
  const r = db.prepare(`INSERT INTO backups (slot, started_at) VALUES (?, ?) ON CONFLICT (slot) DO NOTHING`).run(slot, startedAt);
  return r.changes === 1 ? Number(r.lastInsertRowid) : null;
}

export function finishBackup(db: Db, id: number, at: string, outcome: { file: string } | { error: string }): void {
  if ('file' in outcome) db.prepare(`UPDATE backups SET status = 'done', finished_at = ?, file = ? WHERE id = ?`).run(at, outcome.file, id);
  else db.prepare(`UPDATE backups SET status = 'failed', finished_at = ?, error = ? WHERE id = ?`).run(at, outcome.error, id);
}

/** The finished backup before this one, to tell a first failure from one of a series. */
export function previousFinishedBackup(db: Db, id: number): ScheduledBackup | null {
  const r = db.prepare(`SELECT * FROM backups WHERE id < ? AND status <> 'running' ORDER BY id DESC LIMIT 1`).get(id) as Row | undefined;
  return r ? toBackup(r) : null;
}

export function markBackupReported(db: Db, id: number): void {
  db.prepare('UPDATE backups SET reported = 1 WHERE id = ?').run(id);
}

export function backupById(db: Db, id: number): ScheduledBackup | null {
  const r = db.prepare('SELECT * FROM backups WHERE id = ?').get(id) as Row | undefined;
  return r ? toBackup(r) : null;
}
