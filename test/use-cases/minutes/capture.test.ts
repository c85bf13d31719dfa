import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, snapshot, type TestApp } from '../../helpers/app';
import { no, ok } from '../../helpers/meetings';
import { FOCAL, OBSERVER } from '../../helpers/endorsements';
import { meetingUnderWay } from '../../helpers/minutes';
import { entriesOf } from '../../../src/store/minutes';
import { actionsOf } from '../../../src/store/action-items';
import { jobsFor } from '../../../src/store/jobs';

let app: TestApp;
afterEach(() => app?.close());

describe('capturing minutes', () => {
  it('keeps notes, decisions and action items in the order captured, with who captured them and when', async () => {
    app = createTestApp();
    await meetingUnderWay(app);
    expect(ok(app, '/minutes note M1 UNHCR presented the draft TOR.')).toBe("Note 1 captured in M1's minutes.");
    app.clock.set('2026-12-01T09:45:00Z');
    expect(ok(app, '/minutes decision M1 The objectives are agreed.')).toBe("Decision 1 captured in M1's minutes.");
    ok(app, '/minutes note M1 KAS asked about the sampling frame;\nto be followed up.');
    expect(ok(app, '/minutes action M1 KAS 2026-12-15 Share the 2011 census sampling frame')).toBe(
      "Action item A1 for KAS, due 2026-12-15, captured in M1's minutes. KAS's focal points are reminded two days before and on the day, until it is marked done (/minutes done).",
    );
    ok(app, '/minutes action M1 unhcr 2026-12-01 Circulate the revised TOR');
    ok(app, '/minutes attendance M1 MCR UNHCR DRC UNDP IOM KAS UNFPA');

    const shown = ok(app, '/minutes show M1', FOCAL.OSCE);
    expect(shown).toContain('Minutes of M1: PWG meeting "Agree the TOR", Tue 1 Dec 2026, 10:00 (Europe/Belgrade).');
    // The next step is the coordinator's: a focal point reads where the draft stands, without it.
    expect(shown).toContain('Draft, not published; due by 2026-12-08.\n');
    expect(shown).not.toContain('/minutes publish');
    expect(ok(app, '/minutes show M1')).toContain('Draft, not published; due by 2026-12-08. When ready: /minutes publish M1.');
    expect(shown).toContain('Present (7 of 10 organisations): MCR, UNHCR, DRC, UNDP, IOM, KAS, UNFPA; absent: SCR, UNICEF, OSCE.');
    expect(shown).toContain('Agenda:\n1. Review of the draft TOR\n2. Roles of the PWG and the PMG');
    expect(shown).toContain(
      'Notes:\n1. UNHCR presented the draft TOR. (Profiling Coordinator, 2026-12-01 10:30 Europe/Belgrade)\n2. KAS asked about the sampling frame;\n   to be followed up. (Profiling Coordinator, 2026-12-01 10:45 Europe/Belgrade)',
    );
    expect(shown).toContain('Decisions:\n1. The objectives are agreed. (Profiling Coordinator, 2026-12-01 10:45 Europe/Belgrade)');
    expect(shown).toContain(
      'Action items by owner:\nKAS:\n  A1 due 2026-12-15, open: Share the 2011 census sampling frame (Profiling Coordinator, 2026-12-01 10:45 Europe/Belgrade)\nUNHCR:\n  A2 due 2026-12-01, open, due today: Circulate the revised TOR',
    );
    expect(entriesOf(app.db, 1).map((e) => e.kind)).toEqual(['note', 'decision', 'note']);
  });

  it('says when attendance was not recorded', async () => {
    app = createTestApp();
    await meetingUnderWay(app);
    ok(app, '/minutes note M1 Opening');
    expect(ok(app, '/minutes show M1')).toContain('Attendance: not recorded.');
  });

  it('is refused before the meeting starts, for a cancelled meeting, and for an unknown one, and changes nothing', async () => {
    app = createTestApp();
    await meetingUnderWay(app);
    ok(app, '/meeting schedule PWG 2027-01-20 10:00 Methodology');
    ok(app, '/meeting schedule PWG 2027-01-27 10:00 Spare');
    ok(app, '/meeting cancel M3 not needed');
    app.clock.set('2026-12-01T08:59:00Z');
    const before = snapshot(app.db);
    expect(no(app, '/minutes note M1 too early')).toEqual({
      status: 'refused',
      audience: 'person',
      code: 'rule',
      reply: 'M1 starts on Tue 1 Dec 2026, 10:00 (Europe/Belgrade); its minutes are captured from its start. Until then, add what is to be discussed to the agenda: /meeting agenda M1 add <text>.',
    });
    expect(no(app, '/minutes action M2 KAS 2027-02-01 Prepare')).toMatchObject({ code: 'rule' });
    expect(no(app, '/minutes decision M3 Nothing')).toMatchObject({ code: 'rule', reply: 'M3 was cancelled (not needed); a meeting that did not take place has no minutes.' });
    expect(no(app, '/minutes note M9 Hello')).toMatchObject({ code: 'not-found' });
    expect(snapshot(app.db)).toBe(before);
    // The meeting's start minute itself is open for notes.
    app.clock.set('2026-12-01T09:00:00Z');
    ok(app, '/minutes note M1 Opened on time');
  });

  it('refuses an action item due in the past, an unknown owner, and a PWG-only owner at a PMG meeting', async () => {
    app = createTestApp();
    await meetingUnderWay(app, 'PMG');
    const before = snapshot(app.db);
    expect(no(app, '/minutes action M1 DRC 2026-11-30 Too late').reply).toBe('2026-11-30 has passed; an action item is due today or later (in Europe/Belgrade).');
    expect(no(app, '/minutes action M1 WFP 2026-12-30 Who').reply).toContain('There is no member organisation WFP in Kosovo 2014. Known: MCR, UNHCR');
    expect(no(app, '/minutes action M1 KAS 2026-12-30 Not PMG').reply).toBe(
      'KAS is not in the PMG, and M1 is a PMG meeting: its minutes go to PMG members only. Give a PMG organisation.',
    );
    expect(no(app, '/minutes attendance M1 MCR KAS').code).toBe('rule');
    expect(no(app, '/minutes action M1 DRC 2026-02-30 Impossible').reply).toBe('2026-02-30 is not a date: February 2026 has 28 days.');
    expect(snapshot(app.db)).toBe(before);
    ok(app, '/minutes action M1 DRC 2026-12-30 Budget lines');
    expect(actionsOf(app.db, 1, 'all').map((a) => a.organisation.acronym)).toEqual(['DRC']);
  });

  it('plans reminders only for the moments still to come', async () => {
    app = createTestApp();
    await meetingUnderWay(app);
    ok(app, '/minutes action M1 KAS 2026-12-02 Tomorrow');
    ok(app, '/minutes action M1 KAS 2026-12-20 Later');
    expect(jobsFor(app.db, 'action:1').map((j) => j.dueAt)).toEqual(['2026-12-02T08:00:00.000Z']);
    expect(jobsFor(app.db, 'action:2').map((j) => j.dueAt)).toEqual(['2026-12-18T08:00:00.000Z', '2026-12-20T08:00:00.000Z']);
  });

  it('is for the coordinator; focal points of PWG-only organisations do not see PMG minutes', async () => {
    app = createTestApp();
    await meetingUnderWay(app, 'PMG');
    ok(app, '/minutes note M1 Budget discussed');
    expect(no(app, '/minutes note M1 Mine', FOCAL.KAS)).toMatchObject({ code: 'forbidden' });
    expect(no(app, '/minutes show M1', FOCAL.KAS)).toMatchObject({ code: 'not-found' });
    expect(ok(app, '/minutes show M1', FOCAL.MCR)).toContain('Budget discussed');
    expect(ok(app, '/minutes show M1', OBSERVER)).toContain('Budget discussed');
  });
});
