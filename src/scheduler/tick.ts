import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { TemplateRenderer } from '../render/renderer';
import { CommandContext, type Settings } from '../core/context';
import type { Db } from '../store/db';
import { inTransaction } from '../store/db';
import { appendAudit } from '../store/audit';
import { exerciseById, listExercises } from '../store/exercises';
import { completeJob, dueJobs, type Job } from '../store/jobs';
import { DEDUP_KEEP_MS, forgetOlderThan } from '../store/inbound';
import type { OutboxSender, DrainReport } from '../delivery/sender';
import type { JobHandlers } from './jobs';

/** A job run later than this after its due time is marked late. */
export const LATE_AFTER_MS = 5 * 60_000;

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
}

/**
 * Runs whatever is due once: jobs (reminders, deadlines, closing votes) in due order, each in its
 * own transaction guarded by its pending status, then delivers the outbox.
 */
export class Scheduler {
  constructor(private readonly deps: SchedulerDependencies) {}

  async tick(): Promise<TickReport> {
    const jobs = [...this.runDueJobs(), ...this.runSweeps()];
    const cutoff = new Date(this.deps.clock.now().getTime() - DEDUP_KEEP_MS).toISOString();
    inTransaction(this.deps.db, () => forgetOlderThan(this.deps.db, cutoff));
    const delivery = await this.deps.sender.drain();
    return { jobs, delivery };
  }

  runDueJobs(): TickReport['jobs'] {
    const done: TickReport['jobs'] = [];
    for (;;) {
      const now = this.deps.clock.now();
      const due = dueJobs(this.deps.db, now.toISOString(), 100);
      if (due.length === 0) return done;
      for (const job of due) {
        try {
          const r = inTransaction(this.deps.db, () => this.runOne(job, now));
          if (r) done.push(r);
        } catch (err) {
          // A failing job must not block the others; it stays pending and is tried on the next tick.
          this.deps.logger.error({ err, job: job.id, kind: job.kind }, 'job failed');
          return done;
        }
      }
      if (due.length < 100) return done;
    }
  }

  /** Runs every registered sweep once per active exercise, each in its own transaction. */
  runSweeps(): TickReport['jobs'] {
    const { db, logger } = this.deps;
    const done: TickReport['jobs'] = [];
    const sweeps = this.deps.handlers.sweeps();
    if (sweeps.length === 0) return done;
    const now = this.deps.clock.now();
    for (const exercise of listExercises(db).filter((e) => e.status === 'active')) {
      for (const { name, sweep } of sweeps) {
        try {
          const results = inTransaction(db, () => {
            const ctx = new CommandContext(db, now, exercise, { person: null, member: null, label: 'scheduler' }, this.deps.settings, this.deps.renderer, `sweep ${name}`);
            const found = sweep(ctx);
            for (const r of found)
              appendAudit(db, {
                exerciseId: exercise.id, at: now.toISOString(), actor: 'scheduler', action: `sweep ${name}`,
                outcome: r.late ? 'done late' : 'done', detail: { ref: r.ref, note: r.note },
              });
            return found;
          });
          done.push(...results.map((r) => ({ kind: name, ref: r.ref, late: r.late, note: r.note })));
        } catch (err) {
          logger.error({ err, sweep: name, exercise: exercise.id }, 'sweep failed');
        }
      }
    }
    return done;
  }

  private runOne(job: Job, now: Date): TickReport['jobs'][number] | null {
    const { db } = this.deps;
    const nowIso = now.toISOString();
    const late = now.getTime() - new Date(job.dueAt).getTime() > LATE_AFTER_MS;
    const exercise = exerciseById(db, job.exerciseId);
    const handler = this.deps.handlers.get(job.kind);
    if (!exercise || exercise.status === 'dissolved' || !handler) {
      const why = !handler ? `no handler for ${job.kind}` : 'exercise dissolved';
      db.prepare(`UPDATE jobs SET status = 'cancelled', note = ? WHERE id = ? AND status = 'pending'`).run(why, job.id);
      return null;
    }
    const ctx = new CommandContext(db, now, exercise, { person: null, member: null, label: 'scheduler' }, this.deps.settings, this.deps.renderer, `job ${job.kind} ${job.ref}`);
    // Claim first: if another process ran it meanwhile, do nothing (the transaction makes this exact).
    if (!completeJob(db, job.id, nowIso, late, null)) return null;
    const result = handler(ctx, job, late);
    db.prepare('UPDATE jobs SET note = ? WHERE id = ?').run(result.note, job.id);
    appendAudit(db, {
      exerciseId: exercise.id, at: nowIso, actor: 'scheduler', action: `job ${job.kind}`,
      outcome: result.skipped ? 'skipped' : late ? 'done late' : 'done',
      detail: { job: job.id, ref: job.ref, dueAt: job.dueAt, note: result.note },
    });
    return { kind: job.kind, ref: job.ref, late, note: result.note };
  }
}
