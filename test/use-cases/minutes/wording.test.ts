import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COORDINATOR, createTestApp, type TestApp } from '../../helpers/app';
import { no, ok } from '../../helpers/meetings';
import { FOCAL } from '../../helpers/endorsements';
import { meetingUnderWay, minutesMessages, tickAt } from '../../helpers/minutes';

let app: TestApp;
afterEach(() => app?.close());

describe('the wording of minutes, status, export and dissolve replies', () => {
  it('counts in proper singular and plural: reminders, overdue minutes, the agenda in report.md, a single withdrawn request', async () => {
    app = createTestApp();
    await meetingUnderWay(app);
    ok(app, '/minutes note M1 Opening');
    ok(app, '/minutes note M1 Round of introductions');
    ok(app, '/minutes decision M1 The TOR is agreed');
    await tickAt(app, '2026-12-01T11:00:00Z');
    await tickAt(app, '2026-12-08T08:00:00Z');
    expect(app.email.to(COORDINATOR).at(-1)!.payload.text).toContain('2 notes and 1 decision are captured so far.');
    app.clock.set('2026-12-09T08:00:00Z');
    expect(ok(app, '/exercise status')).toContain('- tor: M1 minuted: no, 1 day overdue (due 2026-12-08)');
    expect(ok(app, '/exercise status')).toContain('Overdue minutes (1):\n- M1 PWG "Agree the TOR": not published, 1 day overdue (due 2026-12-08). /minutes publish M1');
    expect(ok(app, '/minutes show M1')).toContain('Draft, not published; due by 2026-12-08: 1 day overdue.');
    await tickAt(app, '2026-12-10T08:00:00Z');
    expect(app.email.to(COORDINATOR).at(-1)!.payload.text).toContain('were due on 2026-12-08 and are 2 days overdue.');

    ok(app, '/meeting schedule PWG 2027-01-20 10:00 Methodology');
    ok(app, '/meeting agenda M2 add Sampling');
    ok(app, '/meeting send M2');
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    const exported = ok(app, '/exercise export');
    const dir = /to (\S+)\/: record\.json/.exec(exported)![1]!;
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(/- Notice v1 invitation, sent .*; 14 messages, 0 handed over; agenda of 1 item\./);
    expect(ok(app, '/exercise dissolve')).toContain('1 open endorsement request (E1) closes as withdrawn;');
  });

  it('tells a member who cannot see the only action items so, not that there are none', async () => {
    app = createTestApp();
    await meetingUnderWay(app, 'PMG');
    ok(app, '/minutes action M1 MCR 2026-12-15 Draft the workplan');
    expect(ok(app, '/minutes actions all', FOCAL.KAS)).toBe('No action items that you can see.');
    expect(ok(app, '/minutes actions', FOCAL.KAS)).toBe('No open action items that you can see.');
    expect(ok(app, '/minutes actions all', FOCAL.MCR)).toContain('A1 due 2026-12-15');
  });

  it('refuses a correction identical to the last one when nothing was captured since, and sends nothing twice', async () => {
    app = createTestApp();
    await meetingUnderWay(app);
    ok(app, '/minutes note M1 Opening');
    app.clock.set('2026-12-02T09:00:00Z');
    ok(app, '/minutes publish M1');
    ok(app, '/minutes correct M1 Note 1 names the chair');
    const sent = minutesMessages(app, 'M1').length;
    expect(no(app, '/minutes correct M1 Note 1 names the chair').reply).toBe(
      "Version 2 of M1's minutes already states this correction, and nothing was captured since, so it is not sent again. /minutes show M1 lists the versions.",
    );
    expect(minutesMessages(app, 'M1')).toHaveLength(sent);
    // Something new captured since, or another correction, is a new version.
    ok(app, '/minutes note M1 A late note');
    expect(ok(app, '/minutes correct M1 Note 1 names the chair')).toContain('Published version 3');
    expect(ok(app, '/minutes correct M1 Note 2 is late')).toContain('Published version 4');
  });
});
