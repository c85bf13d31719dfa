import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { FOCAL, OBSERVER } from '../helpers/endorsements';
import { ok } from '../helpers/meetings';

let app: TestApp;
afterEach(() => app?.close());

/** Commands only a coordinator may use, as a reply would suggest them. */
const COORDINATOR_STEPS = /\/meeting (schedule|agenda|send|postpone)|\/members add-focal|\/endorse open|\/minutes (publish|correct)|urgent:/;

describe('the next steps in a reply are offered only to whoever may take them', () => {
  it('/meeting show, /meeting agenda show and /exercise status give focal points and observers the facts, coordinators the steps too', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    ok(app, '/members remove-focal SCR focal@scr.example.org');
    ok(app, '/meeting schedule PWG 2026-11-20 10:00 Agree the TOR milestone:tor');
    // The notice deadline (13 Nov) passes unsent: the meeting is notice-missed.
    app.clock.set('2026-11-14T09:00:00Z');
    await app.scheduler.tick();

    for (const reader of [FOCAL.KAS, OBSERVER]) {
      const show = ok(app, '/meeting show M1', reader);
      expect(show).toContain('Agenda: none yet.');
      expect(show).toContain('Status: notice missed (deadline 2026-11-13 10:00 Europe/Belgrade)\n');
      expect(show).not.toMatch(COORDINATOR_STEPS);
      const agenda = ok(app, '/meeting agenda M1 show', reader);
      expect(agenda).toBe('Agenda of M1 (PWG, Fri 20 Nov 2026, 10:00 (Europe/Belgrade)): no items yet.');
      const status = ok(app, '/exercise status', reader);
      expect(status).toContain('Organisations without a focal point (1): SCR.');
      expect(status).toContain('- report (adopt the final profiling report and agree on the dissemination strategy): not scheduled.\n');
      expect(status).not.toMatch(COORDINATOR_STEPS);
    }

    const show = ok(app, '/meeting show M1');
    expect(show).toContain('Agenda: none yet (/meeting agenda M1 add <text>).');
    expect(ok(app, '/meeting agenda M1 show')).toBe('Agenda of M1 (PWG, Fri 20 Nov 2026, 10:00 (Europe/Belgrade)): no items yet. Add one with /meeting agenda M1 add <text>.');
    expect(show).toContain('notice missed (deadline 2026-11-13 10:00 Europe/Belgrade); postpone it or send it with urgent:"<reason>"');
    const status = ok(app, '/exercise status');
    expect(status).toContain('not scheduled. /meeting schedule PWG <date> <time> <title> milestone:report');
    // One organisation: the step names it, not a placeholder.
    expect(status).toContain('    Add one with /members add-focal SCR <email> <name>; /members check lists every gap.');
    expect(status).not.toContain('<acronym>');
  });

  it('names the organisation in the sending reply when one cannot be reached', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    ok(app, '/members remove-focal SCR focal@scr.example.org');
    ok(app, '/meeting schedule PWG 2026-12-01 10:00 Agree the TOR');
    ok(app, '/meeting agenda M1 add Review of the draft TOR');
    const reply = ok(app, '/meeting send M1');
    expect(reply).toContain("Not reached: SCR has no focal point; add one with /members add-focal SCR <email> <name>, and M1's notice goes to them on the next tick.");
    expect(reply).not.toContain('<acronym>');
  });
});
