import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { COORDINATOR, createTestApp, TEMPLATES, type TestApp } from '../helpers/app';
import { meetingWithAgenda } from '../helpers/meetings';
import { silentLogger } from '../../src/logger';
import { TemplateRenderer } from '../../src/render/renderer';
import { Scheduler } from '../../src/scheduler/tick';
import { JOB_FAILING_AFTER } from '../../src/scheduler/failed-job';
import { auditOf } from '../../src/store/audit';
import { jobsFor, scheduleJob } from '../../src/store/jobs';
import { openDatabase } from '../../src/store/db';
import { migrations } from '../../src/store/migrations';
import { buildJobHandlers } from '../../src/use-cases/index';

let app: TestApp;
afterEach(() => app?.close());

/** A scheduler with the real handlers plus `broken`, which throws until `fixed` is set. */
function schedulerWithBrokenJob(a: TestApp): { scheduler: Scheduler; fix(): void } {
  let fixed = false;
  const handlers = buildJobHandlers().register('broken', () => {
    if (!fixed) throw new Error('the template of this job cannot be read');
    return { note: 'done at last' };
  });
  const scheduler = new Scheduler({
    db: a.db, clock: a.clock, handlers, renderer: new TemplateRenderer(TEMPLATES),
    settings: { noticeDays: 7, minutesDays: 7 }, sender: a.sender, logger: silentLogger,
  });
  return { scheduler, fix: () => (fixed = true) };
}

describe('a scheduled job that throws', () => {
  it('is recorded and retried with back-off while the jobs due after it run; it happens once, late, when it succeeds', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00'); // notice reminder due 2026-11-21T09:00Z
    scheduleJob(app.db, { exerciseId: 1, kind: 'broken', ref: 'meeting:1', dueAt: '2026-11-20T09:00:00.000Z' });
    const { scheduler, fix } = schedulerWithBrokenJob(app);

    app.clock.set('2026-11-21T09:00:00Z');
    const first = await scheduler.tick();
    expect(first.jobs.map((j) => j.kind)).toEqual(['meeting-notice-reminder']);
    const broken = () => jobsFor(app.db, 'meeting:1').find((j) => j.kind === 'broken')!;
    expect(broken()).toMatchObject({ status: 'pending', attempts: 1, runAt: '2026-11-21T09:00:30.000Z', lastError: 'the template of this job cannot be read' });
    expect(auditOf(app.db, 1).filter((a) => a.action === 'job broken').map((a) => [a.outcome, a.detail?.['attempt']])).toEqual([['failed', 1]]);

    app.clock.set('2026-11-21T09:00:10Z');
    expect((await scheduler.tick()).jobs).toEqual([]);
    expect(broken().attempts).toBe(1); // not tried before its back-off ran out

    app.clock.set('2026-11-21T09:00:30Z');
    await scheduler.tick();
    expect(broken()).toMatchObject({ attempts: 2, runAt: '2026-11-21T09:01:30.000Z' });
    const told = () => app.email.sent.filter((m) => m.payload.subject.startsWith('A scheduled job keeps failing'));
    expect(told()).toEqual([]);

    app.clock.set('2026-11-21T09:01:30Z');
    await scheduler.tick();
    expect(broken().attempts).toBe(JOB_FAILING_AFTER);
    expect(told().map((m) => m.address)).toEqual([COORDINATOR]);
    expect(told()[0]!.payload.text).toContain('has failed 3 times in a row');
    expect(told()[0]!.payload.text).toContain('Error:     the template of this job cannot be read');

    app.clock.set('2026-11-21T09:03:30Z');
    await scheduler.tick();
    expect(broken().attempts).toBe(4);
    expect(told()).toHaveLength(1); // once per job

    fix();
    app.clock.set('2026-11-21T09:20:00Z');
    const last = await scheduler.tick();
    expect(last.jobs).toEqual([{ kind: 'broken', ref: 'meeting:1', late: true, note: 'done at last' }]);
    expect(broken()).toMatchObject({ status: 'done', late: true });
    app.clock.set('2026-11-22T09:00:00Z');
    expect((await scheduler.tick()).jobs).toEqual([]);
  });
});

describe('an idle tick', () => {
  it('only reads: it runs while another process holds the write lock', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    app.run('/members list'); // nothing due: the first reminder is on the 21st
    const other = new Database(app.dbPath);
    other.exec('BEGIN IMMEDIATE');
    try {
      const r = await app.scheduler.tick();
      expect(r).toEqual({ jobs: [], delivery: { sent: 0, retrying: 0, failed: 0 } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

describe('a tick after idle ones', () => {
  it('runs what another process planned meanwhile, and what fell due as the clock moved', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    expect((await app.scheduler.tick()).jobs).toEqual([]);
    expect((await app.scheduler.tick()).jobs).toEqual([]);
    const other = openDatabase(app.dbPath);
    scheduleJob(other, { exerciseId: 1, kind: 'meeting-held', ref: 'meeting:1', dueAt: '2026-11-10T08:00:00.000Z' });
    other.close();
    expect((await app.scheduler.tick()).jobs.map((j) => j.note)).toEqual(['M1 is scheduled, not recorded as held']);
    app.clock.set('2026-11-21T09:00:00Z');
    expect((await app.scheduler.tick()).jobs.map((j) => j.kind)).toEqual(['meeting-notice-reminder']);
  });
});

describe('a database from before events planned the sweeps (migration 8)', () => {
  it('plans the first minutes reminder of a meeting held before the upgrade', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convene-tick-'));
    const old = openDatabase(join(dir, 'convene.sqlite'), { migrations: migrations.filter((m) => m.version <= 4) });
    old.exec(`
      INSERT INTO exercises (slug, name, time_zone, notice_days, minutes_days, created_at) VALUES ('k', 'Kosovo 2014', 'Europe/Belgrade', 7, 7, '2026-11-01T00:00:00Z');
      INSERT INTO people (email, name, created_at) VALUES ('${COORDINATOR}', 'Profiling Coordinator', '2026-11-01T00:00:00Z');
      INSERT INTO memberships (exercise_id, person_id, role, added_at) VALUES (1, 1, 'coordinator', '2026-11-01T00:00:00Z');
      INSERT INTO meetings (exercise_id, grp, title, starts_at, duration_minutes, status, notice_deadline, organizer_person_id, created_at, updated_at)
        VALUES (1, 'PWG', 'Agree the TOR', '2026-12-01T09:00:00.000Z', 120, 'held', '2026-11-24T09:00:00.000Z', 1, '2026-11-01T00:00:00Z', '2026-12-01T11:00:00Z');
    `);
    old.close();
    app = createTestApp({ dir, example: null, now: '2026-12-02T09:00:00Z' });
    expect((await app.scheduler.tick()).jobs).toEqual([]);
    expect(jobsFor(app.db, 'minutes:1').map((j) => [j.kind, j.status, j.dueAt])).toEqual([['minutes-reminder', 'pending', '2026-12-08T08:00:00.000Z']]);
    app.clock.set('2026-12-08T08:00:00Z');
    expect((await app.scheduler.tick()).jobs.map((j) => j.note)).toEqual(['reminded 1 coordinator: minutes of M1 due today (due 2026-12-08)']);
    app.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
