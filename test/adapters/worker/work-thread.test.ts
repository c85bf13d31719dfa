import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkThread } from '../../../adapters/worker/work-thread';
import { Foreground } from '../../../adapters/shared/foreground';
import type { Clock } from '../../../src/clock';
import { createLogger } from '../../../src/logger';
import { Scheduler } from '../../../src/scheduler/tick';
import { jobsFor } from '../../../src/store/jobs';
import { buildJobHandlers } from '../../../src/use-cases/index';
import { COORDINATOR, createTestApp, TEMPLATES, type TestApp } from '../../helpers/app';
import { meetingWithAgenda } from '../../helpers/meetings';

let app: TestApp | null = null;
let thread: WorkThread | null = null;
afterEach(async () => {
  await thread?.stop();
  thread = null;
  app?.close();
  app = null;
});

/** A work thread on `databasePath`, its log lines kept, the commits it reports counted. */
function workThread(databasePath: string, clock: Clock, waiting?: Foreground, idleMs?: number) {
  const lines: { level: number; msg: string; thread?: string }[] = [];
  const committed = { count: 0 };
  const logger = createLogger('debug', (line) => void lines.push(JSON.parse(line)));
  const t = new WorkThread({
    databasePath, templatesDir: TEMPLATES, logLevel: waiting ? 'debug' : 'info', settings: { noticeDays: 7, minutesDays: 7 },
    clock, logger, onCommitted: () => committed.count++, ...(waiting ? { foreground: waiting.shared, giveWayMs: 60_000 } : {}),
    ...(idleMs !== undefined ? { idleMs } : {}),
  });
  return { thread: t, lines, committed };
}

/**
 * Resolves once every timer of `ms` set before this call has fired (Node fires timers of one length
 * in the order they were set): the moment a wait of `ms` the thread started earlier is over, under
 * any load, without waiting longer.
 */
const waitOf = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const local = (text: string, extra = {}) => ({ text, actor: { kind: 'local' as const, email: COORDINATOR }, ...extra });

describe('the work thread', () => {
  it('runs a command on its own connection at the instant of the bot clock, and says it committed', async () => {
    app = createTestApp();
    const w = workThread(app.dbPath, app.clock);
    thread = w.thread;
    const outcome = await thread.handle(local('/members add-observer guest@example.org Guest Observer'));
    expect(outcome.status).toBe('accepted');
    // The bot's own connection sees the commit: the member, and the audit entry at the fixed clock's instant.
    expect(app.db.prepare(`SELECT COUNT(*) AS n FROM people WHERE email = 'guest@example.org'`).get()).toEqual({ n: 1 });
    expect(app.db.prepare(`SELECT at FROM audit_log ORDER BY id DESC LIMIT 1`).get()).toEqual({ at: '2026-11-22T09:00:00.000Z' });
    expect(w.committed.count).toBe(1);
  });

  it('applies a retried delivery once and answers it the same', async () => {
    app = createTestApp();
    thread = workThread(app.dbPath, app.clock).thread;
    const command = local('/members add-observer twice@example.org Twice Observer', { deliveryId: 'slack:command:1.retry' });
    const first = await thread.handle(command);
    const again = await thread.handle(command);
    expect(again).toEqual(first);
    expect(app.db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE '%add-observer%'`).get()).toEqual({ n: 1 });
  });

  it('runs the due jobs of a tick at the instant the bot clock gives it', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    thread = workThread(app.dbPath, app.clock).thread;
    const scheduler = new Scheduler({
      db: app.db, clock: app.clock, handlers: buildJobHandlers(), renderer: app.renderer, settings: app.settings,
      sender: app.sender, logger: createLogger('silent'), runDueJobs: thread.runDueJobs,
    });
    expect((await scheduler.tick()).jobs).toEqual([]);
    app.clock.set('2026-11-21T09:00:00Z');
    const tick = await scheduler.tick();
    expect(tick.jobs.map((j) => j.kind)).toEqual(['meeting-notice-reminder']);
    // Queued by the thread, delivered on the bot's side by the tick's drain.
    expect(tick.delivery.sent).toBeGreaterThan(0);
    expect(jobsFor(app.db, 'meeting:1').find((j) => j.kind === 'meeting-notice-reminder')?.status).toBe('done');
  });

  it('is quiet for the bot\'s own writes only once a tick\'s jobs are done, whatever the wait for commands', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    thread = workThread(app.dbPath, app.clock).thread;
    expect((await thread.handle(local('/help'))).status).toBe('accepted');
    const lock = new Database(app.dbPath);
    lock.exec('BEGIN IMMEDIATE'); // the job waits for the write lock
    const order: string[] = [];
    const jobs = thread.runDueJobs(new Date('2026-11-21T09:00:00Z')).then((done) => order.push(`jobs ${done.length}`));
    const quiet = thread.quiet(10).then(() => order.push('quiet'));
    await waitOf(10); // the wait a command would get is over
    expect(order).toEqual([]);
    lock.exec('COMMIT');
    lock.close();
    await Promise.all([jobs, quiet]);
    expect(order).toEqual(['jobs 1', 'quiet']);
  });

  it('gives way before a tick\'s jobs while a request waits for its answer on the bot\'s loop', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    meetingWithAgenda(app, '2026-12-02', '10:00');
    const waiting = new Foreground();
    const w = workThread(app.dbPath, app.clock, waiting);
    thread = w.thread;
    const reminders = () => ['meeting:1', 'meeting:2'].map((ref) => jobsFor(app!.db, ref).find((j) => j.kind === 'meeting-notice-reminder')!.status);
    const givenWay = () => w.lines.filter((l) => l.msg.includes('gives way')).length;
    expect((await thread.handle(local('/help'))).status).toBe('accepted'); // the thread is up
    const answered = waiting.enter(); // a Slack request not yet acknowledged
    const jobs = thread.runDueJobs(new Date('2026-11-22T09:00:00Z'));
    await expect.poll(givenWay, { timeout: 30_000 }).toBe(1);
    expect(reminders()).toEqual(['pending', 'pending']);
    answered();
    expect((await jobs).length).toBe(2);
    expect(givenWay()).toBe(1);
    expect(reminders()).toEqual(['done', 'done']);
  });

  it('logs a thread that fails, answers what it was asked with a sentence, and starts a new one on the next request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convene-work-'));
    try {
      // A folder where the database file should be: the thread fails to open it and ends.
      const path = join(dir, 'convene.sqlite');
      mkdirSync(path);
      const w = workThread(path, { now: () => new Date('2026-11-22T09:00:00Z') });
      thread = w.thread;
      const help = { text: '/help', actor: { kind: 'local' as const } };
      const lost = await thread.handle(help);
      expect(lost).toMatchObject({ status: 'refused', reply: expect.stringContaining('went wrong on our side') });
      expect(w.lines.some((l) => l.level === 50 && l.msg.includes('the work thread failed'))).toBe(true);
      rmSync(path, { recursive: true });
      expect((await thread.handle(help)).status).toBe('accepted');
    } finally {
      await thread?.stop();
      thread = null;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends after a quiet spell, never while a tick\'s jobs are under way, and the next request starts it again', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    const w = workThread(app.dbPath, app.clock, undefined, 20);
    thread = w.thread;
    expect((await thread.handle(local('/help'))).status).toBe('accepted');
    await expect.poll(() => thread!.running, { timeout: 30_000 }).toBe(false);
    const lock = new Database(app.dbPath);
    lock.exec('BEGIN IMMEDIATE'); // the job waits for the write lock, far longer than the quiet spell
    const jobs = thread.runDueJobs(new Date('2026-11-21T09:00:00Z'));
    await waitOf(20); // the quiet spell is over
    expect(thread.running).toBe(true);
    lock.exec('COMMIT');
    lock.close();
    expect((await jobs).map((j) => j.kind)).toEqual(['meeting-notice-reminder']);
    await expect.poll(() => thread!.running, { timeout: 30_000 }).toBe(false);
    // Started again by a change: applied once, on the new thread's connection.
    expect((await thread.handle(local('/members add-observer again@example.org Again Observer'))).status).toBe('accepted');
    expect(app.db.prepare(`SELECT COUNT(*) AS n FROM people WHERE email = 'again@example.org'`).get()).toEqual({ n: 1 });
    expect(w.committed.count).toBe(1);
    expect(w.lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('stops after what it was asked, and refuses what is asked later', async () => {
    app = createTestApp();
    const w = workThread(app.dbPath, app.clock);
    thread = w.thread;
    const asked = thread.handle(local('/members add-observer late@example.org Late Observer'));
    await thread.stop();
    expect((await asked).status).toBe('accepted');
    expect((await thread.handle(local('/help'))).status).toBe('refused');
    expect(w.lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
