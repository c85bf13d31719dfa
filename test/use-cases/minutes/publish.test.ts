import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, snapshot, type TestApp } from '../../helpers/app';
import { PMG_PEOPLE, PWG_PEOPLE, no, ok } from '../../helpers/meetings';
import { FOCAL } from '../../helpers/endorsements';
import { meetingUnderWay, minutesEmailedTo, minutesMessages } from '../../helpers/minutes';
import { bindChannel } from '../../../src/store/channels';
import { versionsOf } from '../../../src/store/minutes';

let app: TestApp;
afterEach(() => app?.close());

describe('/minutes publish', () => {
  it('e-mails the minutes once to every member of the group, with text and HTML, and posts them in the group channel', async () => {
    app = createTestApp({ chatMedia: ['slack'] });
    bindChannel(app.db, { exerciseId: 1, group: 'PWG', medium: 'slack', channelId: 'CPWG', at: '2026-11-01T00:00:00Z' });
    await meetingUnderWay(app);
    expect(no(app, '/minutes publish M1').reply).toBe(
      "Nothing is captured in M1's minutes yet. Add notes, decisions or action items first: /minutes note M1 <text>, /minutes decision M1 <text>, /minutes action M1 <org> <due-date> <text>.",
    );
    ok(app, '/minutes note M1 UNHCR presented **the draft TOR**.');
    ok(app, '/minutes decision M1 The objectives are agreed.');
    ok(app, '/minutes action M1 KAS 2026-12-15 Share the sampling frame');
    app.clock.set('2026-12-03T09:00:00Z');
    expect(ok(app, '/minutes publish M1')).toBe(
      `Published the minutes of M1 (version 1) to the PWG, on time (due by 2026-12-08): ${PWG_PEOPLE} people, ${PWG_PEOPLE} messages (${PWG_PEOPLE} e-mail) and 1 group channel.`,
    );
    await app.sender.drain();
    expect(minutesEmailedTo(app, 'M1', 'minutes')).toHaveLength(PWG_PEOPLE);
    const kas = app.email.to(FOCAL.KAS).at(-1)!;
    expect(kas.payload.subject).toBe('[PWG] Minutes of M1, Tue 1 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(kas.payload.text).toContain('Dear Valon Morina,');
    expect(kas.payload.text).toContain('Notes:\n  1. UNHCR presented **the draft TOR**.');
    expect(kas.payload.text).toContain('Action items by owner:\n  KAS:\n    A1, due 2026-12-15: Share the sampling frame');
    expect(kas.payload.text).toContain('Attendance: not recorded.');
    expect(kas.payload.html).toContain('UNHCR presented <strong>the draft TOR</strong>.');
    const post = app.chat[0]!.to('slack:channel:CPWG').at(-1)!;
    expect(post.payload.text).toContain('To the Profiling Working Group:');
    expect(post.payload.text).toContain('1. The objectives are agreed.');

    const before = snapshot(app.db);
    expect(no(app, '/minutes publish M1').reply).toBe(
      "M1's minutes were published on 2026-12-03 10:00 Europe/Belgrade; published minutes are never edited. To change them: /minutes correct M1 <what changed>.",
    );
    expect(snapshot(app.db)).toBe(before);
    expect(ok(app, '/minutes show M1')).toContain(`v1 published 2026-12-03 10:00 Europe/Belgrade by Profiling Coordinator, on time (due by 2026-12-08); ${PWG_PEOPLE} people, ${PWG_PEOPLE + 1} messages (${PWG_PEOPLE + 1} delivered).`);
  });

  it("sends a PMG meeting's minutes to the PMG only", async () => {
    app = createTestApp();
    await meetingUnderWay(app, 'PMG');
    ok(app, '/minutes note M1 Budget lines reviewed');
    ok(app, '/minutes publish M1');
    const to = minutesEmailedTo(app, 'M1', 'minutes');
    expect(to).toHaveLength(PMG_PEOPLE);
    expect(to).toContain(FOCAL.DRC);
    expect(to).not.toContain(FOCAL.KAS);
  });

  it('says when the minutes are late', async () => {
    app = createTestApp();
    await meetingUnderWay(app);
    ok(app, '/minutes note M1 Opening');
    app.clock.set('2026-12-08T22:59:00Z');
    expect(ok(app, '/minutes publish M1')).toContain('on time (due by 2026-12-08)');
    app.close();
    app = createTestApp();
    await meetingUnderWay(app);
    ok(app, '/minutes note M1 Opening');
    app.clock.set('2026-12-08T23:00:00Z');
    expect(ok(app, '/minutes publish M1')).toContain('late: they were due by 2026-12-08');
    expect(minutesMessages(app, 'M1', 'minutes')[0]!.payload.text).toContain('They are shared after the date they were due by, 2026-12-08.');
  });
});

describe('/minutes correct', () => {
  it('publishes a new version that states what changed; both versions stay on record and are never edited', async () => {
    app = createTestApp();
    await meetingUnderWay(app);
    expect(no(app, '/minutes correct M1 Typo').reply).toBe(
      "M1's minutes are not published yet, so there is nothing to correct. Change the draft with /minutes edit or /minutes remove, then publish it: /minutes publish M1.",
    );
    ok(app, '/minutes note M1 Opening remarks');
    ok(app, '/minutes decision M1 The workshop is on 10 January.');
    app.clock.set('2026-12-03T09:00:00Z');
    ok(app, '/minutes publish M1');
    app.clock.set('2026-12-04T09:00:00Z');
    expect(ok(app, '/minutes decision M1 The sampling frame goes to the PMG.')).toContain(
      "M1's minutes were published (v1) and are never edited: this goes out in the next version, with /minutes correct M1 <what changed>.",
    );
    ok(app, '/minutes attendance M1 MCR UNHCR KAS');
    const shown = ok(app, '/minutes show M1');
    expect(shown).toContain('2. The sampling frame goes to the PMG. (Profiling Coordinator, 2026-12-04 10:00 Europe/Belgrade) [not published yet]');
    expect(shown).toContain("The attendance changed since version 1; it goes out with /minutes correct M1 <what changed>.");

    expect(ok(app, '/minutes correct M1 Decision 1: The workshop is on 15 January.')).toBe(
      `Published version 2 of M1's minutes, correcting version 1 (decision 1 corrected; added: 1 decision, the attendance): ${PWG_PEOPLE} people, ${PWG_PEOPLE} messages (${PWG_PEOPLE} e-mail). Every version stays on record (/minutes show M1).`,
    );
    const correction = minutesMessages(app, 'M1', 'minutes-correction').find((m) => m.address === FOCAL.KAS)!;
    expect(correction.payload.subject).toBe('[PWG] Corrected minutes of M1 (version 2), Tue 1 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(correction.payload.text).toContain('published on Thu 3 Dec 2026, 10:00 (Europe/Belgrade) (version 1), are corrected. This is version 2; version 1 stays on record.');
    expect(correction.payload.text).toContain('What changed: Decision 1: The workshop is on 15 January.');
    // The corrected minutes in full carry the corrected text, not the one published in version 1.
    expect(correction.payload.text).toContain('Decisions:\n  1. The workshop is on 15 January.\n  2. The sampling frame goes to the PMG.');
    expect(correction.payload.text).not.toContain('10 January');
    expect(correction.payload.text).toContain('Added since version 1: 1 decision, the attendance.');
    expect(correction.payload.text).toContain('Present (3 of 10 organisations): MCR, UNHCR, KAS');
    expect(correction.payload.html).toContain('<strong>What changed:</strong> Decision 1: The workshop is on 15 January.');
    expect(correction.payload.html).not.toContain('10 January');

    const versions = versionsOf(app.db, 1);
    expect(versions.map((v) => [v.version, v.correction])).toEqual([
      [1, null],
      [2, 'Decision 1: The workshop is on 15 January.'],
    ]);
    expect((versions[0]!.content as { decisions: unknown[] }).decisions).toHaveLength(1);
    expect((versions[1]!.content as { decisions: { text: string }[] }).decisions.map((d) => d.text)).toEqual(['The workshop is on 15 January.', 'The sampling frame goes to the PMG.']);
    // The first version is what members got on the 3rd, kept as it was.
    expect((versions[0]!.content as { decisions: { text: string }[] }).decisions[0]!.text).toBe('The workshop is on 10 January.');
    expect(minutesMessages(app, 'M1', 'minutes').find((m) => m.address === FOCAL.KAS)!.payload.text).not.toContain('sampling frame');
    expect(() => app.db.prepare(`UPDATE minutes_versions SET correction = 'forged' WHERE version = 2`).run()).toThrow(/never edited/);
    expect(() => app.db.prepare('DELETE FROM minutes_versions').run()).toThrow(/never edited/);
    expect(() => app.db.prepare(`UPDATE minutes_entries SET text = 'forged'`).run()).toThrow(/kept as it was/);

    const after = ok(app, '/minutes show M1');
    expect(after).toContain('Published: version 2 is the current one.');
    expect(after).not.toContain('[not published yet]');
    expect(after).toContain('v2 published 2026-12-04 10:00 Europe/Belgrade by Profiling Coordinator, correction: "Decision 1: The workshop is on 15 January."');
    expect(ok(app, '/exercise status')).toContain('- tor: M1 minuted: yes, published 2026-12-03 on time, corrected (now v2)');
  });
});
