import type { CommandContext } from '../core/context';
import { jobsFor, requestRun, type Job } from '../store/jobs';

/**
 * What a job of one kind does when it falls due. It runs inside the transaction that marks the
 * job done, so its messages and its completion commit together: once, never twice.
 * `late` is true when the job runs more than the grace period after it fell due (after downtime).
 * Return a short note for the record (shown in the audit log), or `skip` with why, when the job
 * has become pointless (the agenda was sent, the vote was cast).
 */
export type JobHandler = (ctx: CommandContext, job: Job, late: boolean) => { note: string; skipped?: boolean };

/** A job that found nothing left to do, with why. */
export const skipped = (note: string): ReturnType<JobHandler> => ({ note, skipped: true });

/**
 * After downtime, several reminders of one kind about one thing can fall due in the same tick:
 * only the latest is worth sending. True when a later one of the same kind and ref is also due now.
 */
export function laterOneDueToo(ctx: CommandContext, job: Job): boolean {
  return jobsFor(ctx.db, job.ref).some((j) => j.kind === job.kind && j.status === 'pending' && j.dueAt > job.dueAt && j.dueAt <= ctx.nowIso);
}

/**
 * Work that has no due time of its own but is called for by an event (a member added after a
 * meeting's notice went out gets it): `requestSweep(ctx, name)` plans one run for the exercise,
 * due at once, and the next tick runs it like a job, in a savepoint of its own. Each thing it did is
 * reported and audited as `sweep <name>`; a run that finds nothing leaves no trace but its job row.
 * It must be idempotent: what it did is recorded, so a second run finds nothing to do.
 */
export type Sweep = (ctx: CommandContext) => { ref: string; note: string; late: boolean }[];

/** Plans a run of the sweep `name` for the context's exercise at the next tick. */
export function requestSweep(ctx: CommandContext, name: string): void {
  const exercise = ctx.requireExercise();
  requestRun(ctx.db, { exerciseId: exercise.id, kind: name, ref: `exercise:${exercise.id}`, at: ctx.nowIso });
}

export class JobHandlers {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly sweepers: { name: string; sweep: Sweep }[] = [];

  sweep(name: string, sweep: Sweep): this {
    if (this.sweepers.some((s) => s.name === name)) throw new Error(`A sweep ${name} is registered twice`);
    this.sweepers.push({ name, sweep });
    return this;
  }

  sweepNamed(name: string): Sweep | undefined {
    return this.sweepers.find((s) => s.name === name)?.sweep;
  }

  register(kind: string, handler: JobHandler): this {
    if (this.handlers.has(kind)) throw new Error(`A handler for job ${kind} is registered twice`);
    this.handlers.set(kind, handler);
    return this;
  }

  get(kind: string): JobHandler | undefined {
    return this.handlers.get(kind);
  }
}
