import { deliverToPerson } from '../core/context';
import { messageLanguage } from '../i18n/catalogue';
import { formatForReader } from '../i18n/dates';
import type { Logger } from '../logger';
import type { TemplateRenderer } from '../render/renderer';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/db';
import { exerciseById } from '../store/exercises';
import { markJobFailureReported, recordJobFailure, type Job } from '../store/jobs';
import { coordinators } from '../store/members';

/** After this many failed runs in a row the coordinators hear, once, that a job keeps failing. */
export const JOB_FAILING_AFTER = 3;

/**
 * Records a run of `job` that threw (its own transaction was rolled back): the attempt, the error
 * and when it is tried next, in the job's row and the audit log. The third failure tells the
 * exercise's coordinators, once per job; the job keeps being retried, so it still happens, late,
 * once the cause is fixed. Runs inside a transaction of its own.
 */
export function recordFailedJob(
  deps: { db: Db; renderer: TemplateRenderer; logger: Logger },
  job: Job,
  err: unknown,
  now: Date,
  retryAt: Date,
): void {
  const { db } = deps;
  const nowIso = now.toISOString();
  const error = err instanceof Error ? err.message : String(err);
  const attempts = recordJobFailure(db, job.id, retryAt.toISOString(), error);
  appendAudit(db, {
    exerciseId: job.exerciseId, at: nowIso, actor: 'scheduler', action: `job ${job.kind}`, outcome: 'failed',
    detail: { job: job.id, ref: job.ref, dueAt: job.dueAt, attempt: attempts, error, retryAt: retryAt.toISOString() },
  });
  if (attempts < JOB_FAILING_AFTER) return;
  const exercise = exerciseById(db, job.exerciseId);
  if (!exercise || exercise.status === 'dissolved') return;
  if (!markJobFailureReported(db, job.id)) return;
  const zone = exercise.timeZone;
  for (const c of coordinators(db, exercise.id)) {
    const language = messageLanguage('job-failing', c, exercise);
    deliverToPerson(db, deps.renderer, exercise.id, nowIso, {
      kind: 'job-failing',
      ref: job.ref,
      to: c,
      view: {
        job: job.kind,
        ref: job.ref,
        dueAt: formatForReader(new Date(job.dueAt), zone, c.timeZone, language),
        attempts,
        error,
        nextTry: formatForReader(retryAt, zone, c.timeZone, language),
      },
    });
  }
}
