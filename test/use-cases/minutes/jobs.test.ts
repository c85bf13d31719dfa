import { afterEach, describe, expect, it } from 'vitest';
import { COORDINATOR, createTestApp, type TestApp } from '../../helpers/app';
import { meetingWithAgenda, ok } from '../../helpers/meetings';
import { FOCAL } from '../../helpers/endorsements';
import { meetingUnderWay, minutesMessages, tickAt } from '../../helpers/minutes';
import { jobsFor } from '../../../src/store/jobs';
import { outboxByRef } from '../../../src/store/outbox';
import { auditOf } from '../../../src/store/audit';

let app: TestApp;
afterEach(() => app?.close());

const pending = (ref: string) => jobsFor(app.db, ref).filter((j) => j.status === 'pending').map((j) => `${j.kind} ${j.dueAt}`);

describe('the reminder to publish the minutes', () => {
  it('comes on the due date and every two days while overdue, and stops the moment they are published', async () => {
    app = createTestApp();
    await meetingUnderWay(app);
    ok(app, '/minutes note M1 Opening');
    const held = await tickAt(app, '2026-12-01T11:00:00Z');
    expect(held.jobs.filter((j) => j.kind === 'meeting-held').map((j) => j.note)).toEqual(['M1 recorded as held']);
    expect(pending('minutes:1')).toEqual(['minutes-reminder 2026-12-08T08:00:00.000Z']);

    expect((await tickAt(app, '2026-12-08T07:59:00Z')).jobs).toEqual([]);
    const due = await tickAt(app, '2026-12-08T08:00:00Z');
    expect(due.jobs).toEqual([{ kind: 'minutes-reminder', ref: 'minutes:1', late: false, note: 'reminded 1 coordinator: minutes of M1 due today (due 2026-12-08)' }]);
    const today = app.email.to(COORDINATOR).at(-1)!;
    expect(today.payload.subject).toBe('Minutes of M1 are due today: Agree the TOR');
    expect(today.payload.text).toContain('are due today, 2026-12-08: under the TOR, minutes are shared with all members in a timely fashion, here within 7 days of the meeting.');
    expect(today.payload.text).toContain('1 note is captured so far.');
    expect(pending('minutes:1')).toEqual(['minutes-reminder 2026-12-10T08:00:00.000Z']);

    expect((await tickAt(app, '2026-12-09T08:00:00Z')).jobs).toEqual([]);
    expect((await tickAt(app, '2026-12-10T08:00:00Z')).jobs.map((j) => j.note)).toEqual(['reminded 1 coordinator: minutes of M1 2 days overdue (due 2026-12-08)']);
    expect(app.email.to(COORDINATOR).at(-1)!.payload.subject).toBe('Overdue: the minutes of M1 were due on 2026-12-08: Agree the TOR');
    expect(ok(app, '/exercise status')).toContain('Overdue minutes (1):\n- M1 PWG "Agree the TOR": not published, 2 days overdue (due 2026-12-08). /minutes publish M1');

    app.clock.set('2026-12-11T10:00:00Z');
    ok(app, '/minutes publish M1');
    expect(pending('minutes:1')).toEqual([]);
    expect((await tickAt(app, '2026-12-20T08:00:00Z')).jobs).toEqual([]);
    expect(minutesMessages(app, 'M1', 'minutes-reminder').map((m) => m.address)).toEqual([COORDINATOR, COORDINATOR]);
    expect(ok(app, '/exercise status')).toContain('Overdue minutes: none.');
    expect(ok(app, '/exercise status')).toContain('- tor: M1 minuted: yes, published 2026-12-11 late (due 2026-12-08)');
  });

  it('after downtime is sent once, late, and never twice across a restart', async () => {
    app = createTestApp();
    await meetingUnderWay(app);
    // Down from before the meeting ended until the 15th.
    const first = await tickAt(app, '2026-12-15T09:00:00Z');
    expect(first.jobs.filter((j) => j.kind !== 'meeting-member-reminder').map((j) => [j.kind, j.late])).toEqual([['meeting-held', true]]);
    const second = await tickAt(app, '2026-12-15T09:00:30Z');
    expect(second.jobs).toEqual([{ kind: 'minutes-reminder', ref: 'minutes:1', late: true, note: 'reminded 1 coordinator: minutes of M1 7 days overdue (due 2026-12-08)' }]);
    expect(app.email.to(COORDINATOR).at(-1)!.payload.text).toContain('Nothing is captured yet.');
    expect(pending('minutes:1')).toEqual(['minutes-reminder 2026-12-16T08:00:00.000Z']);
    expect(auditOf(app.db, 1).filter((a) => a.action === 'job minutes-reminder').map((a) => a.outcome)).toEqual(['done late']);
    const again = app.restart();
    expect((await again.scheduler.tick()).jobs).toEqual([]);
    expect(outboxByRef(again.db, 'minutes:1')).toHaveLength(1);
    again.close();
  });

  it('is not planned for a meeting whose notice never went out (it is not recorded as held)', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    await tickAt(app, '2026-12-20T09:00:00Z');
    await tickAt(app, '2026-12-20T09:01:00Z');
    expect(jobsFor(app.db, 'minutes:1')).toEqual([]);
    expect(minutesMessages(app, 'M1')).toEqual([]);
  });
});

describe('the reminders of an action item', () => {
  it("reach the owner's focal points two days before and on the due date, and stop when it is done", async () => {
    app = createTestApp();
    await meetingUnderWay(app);
    ok(app, '/minutes action M1 UNHCR 2026-12-10 Circulate the revised TOR');
    ok(app, '/minutes action M1 KAS 2026-12-10 Share the sampling frame');
    const before = await tickAt(app, '2026-12-08T08:00:00Z');
    expect(before.jobs.filter((j) => j.kind === 'action-reminder').map((j) => j.note)).toEqual([
      'reminded 2 focal points of UNHCR: A1 due in 2 days',
      'reminded 1 focal point of KAS: A2 due in 2 days',
    ]);
    const kas = app.email.to(FOCAL.KAS).at(-1)!;
    expect(kas.payload.subject).toBe('[PWG] Action item A2 of KAS is due in 2 days (2026-12-10)');
    expect(kas.payload.text).toContain('At the PWG meeting M1 "Agree the TOR", KAS took on this action item:\n\n  A2: Share the sampling frame');
    expect(kas.payload.text).toContain('/minutes done A2');
    expect(app.email.to('protection@unhcr.example.org').at(-1)!.payload.subject).toContain('A1 of UNHCR');

    app.clock.set('2026-12-09T10:00:00Z');
    expect(ok(app, '/minutes done A2', FOCAL.KAS)).toBe('A2 (KAS, due 2026-12-10, from M1) is done ("Share the sampling frame"). Its 1 pending reminder will not be sent.');
    const onTheDay = await tickAt(app, '2026-12-10T08:00:00Z');
    expect(onTheDay.jobs.filter((j) => j.kind === 'action-reminder').map((j) => j.note)).toEqual(['reminded 2 focal points of UNHCR: A1 due today']);
    expect(app.email.to(FOCAL.UNHCR).at(-1)!.payload.subject).toBe('[PWG] Action item A1 of UNHCR is due today (2026-12-10)');
    expect(app.email.to(FOCAL.KAS).filter((m) => m.payload.subject.includes('Action item'))).toHaveLength(1);
    expect(ok(app, '/exercise status')).toContain('Action items: 1 open, 0 overdue.');
    app.clock.set('2026-12-11T08:00:00Z');
    expect(ok(app, '/exercise status')).toContain('Action items: 1 open, 1 overdue:\n- A1 UNHCR, due 2026-12-10, 1 day overdue: Circulate the revised TOR');
  });

  it('after downtime send only the on-the-day reminder, and say when an owner has no focal point', async () => {
    app = createTestApp();
    await meetingUnderWay(app);
    ok(app, '/minutes action M1 KAS 2026-12-10 Share the sampling frame');
    ok(app, '/minutes action M1 SCR 2026-12-20 Send the registration figures');
    ok(app, '/members remove-focal SCR focal@scr.example.org');
    const late = await tickAt(app, '2026-12-10T12:00:00Z');
    expect(late.jobs.filter((j) => j.kind === 'action-reminder').map((j) => [j.late, j.note])).toEqual([
      [true, 'a later reminder for A1 is due too; that one is sent instead'],
      [true, 'reminded 1 focal point of KAS: A1 due today'],
    ]);
    const scr = await tickAt(app, '2026-12-18T08:00:00Z');
    expect(scr.jobs.filter((j) => j.kind === 'action-reminder').map((j) => j.note)).toEqual(['A2: SCR has no focal point; nobody could be reminded']);
  });

  it('captured after 09:00 on its due date, is reminded at once; captured the day before, only on the day; the reply names only those', async () => {
    app = createTestApp();
    await meetingUnderWay(app);
    app.clock.set('2026-12-01T11:30:00Z'); // 12:30 in Belgrade, after the meeting
    expect(ok(app, '/minutes action M1 IOM 2026-12-01 due today')).toBe(
      "Action item A1 for IOM, due 2026-12-01, captured in M1's minutes. IOM's focal points are reminded now, as it is due today, until it is marked done (/minutes done).",
    );
    expect(pending('action:1')).toEqual(['action-reminder 2026-12-01T11:30:00.000Z']);
    expect(ok(app, '/minutes action M1 KAS 2026-12-02 due tomorrow')).toBe(
      "Action item A2 for KAS, due 2026-12-02, captured in M1's minutes. KAS's focal points are reminded on the day (two days before has passed), until it is marked done (/minutes done).",
    );
    expect(pending('action:2')).toEqual(['action-reminder 2026-12-02T08:00:00.000Z']);
    const now = await tickAt(app, '2026-12-01T11:31:00Z');
    expect(now.jobs.filter((j) => j.kind === 'action-reminder').map((j) => [j.late, j.note])).toEqual([[false, 'reminded 1 focal point of IOM: A1 due today']]);
    expect(app.email.to(FOCAL.IOM).at(-1)!.payload.subject).toBe('[PWG] Action item A1 of IOM is due today (2026-12-01)');
  });
});
