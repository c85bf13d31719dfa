import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, snapshot, type TestApp } from '../../helpers/app';
import { PMG_PEOPLE, PWG_PEOPLE, icsFields, meetingWithAgenda, no, ok, outbox, pendingJobs } from '../../helpers/meetings';
import { linkIdentity, personByEmail } from '../../../src/store/members';
import { meetingById } from '../../../src/store/meetings';
import { noticesOf } from '../../../src/store/meeting-notices';

let app: TestApp;
afterEach(() => app?.close());

function linkSlack(email: string, userId: string): void {
  linkIdentity(app.db, { medium: 'slack', userId, personId: personByEmail(app.db, email)!.id, at: '2026-11-01T00:00:00Z', by: 'test' });
}

describe('/meeting send', () => {
  it('hands the invitation and agenda to every focal point, coordinator and observer, by e-mail with a calendar part and on linked chat', async () => {
    app = createTestApp({ now: '2026-11-20T09:00:00Z', chatMedia: ['slack'] });
    linkSlack('focal@kas.example.org', 'UKAS');
    const id = meetingWithAgenda(app, '2026-12-01', '10:00', 'milestone:tor where:"UNHCR office, Pristina"');
    const reply = ok(app, `/meeting send ${id}`);
    expect(reply).toBe(
      'Sent the invitation and agenda of M1 (PWG, Tue 1 Dec 2026, 10:00 (Europe/Belgrade)) to 14 people (12 focal points, 1 coordinator, 1 observer), ' +
        '15 messages (14 e-mail, 1 slack), on time for the notice deadline Tue 24 Nov 2026, 10:00 (Europe/Belgrade). Delivery: /meeting notices M1.',
    );
    const rows = outbox(app.db, id, 'meeting-invitation');
    expect(rows).toHaveLength(PWG_PEOPLE + 1);
    const kas = rows.filter((r) => r.address === 'focal@kas.example.org' || r.address === 'slack:person:UKAS');
    expect(kas.map((r) => r.medium).sort()).toEqual(['email', 'slack']);
    expect(kas.every((r) => r.organisationId !== null && r.personId === personByEmail(app.db, 'focal@kas.example.org')!.id)).toBe(true);
    const coordinatorRow = rows.find((r) => r.address === 'coordinator@unhcr.example.org')!;
    expect(coordinatorRow.organisationId).toBeNull(); // the coordinator does not count as reaching UNHCR

    const email = rows.find((r) => r.address === 'focal@kas.example.org')!;
    expect(email.payload.subject).toBe('Invitation: PWG meeting M1, Tue 1 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(email.payload.text).toContain('Dear Valon Morina,');
    expect(email.payload.text).toContain('  1. Review of the draft TOR\n  2. Roles of the PWG and the PMG');
    expect(email.payload.text).toContain('Purpose:  key meeting of the TOR: agree on the profiling objectives and the TOR');
    const ics = icsFields(email.payload.calendar!.content);
    expect(email.payload.calendar!.method).toBe('REQUEST');
    expect(ics.calendar.METHOD).toBe('REQUEST');
    expect(ics.event.UID!.value).toBe('meeting-1-kosovo-2014@convene');
    expect(ics.event.SEQUENCE!.value).toBe('0');
    expect(ics.event.DTSTART!.value).toBe('20261201T090000Z');
    expect(ics.event.ATTENDEE!.value.toLowerCase()).toBe('mailto:focal@kas.example.org');
    expect(ics.event.ORGANIZER!.value).toBe('mailto:coordinator@unhcr.example.org');
    const slack = rows.find((r) => r.medium === 'slack')!;
    expect(slack.payload.calendar).toBeUndefined();
    expect(slack.payload.text).toBe(email.payload.text);

    expect(meetingById(app.db, 1)).toMatchObject({ status: 'noticed', sentAgendaVersion: 2 });
    expect(pendingJobs(app.db, id).map((j) => j.kind)).toEqual(['meeting-member-reminder', 'meeting-held']);
    await app.sender.drain();
    expect(app.email.sent).toHaveLength(PWG_PEOPLE);
    expect(app.chat[0]!.sent.map((m) => m.address)).toEqual(['slack:person:UKAS']);
  });

  it('sends a PMG meeting to the PMG organisations only (and to the coordinator and observers)', () => {
    app = createTestApp({ now: '2026-11-20T09:00:00Z' });
    ok(app, '/meeting schedule PMG 2026-12-01 10:00 Workplan');
    ok(app, '/meeting agenda M1 add Budget');
    expect(ok(app, '/meeting send M1')).toContain(`to ${PMG_PEOPLE} people (6 focal points, 1 coordinator, 1 observer)`);
    expect(outbox(app.db, 'M1').some((r) => r.address === 'focal@kas.example.org')).toBe(false);
  });

  it('shows times in the recipient\'s own zone too, and escapes a title with markup in the HTML part', () => {
    app = createTestApp({ now: '2026-11-20T09:00:00Z' });
    app.db.prepare(`UPDATE people SET time_zone = 'America/New_York' WHERE email = 'focal@osce.example.org'`).run();
    ok(app, '/meeting schedule PWG 2026-12-01 10:00 <!channel> @everyone <b>TOR</b>');
    ok(app, '/meeting agenda M1 add <script>alert(1)</script>');
    ok(app, '/meeting send M1');
    const osce = outbox(app.db, 'M1').find((r) => r.address === 'focal@osce.example.org')!;
    expect(osce.payload.text).toContain('When:     Tue 1 Dec 2026, 10:00 (Europe/Belgrade) to 12:00');
    expect(osce.payload.text).toContain('Tue 1 Dec 2026, 04:00 (America/New_York) in your time zone');
    expect(osce.payload.text).toContain('M1: <!channel> @everyone <b>TOR</b>');
    expect(osce.payload.html).toContain('&lt;!channel&gt; @everyone &lt;b&gt;TOR&lt;/b&gt;');
    expect(osce.payload.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(osce.payload.html).not.toContain('<b>TOR');
    expect(osce.payload.html).not.toContain('<script>');
    const kas = outbox(app.db, 'M1').find((r) => r.address === 'focal@kas.example.org')!;
    expect(kas.payload.text).not.toContain('in your time zone');
  });

  it('refuses an empty agenda, a second send with nothing changed, and an unknown id, changing nothing', () => {
    app = createTestApp({ now: '2026-11-20T09:00:00Z' });
    ok(app, '/meeting schedule PWG 2026-12-01 10:00 Agree the TOR');
    const before = snapshot(app.db);
    expect(no(app, '/meeting send M1').reply).toContain('M1 has no agenda yet');
    expect(no(app, '/meeting send M7')).toMatchObject({ code: 'not-found', reply: 'There is no meeting M7 in Kosovo 2014. /meeting list shows the meetings.' });
    expect(snapshot(app.db)).toBe(before);
    ok(app, '/meeting agenda M1 add Welcome');
    ok(app, '/meeting send M1');
    expect(no(app, '/meeting send M1').reply).toContain('nothing changed since');
  });

  it('refuses the first invitation after the deadline with both ways forward, then holds it at short notice with urgent:', () => {
    app = createTestApp({ now: '2026-11-20T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    app.clock.set('2026-11-24T09:01:00Z');
    const r = no(app, '/meeting send M1');
    expect(r.reply).toBe(
      'The PWG meeting on 2026-12-01 needs its agenda sent by 2026-11-24 10:00 Europe/Belgrade; that has passed. Earliest compliant date: 2026-12-02. ' +
        'Postpone it: /meeting postpone M1 <date> <time>, or hold it at short notice: /meeting send M1 urgent:"<reason>".',
    );
    const reply = ok(app, '/meeting send M1 urgent:"The TOR must be agreed before the donor conference"');
    expect(reply).toContain('at short notice (The TOR must be agreed before the donor conference): the notice deadline was Tue 24 Nov 2026, 10:00');
    expect(meetingById(app.db, 1)).toMatchObject({ status: 'noticed', urgentReason: 'The TOR must be agreed before the donor conference' });
    expect(noticesOf(app.db, 1)[0]).toMatchObject({ kind: 'invitation', late: true, reason: 'The TOR must be agreed before the donor conference' });
    const row = outbox(app.db, 'M1')[0]!;
    expect(row.payload.subject).toMatch(/^\[Short notice\] Invitation: /);
    expect(row.payload.text).toContain("SHORT NOTICE: this meeting is held with less than 7 days' notice. Reason: The TOR must be agreed before the donor conference");
    expect(icsFields(row.payload.calendar!.content).event.DESCRIPTION!.value).toContain('Short notice: The TOR must be agreed before the donor conference');
  });

  it('counts the deadline minute as on time', async () => {
    app = createTestApp({ now: '2026-11-20T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    app.clock.set('2026-11-24T09:00:30Z');
    expect(ok(app, '/meeting send M1')).toContain('on time for the notice deadline');
    await app.sender.drain();
    expect(ok(app, '/meeting notices M1')).toContain('10 of 10 organisations reached by the deadline');
  });

  it('sends an amendment after the deadline, marked late, and keeps the original on-time notice on record', async () => {
    app = createTestApp({ now: '2026-11-20T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    await app.sender.drain();
    app.clock.set('2026-11-26T09:00:00Z');
    ok(app, '/meeting agenda M1 add Any other business');
    const reply = ok(app, '/meeting send M1');
    expect(reply).toContain('Sent the amended agenda (notice version 2) of M1');
    expect(reply).toContain('late: the notice deadline was Tue 24 Nov 2026, 10:00 (Europe/Belgrade); the notice of Fri 20 Nov 2026, 10:00 (Europe/Belgrade) stays on record');
    await app.sender.drain();
    expect(noticesOf(app.db, 1).map((n) => [n.version, n.kind, n.late])).toEqual([[1, 'invitation', false], [2, 'amendment', true]]);
    const amended = outbox(app.db, 'M1', 'meeting-amended').find((r) => r.address === 'focal@kas.example.org')!;
    expect(amended.payload.subject).toBe('Amended agenda: PWG meeting M1, Tue 1 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(amended.payload.text).toMatch(/THE AGENDA HAS CHANGED since the notice of Fri 20 Nov 2026, 10:00 \(Europe\/Belgrade\)\. This is version 2/);
    expect(amended.payload.text).toContain('It is sent after the notice deadline');
    expect(amended.payload.text).toContain('3. Any other business');
    // The event changed (its agenda), so calendars get a raised SEQUENCE on the same UID.
    const ics = icsFields(amended.payload.calendar!.content);
    expect([ics.calendar.METHOD, ics.event.UID!.value, ics.event.SEQUENCE!.value]).toEqual(['REQUEST', 'meeting-1-kosovo-2014@convene', '1']);
    expect(noticesOf(app.db, 1).map((n) => n.sequence)).toEqual([0, 1]);
    const notices = ok(app, '/meeting notices M1');
    expect(notices).toContain('10 of 10 organisations reached by the deadline');
    expect(notices).toContain('v1 invitation, e-mail focal@kas.example.org: handed over 2026-11-20 10:00 Europe/Belgrade, on time');
    expect(notices).toContain('v2 amended agenda, e-mail focal@kas.example.org: handed over 2026-11-26 10:00 Europe/Belgrade, late');
  });

  it('reports an organisation without a focal point instead of skipping it silently', async () => {
    app = createTestApp({ now: '2026-11-20T09:00:00Z' });
    ok(app, '/members remove-focal SCR focal@scr.example.org');
    meetingWithAgenda(app, '2026-12-01', '10:00');
    expect(ok(app, '/meeting send M1')).toContain('Not reached: SCR has no focal point');
    await app.sender.drain();
    expect(ok(app, '/meeting notices M1')).toMatch(/Not reached yet \(1\):\nSCR: no focal point: nobody to send it to/);
  });

  it("posts the invitation in the group's bound chat channel too", async () => {
    app = createTestApp({ now: '2026-11-20T09:00:00Z', chatMedia: ['slack'] });
    linkSlack('coordinator@unhcr.example.org', 'UCOORD');
    const bound = await app.runChat('/exercise channel PWG', 'slack', 'UCOORD', { channel: { medium: 'slack', id: 'CPWG' } });
    expect(bound.status).toBe('accepted');
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    const post = outbox(app.db, 'M1').find((r) => r.address === 'slack:channel:CPWG')!;
    expect(post.personId).toBeNull();
    expect(post.payload.text).toMatch(/^To the Profiling Working Group:\n/);
    expect(post.payload.text).toContain('1. Review of the draft TOR');
    await app.sender.drain();
    expect(app.chat[0]!.sent.map((m) => m.address)).toContain('slack:channel:CPWG');
  });

  it('is for the coordinator only', () => {
    app = createTestApp({ now: '2026-11-20T09:00:00Z' });
    meetingWithAgenda(app);
    expect(no(app, '/meeting send M1', 'focal@kas.example.org').code).toBe('forbidden');
    expect(no(app, '/meeting send M1', 'support@jips.example.org').code).toBe('forbidden');
    expect(outbox(app.db, 'M1')).toHaveLength(0);
  });
});
