import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app';
import { meetingWithAgenda, no, ok } from '../../helpers/meetings';

let app: TestApp;
afterEach(() => app?.close());

describe('/meeting notices', () => {
  it('lists organisations not reached first, with why: permanent error, retrying, no focal point; then those reached on time', async () => {
    app = createTestApp({ now: '2026-11-20T09:00:00Z' });
    ok(app, '/members remove-focal SCR focal@scr.example.org');
    app.email.fail = (m) =>
      m.address === 'focal@kas.example.org'
        ? { status: 'permanent', error: '550 5.1.1 mailbox unavailable' }
        : m.address === 'focal@osce.example.org'
          ? { status: 'transient', error: '451 4.3.0 try again later' }
          : null;
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    await app.sender.drain();
    app.clock.set('2026-11-25T09:00:00Z');
    const text = ok(app, '/meeting notices M1', 'focal@drc.example.org');
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Notices of the PWG meeting M1 "Agree the TOR" on Tue 1 Dec 2026, 10:00 (Europe/Belgrade).',
      'Notice deadline: Tue 24 Nov 2026, 10:00 (Europe/Belgrade).',
      'Sent: v1 invitation 2026-11-20 10:00 Europe/Belgrade.',
      '7 of 10 organisations reached by the deadline.',
    ]);
    const missing = text.indexOf('Not reached by the deadline (3):');
    const reached = text.indexOf('Reached on time (7):');
    expect(missing).toBeGreaterThan(0);
    expect(reached).toBeGreaterThan(missing);
    const notReached = text.slice(missing, reached);
    expect(notReached).toContain('KAS: not reached\n  Valon Morina <focal@kas.example.org> [e-mail bounced]\n    v1 invitation, e-mail focal@kas.example.org: not delivered, permanent error: 550 5.1.1 mailbox unavailable');
    expect(notReached).toContain('SCR: no focal point: nobody to send it to');
    expect(notReached).toContain('OSCE: not reached\n  Marco Bianchi <focal@osce.example.org>\n    v1 invitation, e-mail focal@osce.example.org: pending, retrying after: 451 4.3.0 try again later');
    expect(text.slice(reached)).toMatch(/MCR: reached 2026-11-20 10:00 Europe\/Belgrade\n  Besa Gashi <focal@mcr.example.org>\n    v1 invitation, e-mail focal@mcr.example.org: handed over 2026-11-20 10:00 Europe\/Belgrade, on time, id email-\d+/);
    expect(text).toContain('Coordinators, observers and former members:\n  Profiling Coordinator <coordinator@unhcr.example.org> (coordinator)');
  });

  it('says plainly when nothing was sent yet', () => {
    app = createTestApp({ now: '2026-11-20T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    expect(ok(app, '/meeting notices M1')).toContain('Nothing was sent yet. The coordinator sends it with /meeting send M1.');
    expect(no(app, '/meeting notices M42').code).toBe('not-found');
  });
});

describe('/meeting list and /meeting show', () => {
  it('list upcoming, past and all meetings with where their notices stand', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-11-20', '10:00');
    meetingWithAgenda(app, '2026-12-10', '10:00', 'milestone:methodology');
    ok(app, '/meeting send M1');
    app.clock.set('2026-11-25T09:00:00Z');
    expect(ok(app, '/meeting list')).toBe(
      'Upcoming meetings of Kosovo 2014 (1):\nM2  PWG  Thu 10 Dec 2026, 10:00 (Europe/Belgrade)  "Agree the TOR" [key meeting: methodology]\n' +
        '    scheduled, notice not sent yet, deadline 2026-12-03 10:00 Europe/Belgrade',
    );
    expect(ok(app, '/meeting list past')).toContain('M1  PWG  Fri 20 Nov 2026, 10:00 (Europe/Belgrade)  "Agree the TOR"\n    notice sent on time');
    expect(ok(app, '/meeting list all')).toContain('Meetings of Kosovo 2014 (2):');
    expect(no(app, '/meeting list soon').reply).toContain('The list is one of: upcoming, past, all.');
  });

  it('show the meeting, its agenda, its notices and what is planned, to every member', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00', 'milestone:tor where:"UNHCR office, Pristina"');
    ok(app, '/meeting send M1');
    const text = ok(app, '/meeting show M1', 'support@jips.example.org');
    expect(text).toContain('M1: PWG meeting "Agree the TOR"\nWhen: Tue 1 Dec 2026, 10:00 (Europe/Belgrade) to 12:00 (120 minutes)');
    expect(text).toContain('Tue 1 Dec 2026, 10:00 (Europe/Zurich) in your time zone');
    expect(text).toContain('Where: UNHCR office, Pristina');
    expect(text).toContain('Key meeting of the TOR: tor (agree on the profiling objectives and the TOR)');
    expect(text).toContain('Agenda:\n1. Review of the draft TOR\n2. Roles of the PWG and the PMG');
    expect(text).toContain('v1 invitation: 2026-11-10 10:00 Europe/Belgrade, on time');
    expect(text).toContain('Planned:\n2026-11-30 10:00 Europe/Belgrade: reminder to members\n2026-12-01 12:00 Europe/Belgrade: recorded as held');
  });

  it('keep PMG meetings from focal points of PWG-only organisations', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    ok(app, '/meeting schedule PMG 2026-12-01 10:00 Workplan');
    expect(ok(app, '/meeting list', 'focal@kas.example.org')).toContain('No upcoming meetings.');
    expect(no(app, '/meeting show M1', 'focal@kas.example.org')).toMatchObject({ code: 'not-found' });
    expect(no(app, '/meeting notices M1', 'focal@kas.example.org')).toMatchObject({ code: 'not-found' });
    expect(ok(app, '/meeting show M1', 'focal@mcr.example.org')).toContain('PMG meeting "Workplan"');
    expect(ok(app, '/meeting list', 'support@jips.example.org')).toContain('Workplan');
  });
});

describe('/exercise status', () => {
  it('shows the four key meetings (scheduled, noticed on time, held), upcoming meetings with deadlines, and organisations without a focal point', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    ok(app, '/members remove-focal SCR focal@scr.example.org');
    meetingWithAgenda(app, '2026-12-01', '10:00', 'milestone:tor');
    meetingWithAgenda(app, '2027-02-10', '10:00', 'milestone:methodology');
    ok(app, '/meeting schedule PWG 2027-05-10 10:00 Findings milestone:findings');
    ok(app, '/meeting cancel M3 findings not ready');
    ok(app, '/meeting send M1');
    await app.sender.drain();
    app.clock.set('2026-12-01T12:00:00Z');
    await app.scheduler.tick();
    const text = ok(app, '/exercise status', 'focal@kas.example.org');
    expect(text).toContain('Kosovo 2014 (kosovo-2014): active; time zone Europe/Belgrade, notice 7 days, minutes within 7 days.');
    expect(text).toContain('- tor (agree on the profiling objectives and the TOR):\n    M1 "Agree the TOR", Tue 1 Dec 2026, 10:00 (Europe/Belgrade): scheduled; noticed on time: no (9 of 10 organisations reached by the deadline); held: yes');
    expect(text).toContain('- methodology (agree on the profiling methodology and data collection tools):\n    M2 "Agree the TOR", Wed 10 Feb 2027, 10:00 (Europe/Belgrade): scheduled; noticed on time: not yet, send by Wed 3 Feb 2027, 10:00 (Europe/Belgrade); held: not yet');
    expect(text).toContain('- findings (discuss the findings and agree on main recommendations): not scheduled (M3 cancelled).');
    expect(text).toContain('- report (adopt the final profiling report and agree on the dissemination strategy): not scheduled.');
    expect(text).toContain('Upcoming meetings (1):\n- M2 PWG "Agree the TOR", Wed 10 Feb 2027, 10:00 (Europe/Belgrade)\n    notice deadline Wed 3 Feb 2027, 10:00 (Europe/Belgrade)');
    expect(text).toContain('Organisations without a focal point (1): SCR.');
    expect(text).toContain('Short notice: none.');
  });

  it('counts the meetings held or to be held at short notice, past ones included, with their reasons (SPEC 2.1); a cancelled one is not counted', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-11-12', '10:00', 'urgent:"budget cycle"');
    ok(app, '/meeting send M1');
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting schedule PWG 2026-11-13 10:00 Donor briefing urgent:"donor visit"');
    ok(app, '/meeting cancel M3 the visit was called off');
    meetingWithAgenda(app, '2026-11-18', '10:00');
    // M1 is held; M4's deadline (11 Nov) passes unsent, and it is then held at short notice.
    app.clock.set('2026-11-12T12:00:00Z');
    await app.scheduler.tick();
    ok(app, '/meeting send M4 urgent:"government deadline"');
    const text = ok(app, '/exercise status');
    expect(text).toContain('Short notice: 2 meetings (M1: budget cycle; M4: government deadline).');
    expect(text).not.toContain('donor visit');

    // The upcoming list states each deadline once.
    expect(text).toContain(
      'Upcoming meetings (2):\n' +
        '- M4 PWG "Agree the TOR", Wed 18 Nov 2026, 10:00 (Europe/Belgrade)\n' +
        '    notice deadline Wed 11 Nov 2026, 10:00 (Europe/Belgrade): notice sent late, short notice: government deadline\n' +
        '- M2 PWG "Agree the TOR", Tue 1 Dec 2026, 10:00 (Europe/Belgrade)\n' +
        '    notice deadline Tue 24 Nov 2026, 10:00 (Europe/Belgrade): scheduled, notice not sent yet\n',
    );
    expect(text).not.toContain('deadline 2026-11-24');
  });

  it('says one short-notice meeting in the singular, while it is still to come', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    ok(app, '/meeting schedule PMG 2026-11-12 10:00 Budget urgent:"budget cycle"');
    expect(ok(app, '/exercise status')).toContain('Short notice: 1 meeting (M1: budget cycle).');
  });
});
