import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app';
import { PWG_PEOPLE, meetingWithAgenda, no, ok, pendingJobs } from '../../helpers/meetings';
import { auditOf } from '../../../src/store/audit';
import { jobsFor } from '../../../src/store/jobs';
import { meetingById } from '../../../src/store/meetings';

let app: TestApp;
afterEach(() => app?.close());

const COORDINATOR = 'coordinator@unhcr.example.org';

async function tickAt(iso: string) {
  app.clock.set(iso);
  return app.scheduler.tick();
}

describe('reminders to the coordinator while the notice is unsent', () => {
  it('come 3 days and 1 day before the deadline, then notice-missed with both ways forward', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    expect((await tickAt('2026-11-21T08:59:00Z')).jobs).toEqual([]);
    const first = await tickAt('2026-11-21T09:00:00Z');
    expect(first.jobs).toEqual([{ kind: 'meeting-notice-reminder', ref: 'meeting:1', late: false, note: 'reminded 1 coordinator: notice deadline in 3 days' }]);
    const reminder = app.email.to(COORDINATOR).at(-1)!;
    expect(reminder.payload.subject).toBe('Reminder: send the agenda of M1 by Tue 24 Nov 2026, 10:00 (Europe/Belgrade)');
    expect(reminder.payload.text).toContain('by Tue 24 Nov 2026, 10:00 (Europe/Belgrade), 3 days from now.');
    expect(reminder.payload.text).toContain('/meeting send M1');
    expect((await tickAt('2026-11-23T09:00:00Z')).jobs.map((j) => j.note)).toEqual(['reminded 1 coordinator: notice deadline in 1 day']);
    expect(app.email.to(COORDINATOR).at(-1)!.payload.text).toContain('by Tue 24 Nov 2026, 10:00 (Europe/Belgrade), 1 day from now.');
    expect(app.email.to(COORDINATOR).at(-1)!.payload.text).not.toContain('late');

    // The deadline minute itself still allows an on-time send: nothing happens at 10:00.
    expect((await tickAt('2026-11-24T09:00:00Z')).jobs).toEqual([]);
    const missed = await tickAt('2026-11-24T09:01:00Z');
    expect(missed.jobs[0]).toMatchObject({ kind: 'meeting-notice-missed', late: false });
    expect(meetingById(app.db, 1)!.status).toBe('notice-missed');
    const told = app.email.to(COORDINATOR).at(-1)!;
    expect(told.payload.subject).toBe('Notice missed: PWG meeting M1 on Tue 1 Dec 2026, 10:00 (Europe/Belgrade)');
    expect(told.payload.text).toContain('/meeting postpone M1 2026-12-02 10:00');
    expect(told.payload.text).toContain('/meeting send M1 urgent:"<reason>"');
    expect(app.email.sent.filter((m) => m.address !== COORDINATOR)).toHaveLength(0);
    expect(ok(app, '/meeting list')).toContain('notice missed (deadline 2026-11-24 10:00 Europe/Belgrade)');
  });

  it('stop once the notice is sent', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    const r = await tickAt('2026-11-25T09:00:00Z');
    expect(r.jobs).toEqual([]);
    expect(jobsFor(app.db, 'meeting:1').filter((j) => j.kind.startsWith('meeting-notice')).every((j) => j.status === 'cancelled')).toBe(true);
  });

  it('after downtime are each done once, marked late, and never twice', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    const late = await tickAt('2026-11-24T12:00:00Z');
    expect(late.jobs.map((j) => [j.kind, j.late])).toEqual([
      ['meeting-notice-reminder', true],
      ['meeting-notice-reminder', true],
      ['meeting-notice-missed', true],
    ]);
    // The deadline had passed: the reminders have nothing left to say, notice-missed says it.
    expect(auditOf(app.db, 1).filter((a) => a.action.startsWith('job meeting-')).map((a) => a.outcome)).toEqual(['skipped', 'skipped', 'done late']);
    const again = app.restart();
    expect((await again.scheduler.tick()).jobs).toEqual([]);
    again.close();
  });
});

describe('reminders to the coordinator after downtime (the notice deadline is Wed 25 Nov 10:00)', () => {
  // M1 on Wed 2 Dec 2026 10:00 Europe/Belgrade: deadline Wed 25 Nov 10:00 (09:00Z); reminders due
  // Sun 22 Nov 10:00 (3 days) and Tue 24 Nov 10:00 (1 day); notice-missed from 10:01 on the 25th.
  const coordinatorMail = () => app.email.to(COORDINATOR);

  it('woken after the deadline (26 Nov): no reminder saying the deadline is ahead; one notice-missed, marked late', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-02', '10:00');
    const r = await tickAt('2026-11-26T10:00:00Z');
    expect(r.jobs).toEqual([
      { kind: 'meeting-notice-reminder', ref: 'meeting:1', late: true, note: 'no reminder: the notice deadline of M1 has passed (notice-missed tells the coordinators)' },
      { kind: 'meeting-notice-reminder', ref: 'meeting:1', late: true, note: 'no reminder: the notice deadline of M1 has passed (notice-missed tells the coordinators)' },
      { kind: 'meeting-notice-missed', ref: 'meeting:1', late: true, note: 'M1 marked notice-missed; 1 coordinator told (earliest compliant date 2026-12-04)' },
    ]);
    const mails = coordinatorMail();
    expect(mails.map((m) => m.payload.subject)).toEqual(['Notice missed: PWG meeting M1 on Wed 2 Dec 2026, 10:00 (Europe/Belgrade)']);
    expect(mails[0]!.payload.text).toContain('did not go out by the notice deadline, Wed 25 Nov 2026, 10:00 (Europe/Belgrade)');
    expect(mails[0]!.payload.text).toContain('This message comes late: Convene was not running when the deadline passed.');
    expect(app.email.sent.map((m) => m.payload.text).join('\n')).not.toMatch(/from now/);
    expect(auditOf(app.db, 1).filter((a) => a.action.startsWith('job meeting-')).map((a) => a.outcome)).toEqual(['skipped', 'skipped', 'done late']);
    expect((await tickAt('2026-11-26T10:05:00Z')).jobs).toEqual([]);
    expect(coordinatorMail()).toHaveLength(1);
  });

  it('woken between the 1-day reminder and the deadline: only the later reminder goes, late, with the real time left', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-02', '10:00');
    const r = await tickAt('2026-11-24T12:00:00Z');
    expect(r.jobs).toEqual([
      { kind: 'meeting-notice-reminder', ref: 'meeting:1', late: true, note: 'a later reminder for M1 is due too; that one is sent instead' },
      { kind: 'meeting-notice-reminder', ref: 'meeting:1', late: true, note: 'reminded 1 coordinator: notice deadline in 21 hours' },
    ]);
    const mails = coordinatorMail();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload.subject).toBe('Reminder: send the agenda of M1 by Wed 25 Nov 2026, 10:00 (Europe/Belgrade)');
    expect(mails[0]!.payload.text).toContain('must reach members by Wed 25 Nov 2026, 10:00 (Europe/Belgrade), 21 hours from now.');
    expect(mails[0]!.payload.text).toContain('This reminder comes late: it was due on Tue 24 Nov 2026, 10:00 (Europe/Belgrade), when Convene was not running.');
    expect(mails[0]!.payload.text).not.toMatch(/days? from now/);
    // Nothing more until the deadline passes; then notice-missed, on time.
    expect((await tickAt('2026-11-25T09:00:00Z')).jobs).toEqual([]);
    expect((await tickAt('2026-11-25T09:01:00Z')).jobs.map((j) => [j.kind, j.late])).toEqual([['meeting-notice-missed', false]]);
    expect(coordinatorMail().map((m) => m.payload.subject.split(':')[0])).toEqual(['Reminder', 'Notice missed']);
    expect(coordinatorMail()[1]!.payload.text).not.toContain('comes late');
  });

  it('woken hours after the 3-day reminder fell due: it goes late, counting the time left from now', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-02', '10:00');
    const r = await tickAt('2026-11-22T15:30:00Z');
    expect(r.jobs).toEqual([{ kind: 'meeting-notice-reminder', ref: 'meeting:1', late: true, note: 'reminded 1 coordinator: notice deadline in 2 days and 17 hours' }]);
    const text = coordinatorMail()[0]!.payload.text;
    expect(text).toContain('by Wed 25 Nov 2026, 10:00 (Europe/Belgrade), 2 days and 17 hours from now.');
    expect(text).toContain('This reminder comes late: it was due on Sun 22 Nov 2026, 10:00 (Europe/Belgrade)');
    // The 1-day reminder still comes, on time, once.
    expect((await tickAt('2026-11-24T09:00:00Z')).jobs.map((j) => [j.note, j.late])).toEqual([['reminded 1 coordinator: notice deadline in 1 day', false]]);
    expect(coordinatorMail()).toHaveLength(2);
  });

  it('count calendar days across a DST change: 3 days before a deadline after the clocks go back is "3 days"', async () => {
    // M1 on Tue 9 Nov 2027 10:00: deadline Tue 2 Nov 10:00 CET (09:00Z); its 3-day reminder is Sat 30 Oct
    // 10:00 CEST (08:00Z), before the clocks go back on the 31st: 73 hours, but 3 days on the wall clock.
    app = createTestApp({ now: '2027-10-01T09:00:00Z' });
    meetingWithAgenda(app, '2027-11-09', '10:00');
    const r = await tickAt('2027-10-30T08:00:00Z');
    expect(r.jobs.map((j) => j.note)).toEqual(['reminded 1 coordinator: notice deadline in 3 days']);
  });
});

describe('a notice-missed meeting', () => {
  it('can be postponed to the earliest compliant date and then sent on time', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    await tickAt('2026-11-24T09:01:00Z');
    expect(no(app, '/meeting postpone M1 2026-12-01 09:00').reply).toContain('Earliest compliant date: 2026-12-02.');
    expect(ok(app, '/meeting postpone M1 2026-12-02 10:00')).toContain('Its notice has not gone out yet. New notice deadline: Wed 25 Nov 2026, 10:00');
    expect(meetingById(app.db, 1)!.status).toBe('scheduled');
    expect(ok(app, '/meeting send M1')).toContain('on time for the notice deadline Wed 25 Nov 2026, 10:00');
  });

  it('can be held at short notice with /meeting send <id> urgent:"<reason>"', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    await tickAt('2026-11-24T09:01:00Z');
    ok(app, '/meeting send M1 urgent:"Government deadline on 4 December"');
    expect(meetingById(app.db, 1)).toMatchObject({ status: 'noticed', urgentReason: 'Government deadline on 4 December' });
    expect(ok(app, '/exercise status')).toContain('short notice: Government deadline on 4 December');
  });
});

describe('the reminder to members the day before', () => {
  it('goes to everyone the meeting was noticed to, late after downtime, and the meeting is then recorded as held', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00', 'duration:90');
    ok(app, '/meeting send M1');
    await app.sender.drain();
    const before = app.email.sent.length;
    const r = await tickAt('2026-11-30T09:30:00Z');
    expect(r.jobs).toEqual([{ kind: 'meeting-member-reminder', ref: 'meeting:1', late: true, note: 'reminded 14 people of M1 on Tue 1 Dec 2026, 10:00 (Europe/Belgrade)' }]);
    expect(app.email.sent.length - before).toBe(PWG_PEOPLE);
    const kas = app.email.to('focal@kas.example.org').at(-1)!;
    expect(kas.payload.subject).toBe('Tomorrow: PWG meeting M1, Tue 1 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(kas.payload.text).toContain('A reminder: the Profiling Working Group meets tomorrow, in 23 hours and 30 minutes.');
    expect(kas.payload.text).toContain('This reminder comes late: it was due on Mon 30 Nov 2026, 10:00 (Europe/Belgrade), when Convene was not running.');
    expect(kas.payload.text).toContain('1. Review of the draft TOR');
    expect((await tickAt('2026-12-01T10:29:00Z')).jobs).toEqual([]);
    expect((await tickAt('2026-12-01T10:30:00Z')).jobs.map((j) => j.note)).toEqual(['M1 recorded as held']);
    expect(meetingById(app.db, 1)!.status).toBe('held');
    expect(no(app, '/meeting postpone M1 2026-12-20 10:00').reply).toContain('M1 was held on Tue 1 Dec 2026, 10:00');
  });

  it('on time, says tomorrow and 24 hours, and nothing about being late', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    await tickAt('2026-11-30T09:00:00Z');
    const kas = app.email.to('focal@kas.example.org').at(-1)!;
    expect(kas.payload.subject).toMatch(/^Tomorrow: /);
    expect(kas.payload.text).toContain('meets tomorrow, in 1 day.');
    expect(kas.payload.text).not.toContain('late');
  });

  it('run late on the meeting day, says today and the hours left, not "tomorrow"', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    await app.sender.drain();
    const before = app.email.sent.length;
    const r = await tickAt('2026-12-01T07:00:00Z'); // 08:00 in Belgrade
    expect(r.jobs).toEqual([{ kind: 'meeting-member-reminder', ref: 'meeting:1', late: true, note: 'reminded 14 people of M1 on Tue 1 Dec 2026, 10:00 (Europe/Belgrade) (today, in 2 hours)' }]);
    expect(app.email.sent.length - before).toBe(PWG_PEOPLE);
    const kas = app.email.to('focal@kas.example.org').at(-1)!;
    expect(kas.payload.subject).toBe('Today: PWG meeting M1, Tue 1 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(kas.payload.text).toContain('A reminder: the Profiling Working Group meets today, in 2 hours.');
    expect(kas.payload.text).toContain('This reminder comes late: it was due on Mon 30 Nov 2026, 10:00 (Europe/Belgrade)');
    expect(app.email.sent.slice(before).some((m) => /tomorrow/i.test(m.payload.subject + m.payload.text))).toBe(false);
  });

  it('run after the meeting started, is skipped with a note and sends nothing', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    await app.sender.drain();
    const before = app.email.sent.length;
    const r = await tickAt('2026-12-01T09:15:00Z');
    expect(r.jobs).toEqual([{ kind: 'meeting-member-reminder', ref: 'meeting:1', late: true, note: 'no reminder: M1 has started' }]);
    expect(app.email.sent.length).toBe(before);
    expect(auditOf(app.db, 1).filter((a) => a.action === 'job meeting-member-reminder').map((a) => a.outcome)).toEqual(['skipped']);
  });

  it('is not sent for a meeting that was never noticed, which is not recorded as held either', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    const r = await tickAt('2026-12-02T09:00:00Z');
    expect(r.jobs.filter((j) => j.kind === 'meeting-member-reminder' || j.kind === 'meeting-held').map((j) => j.note)).toEqual([
      'no reminder: M1 is notice-missed',
      'M1 is notice-missed, not recorded as held',
    ]);
    expect(app.email.sent.every((m) => m.address === COORDINATOR)).toBe(true);
  });
});

describe('a member added after the notice went out', () => {
  it('gets it on the next tick, once, recorded as sent on joining; late for them after the deadline', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    await app.sender.drain();
    ok(app, '/members add-focal KAS second@kas.example.org Drita Leka');
    const r = await tickAt('2026-11-12T09:00:00Z');
    expect(r.jobs).toEqual([{ kind: 'meeting-catch-up', ref: 'meeting:1', late: false, note: "sent M1's notice to second@kas.example.org, added after it went out" }]);
    const got = app.email.to('second@kas.example.org');
    expect(got).toHaveLength(1);
    expect(got[0]!.payload.text).toContain('You joined the group after this invitation went out on Tue 10 Nov 2026, 10:00 (Europe/Belgrade)');
    expect(got[0]!.payload.calendar?.method).toBe('REQUEST');
    expect((await tickAt('2026-11-12T09:01:00Z')).jobs).toEqual([]);

    ok(app, '/members add-org WFP World Food Programme');
    ok(app, '/members add-focal WFP focal@wfp.example.org Ana Silva');
    const lateJoin = await tickAt('2026-11-26T09:00:00Z');
    expect(lateJoin.jobs).toEqual([{ kind: 'meeting-catch-up', ref: 'meeting:1', late: true, note: "sent M1's notice to focal@wfp.example.org, added after it went out (after the deadline)" }]);
    const notices = ok(app, '/meeting notices M1');
    expect(notices).toContain('10 of 11 organisations reached by the deadline');
    expect(notices).toMatch(/Not reached by the deadline \(1\):\nWFP: reached late, 2026-11-26 10:00 Europe\/Belgrade/);
    expect(notices).toContain('v1 invitation (sent on joining), e-mail focal@wfp.example.org: handed over 2026-11-26 10:00 Europe/Belgrade, late');
    expect(notices).toContain('v1 invitation (sent on joining), e-mail second@kas.example.org: handed over 2026-11-12 10:00 Europe/Belgrade, on time');
    expect(auditOf(app.db, 1).filter((a) => a.action === 'sweep meeting-catch-up').map((a) => a.outcome)).toEqual(['done', 'done late']);
  });

  it('gets nothing for a cancelled or past meeting', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    ok(app, '/meeting cancel M1 no quorum');
    ok(app, '/members add-focal KAS second@kas.example.org Drita Leka');
    expect((await tickAt('2026-11-12T09:00:00Z')).jobs).toEqual([]);
    expect(app.email.to('second@kas.example.org')).toHaveLength(0);
  });
});

describe('postponing and cancelling re-plan the jobs', () => {
  it('moves reminders with the meeting and drops them on cancellation', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting postpone M1 2026-12-08 10:00');
    expect(pendingJobs(app.db, 'M1')).toEqual([
      { kind: 'meeting-notice-reminder', dueAt: '2026-11-28T09:00:00.000Z' },
      { kind: 'meeting-notice-reminder', dueAt: '2026-11-30T09:00:00.000Z' },
      { kind: 'meeting-notice-missed', dueAt: '2026-12-01T09:01:00.000Z' },
      { kind: 'meeting-member-reminder', dueAt: '2026-12-07T09:00:00.000Z' },
      { kind: 'meeting-held', dueAt: '2026-12-08T11:00:00.000Z' },
    ]);
    ok(app, '/meeting cancel M1 the draft is not ready');
    expect(pendingJobs(app.db, 'M1')).toEqual([]);
  });
});
