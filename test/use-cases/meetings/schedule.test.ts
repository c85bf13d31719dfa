import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, snapshot, type TestApp } from '../../helpers/app';
import { no, ok, pendingJobs } from '../../helpers/meetings';
import { meetingById } from '../../../src/store/meetings';
import { auditOf } from '../../../src/store/audit';
import { setUpExercise } from '../../../src/use-cases/exercise/init-exercise';

let app: TestApp;
afterEach(() => app?.close());

describe('/meeting schedule', () => {
  it('schedules a key meeting with its deadline, and plans the reminders as rows in jobs', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    const reply = ok(app, '/meeting schedule PWG 2026-12-01 10:00 Agree the TOR milestone:tor where:"UNHCR office, Pristina" duration:90');
    expect(reply).toContain('Scheduled M1: PWG meeting "Agree the TOR" on Tue 1 Dec 2026, 10:00 (Europe/Belgrade), 90 minutes, at UNHCR office, Pristina, key meeting: tor.');
    expect(reply).toContain('Notice deadline: Tue 24 Nov 2026, 10:00 (Europe/Belgrade)');
    const m = meetingById(app.db, 1)!;
    expect(m).toMatchObject({ group: 'PWG', status: 'scheduled', milestone: 'tor', place: 'UNHCR office, Pristina', durationMinutes: 90, urgentReason: null, sequence: 0 });
    expect(m.startsAt.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(m.noticeDeadline.toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect(pendingJobs(app.db, 'M1')).toEqual([
      { kind: 'meeting-notice-reminder', dueAt: '2026-11-21T09:00:00.000Z' },
      { kind: 'meeting-notice-reminder', dueAt: '2026-11-23T09:00:00.000Z' },
      { kind: 'meeting-notice-missed', dueAt: '2026-11-24T09:01:00.000Z' },
      { kind: 'meeting-member-reminder', dueAt: '2026-11-30T09:00:00.000Z' },
      { kind: 'meeting-held', dueAt: '2026-12-01T10:30:00.000Z' },
    ]);
    expect(auditOf(app.db, 1).at(-1)).toMatchObject({ action: 'meeting schedule', outcome: 'accepted' });
  });

  it('keeps the deadline on the same wall-clock time across both DST changes of Europe/Belgrade', () => {
    app = createTestApp({ now: '2027-03-01T09:00:00Z' });
    ok(app, '/meeting schedule PWG 2027-04-01 10:00 Spring meeting');
    expect(meetingById(app.db, 1)!.noticeDeadline.toISOString()).toBe('2027-03-25T09:00:00.000Z'); // 10:00 CET, meeting at 10:00 CEST
    app.clock.set('2027-10-01T09:00:00Z');
    ok(app, '/meeting schedule PWG 2027-11-03 10:00 Autumn meeting');
    expect(meetingById(app.db, 2)!.noticeDeadline.toISOString()).toBe('2027-10-27T08:00:00.000Z'); // 10:00 CEST, meeting at 10:00 CET
  });

  it('accepts a meeting at the deadline minute itself and refuses it one minute later, naming the earliest compliant date', () => {
    app = createTestApp({ now: '2027-03-25T09:00:00Z' });
    expect(ok(app, '/meeting schedule PWG 2027-04-01 10:00 Just in time')).toContain('Notice deadline: Thu 25 Mar 2027, 10:00');
    app.clock.set('2027-03-25T09:01:00Z');
    const before = snapshot(app.db);
    const r = no(app, '/meeting schedule PWG 2027-04-01 10:00 One minute late');
    expect(r.code).toBe('rule');
    expect(r.reply).toBe(
      'The PWG meeting on 2027-04-01 needs its agenda sent by 2027-03-25 10:00 Europe/Belgrade; that has passed. Earliest compliant date: 2027-04-02. Add urgent:"<reason>" to hold it at short notice.',
    );
    expect(snapshot(app.db)).toBe(before);
  });

  it('holds a meeting at short notice with urgent:"<reason>", records the reason and plans no notice reminders', () => {
    app = createTestApp({ now: '2026-11-26T09:00:00Z' });
    const reply = ok(app, '/meeting schedule PWG 2026-11-30 14:00 Flood response urgent:"Floods in Mitrovica: partners must agree on data collection now"');
    expect(reply).toContain('Short notice (Floods in Mitrovica: partners must agree on data collection now)');
    expect(meetingById(app.db, 1)!.urgentReason).toBe('Floods in Mitrovica: partners must agree on data collection now');
    expect(pendingJobs(app.db, 'M1').map((j) => j.kind)).toEqual(['meeting-member-reminder', 'meeting-held']);
    expect(auditOf(app.db, 1).at(-1)!.detail).toMatchObject({ urgentReason: 'Floods in Mitrovica: partners must agree on data collection now' });
  });

  it('does not record urgent: when the notice can still be on time', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    expect(ok(app, '/meeting schedule PWG 2026-12-01 10:00 Calm meeting urgent:"just in case"')).toContain('urgent: was not needed');
    expect(meetingById(app.db, 1)!.urgentReason).toBeNull();
  });

  it('uses the exercise\'s own notice period (NOTICE_DAYS other than 7)', () => {
    app = createTestApp({ now: '2027-03-01T09:00:00Z', example: null });
    const r = setUpExercise(app.db, { name: 'Ten days', timeZone: 'Europe/Belgrade', noticeDays: 10, minutesDays: 7, coordinator: { email: 'coordinator@unhcr.example.org', name: 'C' } }, app.clock.now(), 'test');
    expect(r.ok).toBe(true);
    ok(app, '/meeting schedule PWG 2027-04-01 10:00 Ten days ahead');
    expect(meetingById(app.db, 1)!.noticeDeadline.toISOString()).toBe('2027-03-22T09:00:00.000Z');
    app.clock.set('2027-03-22T09:01:00Z');
    expect(no(app, '/meeting schedule PWG 2027-04-01 10:00 Too late').reply).toContain('sent by 2027-03-22 10:00 Europe/Belgrade; that has passed. Earliest compliant date: 2027-04-02.');
  });

  it.each([
    ['a date in the past', '/meeting schedule PWG 2026-11-01 10:00 Yesterday', 'rule', '2026-11-01 10:00 Europe/Belgrade is in the past'],
    ['a time that does not exist (spring forward)', '/meeting schedule PWG 2027-03-28 02:30 Night', 'rule', '2027-03-28 02:30 does not exist in Europe/Belgrade: clocks go forward from 02:00 to 03:00 that night. Use 01:30 or 03:30.'],
    ['a time that happens twice (fall back)', '/meeting schedule PWG 2027-10-31 02:30 Night', 'rule', '2027-10-31 02:30 happens twice in Europe/Belgrade: clocks go back from 03:00 to 02:00 that night. Write 02:30+02:00 for the first (summer time) or 02:30+01:00 for the second.'],
    ['an impossible date', '/meeting schedule PWG 2026-02-30 10:00 Never', 'bad-argument', '2026-02-30 is not a date: February 2026 has 28 days.'],
    ['an unknown group', '/meeting schedule XYZ 2027-01-20 10:00 Who', 'bad-argument', 'The group is PWG'],
    ['an unknown milestone', '/meeting schedule PWG 2027-01-20 10:00 T milestone:launch', 'bad-argument', 'The milestone is one of: tor, methodology, findings, report.'],
    ['a milestone on a PMG meeting', '/meeting schedule PMG 2027-01-20 10:00 T milestone:tor', 'rule', 'key meetings of the TOR (tor) are meetings of the whole PWG'],
    ['a duration of 0', '/meeting schedule PWG 2027-01-20 10:00 T duration:0', 'bad-argument', 'A duration of 0 minutes is out of range: a meeting lasts 5 to 1440 minutes (24 hours), e.g. duration:90.'],
    ['a duration of 4', '/meeting schedule PWG 2027-01-20 10:00 T duration:4', 'bad-argument', 'A duration of 4 minutes is out of range: a meeting lasts 5 to 1440 minutes (24 hours)'],
    ['a duration of 1441', '/meeting schedule PWG 2027-01-20 10:00 T duration:1441', 'bad-argument', 'A duration of 1441 minutes is out of range: a meeting lasts 5 to 1440 minutes (24 hours)'],
    ['a duration of 100000', '/meeting schedule PWG 2027-01-20 10:00 T duration:100000', 'bad-argument', 'A duration of 100000 minutes is out of range: a meeting lasts 5 to 1440 minutes (24 hours), e.g. duration:90.'],
    ['a duration of 30 digits', `/meeting schedule PWG 2027-01-20 10:00 T duration:${'9'.repeat(30)}`, 'bad-argument', 'A duration of 999999999999... minutes is out of range: a meeting lasts 5 to 1440 minutes'],
    ['a duration that is not a number', '/meeting schedule PWG 2027-01-20 10:00 T duration:1.5h', 'bad-argument', 'The duration is a whole number of minutes from 5 to 1440 (24 hours), e.g. duration:90.'],
    ['a missing title', '/meeting schedule PWG 2027-01-20 10:00', 'bad-argument', 'Missing <title>.'],
  ])('refuses %s and changes nothing', (_what, text, code, message) => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    const before = snapshot(app.db);
    const r = no(app, text);
    expect(r.code).toBe(code);
    expect(r.reply).toContain(message);
    expect(snapshot(app.db)).toBe(before);
  });

  it('takes one occurrence of a repeated hour when the offset is given', () => {
    app = createTestApp({ now: '2027-10-01T09:00:00Z' });
    ok(app, '/meeting schedule PWG 2027-10-31 02:30+01:00 Night owls');
    expect(meetingById(app.db, 1)!.startsAt.toISOString()).toBe('2027-10-31T01:30:00.000Z');
  });

  it('shows a repeated wall time with its offset wherever the meeting appears, so the two 02:30s cannot be confused', () => {
    app = createTestApp({ now: '2027-10-01T09:00:00Z' });
    expect(ok(app, '/meeting schedule PWG 2027-10-31 02:30+02:00 Night owls')).toContain('on Sun 31 Oct 2027, 02:30+02:00 (Europe/Belgrade)');
    ok(app, '/meeting schedule PWG 2027-10-31 02:30+01:00 Second night owls');
    const list = ok(app, '/meeting list');
    expect(list).toContain('M1  PWG  Sun 31 Oct 2027, 02:30+02:00 (Europe/Belgrade)  "Night owls"');
    expect(list).toContain('M2  PWG  Sun 31 Oct 2027, 02:30+01:00 (Europe/Belgrade)  "Second night owls"');
    // The notice deadline a week before (2027-10-24 02:30) happens once: no offset.
    expect(ok(app, '/meeting show M1')).toContain('Sun 24 Oct 2027, 02:30 (Europe/Belgrade)');
    expect(ok(app, '/meeting show M1')).not.toContain('24 Oct 2027, 02:30+');
  });

  it('stores <!channel>, @everyone and HTML in a title as text', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    ok(app, '/meeting schedule PWG 2026-12-01 10:00 <!channel> @everyone <b>TOR</b> & <script>alert(1)</script>');
    expect(meetingById(app.db, 1)!.title).toBe('<!channel> @everyone <b>TOR</b> & <script>alert(1)</script>');
    expect(ok(app, '/meeting show M1')).toContain('"<!channel> @everyone <b>TOR</b> & <script>alert(1)</script>"');
  });

  it('is for the coordinator only', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    for (const who of ['focal@kas.example.org', 'support@jips.example.org']) {
      const r = no(app, '/meeting schedule PWG 2026-12-01 10:00 Mine', who);
      expect(r).toMatchObject({ code: 'forbidden', reply: expect.stringContaining('Only the Profiling Coordinator can use /meeting schedule') });
    }
    expect(meetingById(app.db, 1)).toBeUndefined();
  });
});
