import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, snapshot, type TestApp } from '../../helpers/app';
import { PWG_PEOPLE, icsFields, meetingWithAgenda, no, ok, outbox } from '../../helpers/meetings';
import { meetingById } from '../../../src/store/meetings';
import { noticesOf } from '../../../src/store/meeting-notices';
import { bindChannel } from '../../../src/store/channels';

let app: TestApp;
afterEach(() => app?.close());

describe('/meeting postpone', () => {
  it('moves an unsent meeting quietly: nobody has it yet', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    const reply = ok(app, '/meeting postpone M1 2026-12-03 14:30 the room is taken');
    expect(reply).toContain('M1 is moved from Tue 1 Dec 2026, 10:00 (Europe/Belgrade) to Thu 3 Dec 2026, 14:30 (Europe/Belgrade) (the room is taken).');
    expect(meetingById(app.db, 1)).toMatchObject({ sequence: 0, status: 'scheduled' });
    expect(meetingById(app.db, 1)!.noticeDeadline.toISOString()).toBe('2026-11-26T13:30:00.000Z');
    expect(outbox(app.db, 'M1')).toHaveLength(0);
  });

  it('tells everyone of a noticed meeting, change first, with SEQUENCE raised on the same UID', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    const reply = ok(app, '/meeting postpone M1 2026-12-08 10:00 the draft TOR needs another week');
    expect(reply).toContain('Members were told and their calendars updated: 14 people');
    expect(reply).toContain('New notice deadline: Tue 1 Dec 2026, 10:00 (Europe/Belgrade); this notice is on time.');
    const rows = outbox(app.db, 'M1', 'meeting-postponed');
    expect(rows).toHaveLength(PWG_PEOPLE);
    const kas = rows.find((r) => r.address === 'focal@kas.example.org')!;
    expect(kas.payload.subject).toBe('Moved: PWG meeting M1 is now Tue 8 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(kas.payload.text.split('\n')[2]).toBe(
      'THE MEETING HAS MOVED from Tue 1 Dec 2026, 10:00 (Europe/Belgrade) to Tue 8 Dec 2026, 10:00 (Europe/Belgrade). Reason: the draft TOR needs another week',
    );
    const first = icsFields(outbox(app.db, 'M1', 'meeting-invitation').find((r) => r.address === 'focal@kas.example.org')!.payload.calendar!.content);
    const moved = icsFields(kas.payload.calendar!.content);
    expect(moved.calendar.METHOD).toBe('REQUEST');
    expect(moved.event.UID!.value).toBe(first.event.UID!.value);
    expect([first.event.SEQUENCE!.value, moved.event.SEQUENCE!.value]).toEqual(['0', '1']);
    expect(moved.event.DTSTART!.value).toBe('20261208T090000Z');
    expect(noticesOf(app.db, 1).map((n) => [n.kind, n.sequence, n.late])).toEqual([['invitation', 0, false], ['postponement', 1, false]]);
  });

  it('refuses a new date whose notice deadline has passed unless urgent:, and a date in the past, changing nothing', () => {
    app = createTestApp({ now: '2026-11-20T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-10', '10:00');
    ok(app, '/meeting send M1');
    const before = snapshot(app.db);
    expect(no(app, '/meeting postpone M1 2026-11-25 10:00').reply).toBe(
      'The PWG meeting on 2026-11-25 needs its agenda sent by 2026-11-18 10:00 Europe/Belgrade; that has passed. Earliest compliant date: 2026-11-27. Add urgent:"<reason>" to hold it at short notice.',
    );
    expect(no(app, '/meeting postpone M1 2026-11-19 10:00').reply).toContain('2026-11-19 10:00 Europe/Belgrade is in the past (it is now 2026-11-20 10:00 Europe/Belgrade)');
    expect(no(app, '/meeting postpone M1 2027-03-28 02:30').reply).toContain('does not exist in Europe/Belgrade');
    expect(no(app, '/meeting postpone M1 2026-12-10 10:00').reply).toBe('M1 is already on Thu 10 Dec 2026, 10:00 (Europe/Belgrade).');
    expect(no(app, '/meeting postpone M9 2026-12-20 10:00').code).toBe('not-found');
    expect(no(app, '/meeting postpone M1 2026-12-20 10:00', 'focal@kas.example.org').code).toBe('forbidden');
    expect(snapshot(app.db)).toBe(before);
    const reply = ok(app, '/meeting postpone M1 2026-11-25 10:00 urgent:"The minister can only come that day"');
    expect(reply).toContain('Short notice (The minister can only come that day)');
    const row = outbox(app.db, 'M1', 'meeting-postponed')[0]!;
    expect(row.payload.subject).toMatch(/^\[Short notice\] Moved:/);
    expect(noticesOf(app.db, 1).at(-1)).toMatchObject({ kind: 'postponement', late: true });
  });

  it('tells a former member too, so their calendar entry moves', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    ok(app, '/members remove-focal UNICEF data@unicef.example.org');
    expect(ok(app, '/meeting postpone M1 2026-12-08 10:00')).toContain('1 former member');
    const row = outbox(app.db, 'M1', 'meeting-postponed').find((r) => r.address === 'data@unicef.example.org')!;
    expect(row.organisationId).toBeNull();
  });
});

describe('/meeting cancel', () => {
  it('cancels a noticed meeting with METHOD:CANCEL and a raised SEQUENCE to everyone it was sent to', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    ok(app, '/meeting postpone M1 2026-12-08 10:00');
    const reply = ok(app, '/meeting cancel M1 the donor withdrew');
    expect(reply).toContain('Cancelled M1, the PWG meeting "Agree the TOR" of Tue 8 Dec 2026, 10:00 (Europe/Belgrade) (the donor withdrew). Members were told');
    const rows = outbox(app.db, 'M1', 'meeting-cancelled');
    expect(rows).toHaveLength(PWG_PEOPLE);
    const kas = rows.find((r) => r.address === 'focal@kas.example.org')!;
    expect(kas.payload.subject).toBe('Cancelled: PWG meeting M1, Tue 8 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(kas.payload.text).toContain('Reason: the donor withdrew');
    expect(kas.payload.calendar!.method).toBe('CANCEL');
    const ics = icsFields(kas.payload.calendar!.content);
    expect(ics.calendar.METHOD).toBe('CANCEL');
    expect(ics.event.STATUS!.value).toBe('CANCELLED');
    expect(ics.event.SEQUENCE!.value).toBe('2');
    expect(ics.event.UID!.value).toBe('meeting-1-kosovo-2014@convene');
    expect(meetingById(app.db, 1)).toMatchObject({ status: 'cancelled', cancelReason: 'the donor withdrew', sequence: 2 });
  });

  it('cancels a sent meeting to everyone it was sent to and its channels, delivered yet or not (unlike a dissolution)', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z', chatMedia: ['slack'] });
    bindChannel(app.db, { exerciseId: 1, group: 'PWG', medium: 'slack', channelId: 'CPWG', at: '2026-11-01T00:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    app.email.fail = () => ({ status: 'transient', error: 'connect ECONNREFUSED 127.0.0.1:25' });
    await app.sender.drain(); // no e-mail handed over, the channel post is
    ok(app, '/meeting cancel M1 the donor withdrew');
    const rows = outbox(app.db, 'M1', 'meeting-cancelled');
    expect(rows.filter((r) => r.medium === 'email')).toHaveLength(PWG_PEOPLE);
    expect(rows.filter((r) => r.medium === 'slack').map((r) => r.address)).toEqual(['slack:channel:CPWG']);
  });

  it('cancels an unsent meeting without telling anyone, and refuses to cancel twice or to postpone or send it after', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    expect(ok(app, '/meeting cancel M1 merged with M2')).toContain('Its notice had not gone out, so nobody else is told.');
    expect(outbox(app.db, 'M1')).toHaveLength(0);
    expect(no(app, '/meeting cancel M1 again').reply).toContain('M1 was cancelled (merged with M2)');
    expect(no(app, '/meeting postpone M1 2026-12-20 10:00').reply).toContain('M1 was cancelled');
    expect(no(app, '/meeting send M1').reply).toContain('M1 was cancelled');
    expect(no(app, '/meeting cancel M1').reply).toContain('Missing <reason>');
  });
});
