import type { Logger } from '../logger';
import type { TemplateRenderer } from '../render/renderer';
import { CommandContext, type Settings } from '../core/context';
import type { Db } from '../store/db';
import { inTransaction } from '../store/db';
import { appendAudit } from '../store/audit';
import { exerciseById } from '../store/exercises';
import { completeJob, dueJobs, type Job } from '../store/jobs';
import { DEDUP_KEEP_MS, anyOlderThan, forgetOlderThan } from '../store/inbound';
import { retryDelayMs } from '../delivery/record-result';
import type { JobHandlers } from './jobs';
import { recordFailedJob } from './failed-job';

/** A job run later than this after its due time is marked late. */
export const LATE_AFTER_MS = 5 * 60_000;

const BATCH = 100;

/**
 * How long the jobs of one transaction may run, in ms of this thread's time, before it commits
 * and the caller gets its turn. A commit (synchronous=FULL: the WAL written and synced) cost about
 * a third of a minutes reminder's CPU when each job had its own: 190 reminders made 190 commits.
 */
export const SLICE_MS = 3;

export type JobReport = { kind: string; ref: string; late: boolean; note: string };

/** What running the due jobs needs: the same whether it runs on the bot's event loop or in the work thread. */
export interface DueWorkDependencies {
  db: Db;
  handlers: JobHandlers;
  renderer: TemplateRenderer;
  settings: Settings;
  logger: Logger;
  /** How long the jobs of one transaction may run (default SLICE_MS; 0: one job to a transaction). */
  sliceMs?: number;
  /** True while requests wait for an answer: the transaction commits after the job under way, and the caller gives way. */
  requestsWaiting?: () => boolean;
}

/**
 * Runs the jobs due at `now()`, a slice of them to a transaction (`SLICE_MS`), each job in a
 * savepoint of its own guarded by its pending status, and yields after each slice so the caller
 * can let other work in between. A job's state, messages and audit entry commit together, once.
 * A job that throws is rolled back, recorded as failed and tried again later with back-off; the
 * jobs before it in its slice commit, the jobs after it run as usual.
 */
export function* dueWork(deps: DueWorkDependencies, now: () => Date, done: JobReport[]): Generator<void> {
  const { db } = deps;
  const tried = new Set<number>();
  for (;;) {
    const at = now();
    const batch = dueJobs(db, at.toISOString(), BATCH);
    const due = batch.filter((j) => !tried.has(j.id));
    if (due.length === 0) return;
    for (let next = 0; next < due.length; ) {
      const slice = runSlice(deps, due.slice(next), at);
      for (const job of due.slice(next, next + slice.ran)) tried.add(job.id);
      next += slice.ran;
      done.push(...slice.reports);
      yield;
    }
    if (batch.length < BATCH) return;
  }
}

/**
 * Runs jobs from the head of `jobs` in one transaction, each in a savepoint (a job that throws
 * leaves nothing behind), until the slice's time is up, requests wait, or a job throws. Returns
 * how many it ran and the reports of those that committed.
 */
function runSlice(deps: DueWorkDependencies, jobs: Job[], at: Date): { ran: number; reports: JobReport[] } {
  const { db } = deps;
  const sliceMs = deps.sliceMs ?? SLICE_MS;
  // A budget of this thread's time, not an instant of the domain: read from the thread's timer, not the clock.
  const started = performance.now();
  const reports: JobReport[] = [];
  let ran = 0;
  let failed = null as { job: Job; err: unknown } | null;
  try {
    inTransaction(db, () => {
      for (const job of jobs) {
        ran++;
        try {
          reports.push(...inTransaction(db, () => runOne(deps, job, at)));
        } catch (err) {
          failed = { job, err };
          return;
        }
        if (performance.now() - started >= sliceMs || deps.requestsWaiting?.()) return;
      }
    });
  } catch (err) {
    // The commit failed (a full disk), or a job's error ended the whole transaction (SQLite does that
    // on some errors): nothing of the slice was written. Each of its jobs runs again on its own.
    deps.logger.warn({ err, jobs: ran }, 'a slice of jobs did not commit; they run again one to a transaction');
    const alone: JobReport[] = [];
    for (const job of jobs.slice(0, ran)) {
      try {
        alone.push(...inTransaction(db, () => runOne(deps, job, at)));
      } catch (jobErr) {
        recordFailure(deps, job, jobErr, at);
      }
    }
    return { ran, reports: alone };
  }
  if (failed) recordFailure(deps, failed.job, failed.err, at);
  return { ran, reports };
}

/** A job that threw: logged, and recorded with its retry (in a transaction of its own; its own was rolled back). */
function recordFailure(deps: DueWorkDependencies, job: Job, err: unknown, at: Date): void {
  deps.logger.error({ err, job: job.id, kind: job.kind, ref: job.ref }, 'job failed; it is tried again later');
  const retryAt = new Date(at.getTime() + retryDelayMs(job.attempts + 1));
  try {
    inTransaction(deps.db, () => recordFailedJob(deps, job, err, at, retryAt));
  } catch (recordErr) {
    deps.logger.error({ err: recordErr, job: job.id }, 'could not record the failure of a job');
  }
}

/**
 * One tick's jobs, wherever they run (the Scheduler's event loop, the work thread): every job due
 * at `now()`, awaiting `pause` after each, then the forgetting of old delivery ids.
 */
export async function runDue(deps: DueWorkDependencies, now: () => Date, pause: () => Promise<void>): Promise<JobReport[]> {
  const done: JobReport[] = [];
  for (const _ of dueWork(deps, now, done)) await pause();
  forgetOldDeliveryIds(deps.db, now());
  return done;
}

/** Platform delivery ids older than the retry window are forgotten; a write only when there are some. */
function forgetOldDeliveryIds(db: Db, now: Date): void {
  // Retries come within minutes; a delivery id received before the window is not seen again.
  const cutoff = new Date(now.getTime() - DEDUP_KEEP_MS).toISOString();
  if (anyOlderThan(db, cutoff)) inTransaction(db, () => forgetOlderThan(db, cutoff));
}

function runOne(deps: DueWorkDependencies, job: Job, now: Date): JobReport[] {
  const { db } = deps;
  const nowIso = now.toISOString();
  const late = now.getTime() - new Date(job.dueAt).getTime() > LATE_AFTER_MS;
  const exercise = exerciseById(db, job.exerciseId);
  const handler = deps.handlers.get(job.kind);
  const sweep = deps.handlers.sweepNamed(job.kind);
  if (!exercise || exercise.status === 'dissolved' || (!handler && !sweep)) {
    const why = !handler && !sweep ? `no handler for ${job.kind}` : 'exercise dissolved';
    db.prepare(`UPDATE jobs SET status = 'cancelled', note = ? WHERE id = ? AND status = 'pending'`).run(why, job.id);
    return [];
  }
  const label = sweep ? `sweep ${job.kind}` : `job ${job.kind} ${job.ref}`;
  const ctx = new CommandContext(db, now, exercise, { person: null, member: null, label: 'scheduler' }, deps.settings, deps.renderer, label);
  // Claim first: if another process ran it meanwhile, do nothing (the transaction makes this exact).
  if (!completeJob(db, job.id, nowIso, late, null)) return [];
  if (sweep) {
    const found = sweep(ctx);
    for (const r of found)
      appendAudit(db, {
        exerciseId: exercise.id, at: nowIso, actor: 'scheduler', action: label,
        outcome: r.late ? 'done late' : 'done', detail: { ref: r.ref, note: r.note },
      });
    db.prepare('UPDATE jobs SET note = ? WHERE id = ?').run(found.length ? `${found.length} done` : 'nothing to do', job.id);
    return found.map((r) => ({ kind: job.kind, ref: r.ref, late: r.late, note: r.note }));
  }
  const result = handler!(ctx, job, late);
  db.prepare('UPDATE jobs SET note = ? WHERE id = ?').run(result.note, job.id);
  appendAudit(db, {
    exerciseId: exercise.id, at: nowIso, actor: 'scheduler', action: `job ${job.kind}`,
    outcome: result.skipped ? 'skipped' : late ? 'done late' : 'done',
    detail: { job: job.id, ref: job.ref, dueAt: job.dueAt, note: result.note },
  });
  return [{ kind: job.kind, ref: job.ref, late, note: result.note }];
}
