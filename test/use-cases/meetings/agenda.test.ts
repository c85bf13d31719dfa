import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, snapshot, type TestApp } from '../../helpers/app';
import { no, ok } from '../../helpers/meetings';
import { agendaOf, meetingById } from '../../../src/store/meetings';

let app: TestApp;
afterEach(() => app?.close());

const texts = () => agendaOf(app.db, 1).map((i) => i.text);

describe('/meeting agenda', () => {
  it('adds, moves, removes and shows items in order, raising the agenda version on each change', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    ok(app, '/meeting schedule PWG 2026-12-01 10:00 Agree the TOR');
    expect(ok(app, '/meeting agenda M1 show')).toContain('no items yet');
    expect(ok(app, '/meeting agenda M1 add Welcome')).toContain('Added item 1 to M1\'s agenda.');
    ok(app, '/meeting agenda m1 add Review of the draft TOR');
    ok(app, '/meeting agenda 1 add Any other business');
    expect(texts()).toEqual(['Welcome', 'Review of the draft TOR', 'Any other business']);
    expect(ok(app, '/meeting agenda M1 move 3 1')).toContain('Moved item 3 ("Any other business") to position 1.');
    expect(texts()).toEqual(['Any other business', 'Welcome', 'Review of the draft TOR']);
    expect(ok(app, '/meeting agenda M1 remove 2')).toContain('Removed item 2 ("Welcome")');
    expect(texts()).toEqual(['Any other business', 'Review of the draft TOR']);
    expect(agendaOf(app.db, 1).map((i) => i.position)).toEqual([1, 2]);
    expect(meetingById(app.db, 1)!.agendaVersion).toBe(5);
    expect(ok(app, '/meeting agenda M1 show')).toBe(
      'Agenda of M1 (PWG, Tue 1 Dec 2026, 10:00 (Europe/Belgrade)):\n1. Any other business\n2. Review of the draft TOR',
    );
  });

  it('keeps an item that spans lines', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    ok(app, '/meeting schedule PWG 2026-12-01 10:00 Agree the TOR');
    ok(app, '/meeting agenda M1 add Methodology:\n- sampling frame\n- questionnaire');
    expect(texts()).toEqual(['Methodology:\n- sampling frame\n- questionnaire']);
  });

  it.each([
    ['an unknown meeting id', '/meeting agenda M99 add Something', 'not-found', 'There is no meeting M99 in Kosovo 2014.'],
    ['a malformed id', '/meeting agenda X7 add Something', 'bad-argument', 'X7 is not a meeting id: meeting ids look like M12.'],
    ['an item of 5,000 characters', `/meeting agenda M1 add ${'x'.repeat(5000)}`, 'bad-argument', 'The agenda item is 5000 characters long; the limit is 1000.'],
    ['an empty item', '/meeting agenda M1 add', 'bad-argument', 'Missing the item\'s text'],
    ['removing an item that does not exist', '/meeting agenda M1 remove 4', 'not-found', 'There is no item 4: M1\'s agenda has items 1 to 1.'],
    ['moving to a position that does not exist', '/meeting agenda M1 move 1 9', 'not-found', 'There is no item 9'],
    ['a position that is not a number', '/meeting agenda M1 remove first', 'bad-argument', 'is an item number'],
    ['an unknown action', '/meeting agenda M1 rename 1 x', 'bad-argument', 'The agenda action is one of: add, remove, move, show.'],
    ['control characters', '/meeting agenda M1 add Bell\u0007', 'bad-argument', 'contains control characters'],
  ])('refuses %s and changes nothing', (_what, text, code, message) => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    ok(app, '/meeting schedule PWG 2026-12-01 10:00 Agree the TOR');
    ok(app, '/meeting agenda M1 add Welcome');
    const before = snapshot(app.db);
    const r = no(app, text);
    expect(r.code).toBe(code);
    expect(r.reply).toContain(message);
    expect(snapshot(app.db)).toBe(before);
  });

  it('tells the coordinator, after the notice went out, that /meeting send sends the amended agenda', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    ok(app, '/meeting schedule PWG 2026-12-01 10:00 Agree the TOR');
    ok(app, '/meeting agenda M1 add Welcome');
    ok(app, '/meeting send M1');
    expect(ok(app, '/meeting agenda M1 add Any other business')).toContain(
      'Members have the agenda sent on Tue 10 Nov 2026, 10:00 (Europe/Belgrade); /meeting send M1 sends this amended agenda.',
    );
  });

  it('refuses to change a cancelled meeting, and is for the coordinator only', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    ok(app, '/meeting schedule PWG 2026-12-01 10:00 Agree the TOR');
    expect(no(app, '/meeting agenda M1 add Mine', 'focal@kas.example.org').code).toBe('forbidden');
    ok(app, '/meeting cancel M1 no quorum');
    expect(no(app, '/meeting agenda M1 add Too late').reply).toContain('M1 was cancelled (no quorum); it cannot be changed.');
  });

  it('shows the agenda to everyone who may see the meeting; only the coordinator changes it', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    ok(app, '/meeting schedule PWG 2026-12-01 10:00 Agree the TOR');
    ok(app, '/meeting agenda M1 add Welcome');
    ok(app, '/meeting schedule PMG 2026-12-02 10:00 Budget');
    const agenda = 'Agenda of M1 (PWG, Tue 1 Dec 2026, 10:00 (Europe/Belgrade)):\n1. Welcome';
    expect(ok(app, '/meeting agenda M1 show', 'focal@kas.example.org')).toBe(agenda);
    expect(ok(app, '/meeting agenda M1 show', 'support@jips.example.org')).toBe(agenda);
    expect(ok(app, '/meeting agenda M2 show', 'focal@mcr.example.org')).toContain('Agenda of M2 (PMG');
    // KAS is in the PWG only: the PMG's meeting is not theirs to see, as with /meeting show.
    expect(no(app, '/meeting agenda M2 show', 'focal@kas.example.org')).toMatchObject({ code: 'not-found', reply: expect.stringContaining('that you can see') });
    for (const text of ['/meeting agenda M1 add Mine', '/meeting agenda M1 remove 1', '/meeting agenda M1 move 1 1']) {
      expect(no(app, text, 'focal@kas.example.org')).toMatchObject({ code: 'forbidden', reply: 'Only the Profiling Coordinator can use /meeting agenda; you are a focal point.' });
      expect(no(app, text, 'support@jips.example.org').code).toBe('forbidden');
    }
    expect(ok(app, '/help meeting agenda', 'focal@kas.example.org')).toContain(
      'Who may use it: the Profiling Coordinator; to read (show): every member (coordinators, focal points, observers).',
    );
  });
});
