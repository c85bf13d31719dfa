import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { silentLogger } from '../../src/logger';
import { runDue, type DueWorkDependencies } from '../../src/scheduler/run-due';
import { JobHandlers, type JobHandler } from '../../src/scheduler/jobs';
import { auditOf } from '../../src/store/audit';
import { jobsFor, scheduleJob } from '../../src/store/jobs';
import { coordinators } from '../../src/store/members';

let app: TestApp;
afterEach(() => app?.close());

const DUE = '2026-11-22T08:59:00.000Z';

/** Queues a message to the first coordinator about the job, as a reminder does; it is the job's own change. */
const tell: JobHandler = (ctx, job) => {
  ctx.deliver({ kind: 'job-failing', ref: job.ref, to: coordinators(ctx.db, 1)[0]!, view: { job: job.kind, ref: job.ref, dueAt: job.dueAt, attempts: 0, error: 'none', nextTry: 'never' } });
  return { note: `told about ${job.ref}` };
};

/**
 * `tell` plus two that throw after queueing their message: `broken` (an error of its own) and
 * `ends-transaction` (an error after which SQLite has rolled back the whole transaction, as it does
 * on a full disk or an I/O error).
 */
function handlers(): JobHandlers {
  return new JobHandlers()
    .register('tell', tell)
    .register('broken', (ctx, job, late) => {
      tell(ctx, job, late);
      throw new Error('the template of this job cannot be read');
    })
    .register('ends-transaction', (ctx, job, late) => {
      tell(ctx, job, late);
      ctx.db.exec('ROLLBACK');
      throw new Error('database or disk is full');
    });
}

function plan(jobs: [kind: string, ref: string][]): void {
  for (const [kind, ref] of jobs) scheduleJob(app.db, { exerciseId: 1, kind, ref, dueAt: DUE });
}

/** The tick's jobs at the test's clock, with the slices of `options`; how many times it paused (once per transaction of jobs). */
async function tick(options: Partial<DueWorkDependencies>): Promise<{ notes: string[]; pauses: number }> {
  const deps: DueWorkDependencies = { db: app.db, handlers: handlers(), renderer: app.renderer, settings: app.settings, logger: silentLogger, ...options };
  let pauses = 0;
  const done = await runDue(deps, () => app.clock.now(), async () => void pauses++);
  return { notes: done.map((d) => d.note), pauses };
}

const messagesAbout = (ref: string) => app.db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE ref = ?`).get(ref) as { n: number };
const entries = (action: string) => auditOf(app.db, 1).filter((a) => a.action === action).map((a) => [a.outcome, a.detail?.['ref']]);

describe("a tick's jobs, a slice of them to a transaction", () => {
  it('commits the jobs before one that throws with their messages and audit entries, leaves nothing of that one, and runs the rest', async () => {
    app = createTestApp();
    plan([['tell', 'x:1'], ['tell', 'x:2'], ['broken', 'x:3'], ['tell', 'x:4']]);
    // A slice longer than the whole tick: the slices end at the job that throws, and at the end.
    const r = await tick({ sliceMs: 60_000 });
    expect(r).toEqual({ notes: ['told about x:1', 'told about x:2', 'told about x:4'], pauses: 2 });
    expect(['x:1', 'x:2', 'x:3', 'x:4'].map((ref) => messagesAbout(ref).n)).toEqual([1, 1, 0, 1]);
    expect(entries('job tell')).toEqual([['done', 'x:1'], ['done', 'x:2'], ['done', 'x:4']]);
    expect(entries('job broken')).toEqual([['failed', 'x:3']]);
    expect(jobsFor(app.db, 'x:3')[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'the template of this job cannot be read' });
    expect(['x:1', 'x:2', 'x:4'].map((ref) => jobsFor(app.db, ref)[0]!.status)).toEqual(['done', 'done', 'done']);

    // Nothing twice: the next tick finds only the failed job, not yet due again.
    expect(await tick({ sliceMs: 60_000 })).toEqual({ notes: [], pauses: 0 });
    expect(['x:1', 'x:2', 'x:4'].map((ref) => messagesAbout(ref).n)).toEqual([1, 1, 1]);
  });

  it('commits after the job under way while requests wait, and after each job with no time to a slice', async () => {
    app = createTestApp();
    plan([['tell', 'x:1'], ['tell', 'x:2'], ['tell', 'x:3']]);
    expect(await tick({ sliceMs: 60_000, requestsWaiting: () => true })).toEqual({ notes: ['told about x:1', 'told about x:2', 'told about x:3'], pauses: 3 });
    plan([['tell', 'y:1'], ['tell', 'y:2']]);
    expect((await tick({ sliceMs: 0 })).pauses).toBe(2);
    plan([['tell', 'z:1'], ['tell', 'z:2'], ['tell', 'z:3']]);
    expect(await tick({ sliceMs: 60_000, requestsWaiting: () => false })).toEqual({ notes: ['told about z:1', 'told about z:2', 'told about z:3'], pauses: 1 });
  });

  it('runs the jobs of a slice again one to a transaction when a job ended the whole transaction: each done once, the culprit failed', async () => {
    app = createTestApp();
    plan([['tell', 'x:1'], ['ends-transaction', 'x:2'], ['tell', 'x:3']]);
    const r = await tick({ sliceMs: 60_000 });
    expect(r.notes).toEqual(['told about x:1', 'told about x:3']);
    expect(['x:1', 'x:2', 'x:3'].map((ref) => messagesAbout(ref).n)).toEqual([1, 0, 1]);
    expect(entries('job tell')).toEqual([['done', 'x:1'], ['done', 'x:3']]);
    expect(entries('job ends-transaction')).toEqual([['failed', 'x:2']]);
    expect(jobsFor(app.db, 'x:2')[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'database or disk is full' });
  });
});
