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
}

interface JobRow {
  id: number; exercise_id: number; kind: string; ref: string; due_at: string; payload: string | null;
  status: Job['status']; done_at: string | null; late: number; note: string | null;
}

const toJob = (r: JobRow): Job => ({
  id: r.id, exerciseId: r.exercise_id, kind: r.kind, ref: r.ref, dueAt: r.due_at,
  payload: r.payload ? (JSON.parse(r.payload) as Record<string, unknown>) : null,
  status: r.status, doneAt: r.done_at, late: r.late === 1, note: r.note,
});

/** Plans a job; planning the same (kind, ref, due) twice keeps one. */
export function scheduleJob(db: Db, j: { exerciseId: number; kind: string; ref: string; dueAt: string; payload?: Record<string, unknown> }): void {
  db.prepare(
    `INSERT INTO jobs (exercise_id, kind, ref, due_at, payload) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, ref, due_at) DO UPDATE SET status = 'pending', done_at = NULL WHERE jobs.status = 'cancelled'`,
  ).run(j.exerciseId, j.kind, j.ref, j.dueAt, j.payload ? JSON.stringify(j.payload) : null);
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

export function dueJobs(db: Db, now: string, limit: number): Job[] {
  return (db.prepare(`SELECT * FROM jobs WHERE status = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?`).all(now, limit) as JobRow[]).map(toJob);
}

/** Marks done only if still pending: the guard that makes a job run once. */
export function completeJob(db: Db, id: number, at: string, late: boolean, note: string | null): boolean {
  return db
    .prepare(`UPDATE jobs SET status = 'done', done_at = ?, late = ?, note = ? WHERE id = ? AND status = 'pending'`)
    .run(at, late ? 1 : 0, note, id).changes === 1;
}

export function jobsFor(db: Db, ref: string): Job[] {
  return (db.prepare('SELECT * FROM jobs WHERE ref = ? ORDER BY due_at, id').all(ref) as JobRow[]).map(toJob);
}
