import type { Db } from './db';

/** A reminder or deadline: a row, not a timer, so a restart neither loses nor repeats it. */
export interface Job {
  id: number;
  exerciseId: number;
  kind: string;
  ref: string;
  dueAt: string;
  payload: Record<string, unknown> | null;
  status: 'pending' | 'done' | 'cancelled';
  doneAt: string | null;
  late: boolean;
  note: string | null;
  /** When it is tried next: its due time, or later after it failed (back-off). */
  runAt: string;
  /** Failed runs so far; `lastError` is the latest one's. */
  attempts: number;
  lastError: string | null;
}

interface JobRow {
  id: number; exercise_id: number; kind: string; ref: string; due_at: string; payload: string | null;
  status: Job['status']; done_at: string | null; late: number; note: string | null;
  run_at: string | null; attempts: number; last_error: string | null;
}

const toJob = (r: JobRow): Job => ({
  id: r.id, exerciseId: r.exercise_id, kind: r.kind, ref: r.ref, dueAt: r.due_at,
  payload: r.payload ? (JSON.parse(r.payload) as Record<string, unknown>) : null,
  status: r.status, doneAt: r.done_at, late: r.late === 1, note: r.note,
  runAt: r.run_at ?? r.due_at, attempts: r.attempts, lastError: r.last_error,
});

/** Plans a job; planning the same (kind, ref, due) twice keeps one, and a cancelled one is planned again. */
export function scheduleJob(db: Db, j: { exerciseId: number; kind: string; ref: string; dueAt: string; payload?: Record<string, unknown> }): void {
  db.prepare(
    `INSERT INTO jobs (exercise_id, kind, ref, due_at, run_at, payload) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (kind, ref, due_at) DO UPDATE SET status = 'pending', done_at = NULL, run_at = jobs.due_at, attempts = 0, last_error = NULL
     WHERE jobs.status = 'cancelled'`,
  ).run(j.exerciseId, j.kind, j.ref, j.dueAt, j.dueAt, j.payload ? JSON.stringify(j.payload) : null);
}

/**
 * Plans a run of work that an event calls for (a sweep: `JobHandlers.sweep`), due at `at`. Unlike
 * a reminder, the same work can be called for again at the same instant after it ran: it runs again.
 */
export function requestRun(db: Db, j: { exerciseId: number; kind: string; ref: string; at: string }): void {
  db.prepare(
    `INSERT INTO jobs (exercise_id, kind, ref, due_at, run_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, ref, due_at) DO UPDATE SET status = 'pending', done_at = NULL, run_at = jobs.due_at, attempts = 0, last_error = NULL
     WHERE jobs.status <> 'pending'`,
  ).run(j.exerciseId, j.kind, j.ref, j.at, j.at);
}

/** Cancels pending jobs about `ref` (all kinds, or the given ones). */
export function cancelJobs(db: Db, ref: string, kinds?: string[]): number {
  if (!kinds) return db.prepare(`UPDATE jobs SET status = 'cancelled' WHERE ref = ? AND status = 'pending'`).run(ref).changes;
  let n = 0;
  for (const k of kinds) n += db.prepare(`UPDATE jobs SET status = 'cancelled' WHERE ref = ? AND kind = ? AND status = 'pending'`).run(ref, k).changes;
  return n;
}

export function cancelExerciseJobs(db: Db, exerciseId: number): number {
  return db.prepare(`UPDATE jobs SET status = 'cancelled' WHERE exercise_id = ? AND status = 'pending'`).run(exerciseId).changes;
}

/** Pending jobs whose time to run has come, in due order (one index range: `jobs_run`). */
export function dueJobs(db: Db, now: string, limit: number): Job[] {
  return (db.prepare(`SELECT * FROM jobs WHERE status = 'pending' AND run_at <= ? ORDER BY run_at, id LIMIT ?`).all(now, limit) as JobRow[]).map(toJob);
}

/** Marks done only if still pending: the guard that makes a job run once. */
export function completeJob(db: Db, id: number, at: string, late: boolean, note: string | null): boolean {
  return db
    .prepare(`UPDATE jobs SET status = 'done', done_at = ?, late = ?, note = ? WHERE id = ? AND status = 'pending'`)
    .run(at, late ? 1 : 0, note, id).changes === 1;
}

/** Records a failed run, tried again at `retryAt`; returns how many runs have failed. */
export function recordJobFailure(db: Db, id: number, retryAt: string, error: string): number {
  db.prepare(`UPDATE jobs SET attempts = attempts + 1, run_at = ?, last_error = ? WHERE id = ? AND status = 'pending'`).run(retryAt, error, id);
  return (db.prepare('SELECT attempts FROM jobs WHERE id = ?').get(id) as { attempts: number } | undefined)?.attempts ?? 0;
}

/** True the first time only: the coordinators are told once that a job keeps failing. */
export function markJobFailureReported(db: Db, id: number): boolean {
  return db.prepare('UPDATE jobs SET failure_reported = 1 WHERE id = ? AND failure_reported = 0').run(id).changes === 1;
}

export function jobsFor(db: Db, ref: string): Job[] {
  return (db.prepare('SELECT * FROM jobs WHERE ref = ? ORDER BY due_at, id').all(ref) as JobRow[]).map(toJob);
}

/** Whether a job of this kind was ever planned for `ref` (any status). */
export function jobPlanned(db: Db, ref: string, kind: string): boolean {
  return db.prepare('SELECT 1 FROM jobs WHERE ref = ? AND kind = ? LIMIT 1').get(ref, kind) !== undefined;
}
