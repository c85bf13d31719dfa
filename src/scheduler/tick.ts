import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { TemplateRenderer } from '../render/renderer';
import { CommandContext, type Settings } from '../core/context';
import type { Db } from '../store/db';
import { inTransaction } from '../store/db';
import { appendAudit } from '../store/audit';
import { exerciseById } from '../store/exercises';
import { completeJob, dueJobs, type Job } from '../store/jobs';
import { DEDUP_KEEP_MS, anyOlderThan, forgetOlderThan } from '../store/inbound';
import { retryDelayMs, type OutboxSender, type DrainReport } from '../delivery/sender';
import type { JobHandlers } from './jobs';
import { recordFailedJob } from './failed-job';
import { dataStamp, nextWorkAt } from '../store/work-due';

/** A job run later than this after its due time is marked late. */
export const LATE_AFTER_MS = 5 * 60_000;

const BATCH = 100;

export interface TickReport {
  jobs: { kind: string; ref: string; late: boolean; note: string }[];
  delivery: DrainReport;
}

export interface SchedulerDependencies {
  db: Db;
  clock: Clock;
  handlers: JobHandlers;
  renderer: TemplateRenderer;
  settings: Settings;
  sender: OutboxSender;
  logger: Logger;
  /** Awaited between two jobs: lets waiting requests be answered first (default: the next turn of the event loop). */
  pause?: () => Promise<void>;
}

/** Platform delivery ids received before this are forgotten (retries come within minutes). */
const forgetBefore = (now: Date) => new Date(now.getTime() - DEDUP_KEEP_MS).toISOString();

/** Lets the event loop answer what is waiting (a Slack ack) between two jobs of a tick. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs whatever is due once: jobs (reminders, deadlines, closing votes, sweeps an event called
 * for) in due order, each in its own transaction guarded by its pending status, then delivers the
 * outbox. When nothing is due it reads no table and opens no transaction (`idle`).
 */
export class Scheduler {
  private running: Promise<TickReport> | null = null;
  private horizon: { stamp: string; at: number } | null = null;

  constructor(private readonly deps: SchedulerDependencies) {}

  /** One tick; a tick asked for while one runs shares it. Between two jobs it yields to the event loop. */
  tick(): Promise<TickReport> {
    if (!this.running && this.idle()) return Promise.resolve({ jobs: [], delivery: { sent: 0, retrying: 0, failed: 0 } });
    this.running ??= this.tickOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * True when nothing is due and no delivery is under way. The earliest instant anything falls
   * due is kept with the database's change stamp; while nothing changed, one read of the stamp
   * answers (no table is read), so an idle tick costs the same whatever the history holds.
   */
  private idle(): boolean {
    const { db, sender } = this.deps;
    if (sender.busy) return false;
    const stamp = dataStamp(db);
    if (this.horizon?.stamp !== stamp) this.horizon = { stamp, at: nextWorkAt(db, { media: sender.media(), keepMs: DEDUP_KEEP_MS }) };
    return this.deps.clock.now().getTime() < this.horizon.at;
  }

  private async tickOnce(): Promise<TickReport> {
    const jobs: TickReport['jobs'] = [];
    const pause = this.deps.pause ?? yieldToEventLoop;
    for (const _ of this.dueWork(jobs)) await pause();
    this.forgetOldDeliveryIds();
    const delivery = await this.deps.sender.drain();
    return { jobs, delivery };
  }

  /** The due jobs, all at once (no yielding): for a caller that is itself synchronous. */
  runDueJobs(): TickReport['jobs'] {
    const jobs: TickReport['jobs'] = [];
    for (const _ of this.dueWork(jobs));
    return jobs;
  }

  /**
   * Runs the jobs due now, yielding after each. A job that throws is rolled back, recorded as
   * failed and tried again later with back-off; the jobs after it run as usual.
   */
  private *dueWork(done: TickReport['jobs']): Generator<void> {
    const { db } = this.deps;
    const tried = new Set<number>();
    for (;;) {
      const now = this.deps.clock.now();
      const batch = dueJobs(db, now.toISOString(), BATCH);
      const due = batch.filter((j) => !tried.has(j.id));
      if (due.length === 0) return;
      for (const job of due) {
        tried.add(job.id);
        try {
          done.push(...inTransaction(db, () => this.runOne(job, now)));
        } catch (err) {
          this.deps.logger.error({ err, job: job.id, kind: job.kind, ref: job.ref }, 'job failed; it is tried again later');
          const retryAt = new Date(now.getTime() + retryDelayMs(job.attempts + 1));
          try {
            inTransaction(db, () => recordFailedJob(this.deps, job, err, now, retryAt));
          } catch (recordErr) {
            this.deps.logger.error({ err: recordErr, job: job.id }, 'could not record the failure of a job');
          }
        }
        yield;
      }
      if (batch.length < BATCH) return;
    }
  }

  /** Platform delivery ids older than the retry window are forgotten; a write only when there are some. */
  private forgetOldDeliveryIds(): void {
    const { db } = this.deps;
    const cutoff = forgetBefore(this.deps.clock.now());
    if (anyOlderThan(db, cutoff)) inTransaction(db, () => forgetOlderThan(db, cutoff));
  }

  private runOne(job: Job, now: Date): TickReport['jobs'] {
    const { db } = this.deps;
    const nowIso = now.toISOString();
    const late = now.getTime() - new Date(job.dueAt).getTime() > LATE_AFTER_MS;
    const exercise = exerciseById(db, job.exerciseId);
    const handler = this.deps.handlers.get(job.kind);
    const sweep = this.deps.handlers.sweepNamed(job.kind);
    if (!exercise || exercise.status === 'dissolved' || (!handler && !sweep)) {
      const why = !handler && !sweep ? `no handler for ${job.kind}` : 'exercise dissolved';
      db.prepare(`UPDATE jobs SET status = 'cancelled', note = ? WHERE id = ? AND status = 'pending'`).run(why, job.id);
      return [];
    }
    const label = sweep ? `sweep ${job.kind}` : `job ${job.kind} ${job.ref}`;
    const ctx = new CommandContext(db, now, exercise, { person: null, member: null, label: 'scheduler' }, this.deps.settings, this.deps.renderer, label);
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
}
