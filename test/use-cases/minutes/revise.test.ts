import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, snapshot, type TestApp } from '../../helpers/app';
import { no, ok } from '../../helpers/meetings';
import { FOCAL } from '../../helpers/endorsements';
import { meetingUnderWay, minutesMessages } from '../../helpers/minutes';
import { auditOf } from '../../../src/store/audit';
import { jobsFor } from '../../../src/store/jobs';
import { versionsOf } from '../../../src/store/minutes';
import { readCorrection } from '../../../src/use-cases/minutes/publish';
import { readItemRef } from '../../../src/use-cases/minutes/items';

let app: TestApp;
afterEach(() => app?.close());

async function draft(): Promise<void> {
  app = createTestApp();
  await meetingUnderWay(app);
  ok(app, '/minutes note M1 Opening remarks');
  ok(app, '/minutes note M1 UNHCR presented the draft TOR; KAS asked about the sampling frame.');
  ok(app, '/minutes note M1 Coffee break');
  ok(app, '/minutes decision M1 The workshop is on 10 January.');
  ok(app, '/minutes action M1 KAS 2026-12-15 Share the sampling frame');
}

const rawEntries = () => app.db.prepare('SELECT kind, text FROM minutes_entries ORDER BY id').all();

describe('/minutes edit and /minutes remove, before publication', () => {
  it('replace and remove notes, decisions and action items; what was captured stays on record beside each change', async () => {
    await draft();
    expect(ok(app, '/minutes edit M1 note 2 UNHCR presented the draft TOR; **KAS** asked about the 2011 sampling frame.')).toBe(
      "Note 2 of M1's minutes now reads: UNHCR presented the draft TOR; **KAS** asked about the 2011 sampling frame.",
    );
    expect(ok(app, '/minutes edit M1 D1 The workshop is on 15 January.')).toBe("Decision 1 of M1's minutes now reads: The workshop is on 15 January.");
    expect(ok(app, '/minutes edit M1 A1 Share the 2011 census sampling frame with the PMG')).toContain('Action item A1 of M1');
    expect(ok(app, '/minutes remove M1 note 3')).toBe('Removed note 3 ("Coffee break") from M1\'s minutes. What was captured stays on record.');
    expect(ok(app, '/minutes remove m1 n1')).toContain('Removed note 1 ("Opening remarks")');

    const shown = ok(app, '/minutes show M1');
    expect(shown).toContain('Notes:\n1. UNHCR presented the draft TOR; **KAS** asked about the 2011 sampling frame. (Profiling Coordinator');
    expect(shown).not.toContain('Coffee break');
    expect(shown).toContain('Decisions:\n1. The workshop is on 15 January.');
    expect(shown).toContain('A1 due 2026-12-15, open: Share the 2011 census sampling frame with the PMG');
    // The reminders of an action item follow its text.
    expect(ok(app, '/minutes actions')).toContain('Share the 2011 census sampling frame with the PMG');

    // The rows as captured are untouched; the changes are rows of their own, never edited either.
    expect(rawEntries()).toEqual([
      { kind: 'note', text: 'Opening remarks' },
      { kind: 'note', text: 'UNHCR presented the draft TOR; KAS asked about the sampling frame.' },
      { kind: 'note', text: 'Coffee break' },
      { kind: 'decision', text: 'The workshop is on 10 January.' },
    ]);
    expect(app.db.prepare('SELECT change, text FROM minutes_revisions ORDER BY id').all()).toEqual([
      { change: 'edit', text: 'UNHCR presented the draft TOR; **KAS** asked about the 2011 sampling frame.' },
      { change: 'edit', text: 'The workshop is on 15 January.' },
      { change: 'edit', text: 'Share the 2011 census sampling frame with the PMG' },
      { change: 'remove', text: null },
      { change: 'remove', text: null },
    ]);
    expect(() => app.db.prepare(`UPDATE minutes_revisions SET text = 'forged'`).run()).toThrow(/kept as it was/);
    expect(() => app.db.prepare('DELETE FROM minutes_revisions').run()).toThrow(/kept as it was/);
    const audit = auditOf(app.db, 1).filter((a) => a.action === 'minutes edit' || a.action === 'minutes remove');
    expect(audit).toHaveLength(5);
    expect(audit[1]!.detail).toEqual({ meeting: 'M1', item: 'decision 1', before: 'The workshop is on 10 January.', after: 'The workshop is on 15 January.' });

    app.clock.set('2026-12-03T09:00:00Z');
    ok(app, '/minutes publish M1');
    const text = minutesMessages(app, 'M1', 'minutes').find((m) => m.address === FOCAL.KAS)!.payload.text;
    expect(text).toContain('Notes:\n  1. UNHCR presented the draft TOR; **KAS** asked about the 2011 sampling frame.\n\nDecisions:\n  1. The workshop is on 15 January.');
    expect(text).not.toMatch(/Coffee break|Opening remarks|10 January/);
  });

  it('removes an action item with its reminders', async () => {
    await draft();
    expect(jobsFor(app.db, 'action:1').filter((j) => j.status === 'pending')).toHaveLength(2);
    expect(ok(app, '/minutes remove M1 action A1')).toBe('Removed action item A1 ("Share the sampling frame") from M1\'s minutes; its reminders will not be sent. What was captured stays on record.');
    expect(jobsFor(app.db, 'action:1').filter((j) => j.status === 'pending')).toHaveLength(0);
    expect(ok(app, '/minutes actions all')).not.toContain('A1');
    expect(no(app, '/minutes done A1', FOCAL.KAS).code).toBe('not-found');
  });

  it.each([
    ['a bare number', '/minutes edit M1 2 New text', 'bad-argument', "Say which item of M1's minutes: note 2 (or N2), decision 1 (or D1), or an action item by its id (A3), as /minutes show lists them."],
    ['an item that is not there', '/minutes edit M1 note 7 New text', 'not-found', "M1's minutes have no note 7: they hold notes 1 to 3. /minutes show M1 lists them."],
    ['a decision that is not there', '/minutes remove M1 decision 2', 'not-found', "M1's minutes have no decision 2: they hold only decision 1."],
    ['an action item of another meeting', '/minutes remove M1 A9', 'not-found', "A9 is not an action item of M1's minutes."],
    ['an edit without text', '/minutes edit M1 note 1', 'bad-argument', 'Missing the new text: /minutes edit M1 <n> <text...>.'],
    ['an edit that changes nothing', '/minutes edit M1 N1 Opening  remarks', 'rule', "Note 1 of M1's minutes already reads so; nothing changed."],
    ['words after the item to remove', '/minutes remove M1 note 1 please', 'bad-argument', '/minutes remove M1 <n> takes only the item'],
    ['a text over the limit', `/minutes edit M1 A1 ${'x'.repeat(1001)}`, 'bad-argument', 'The text is 1001 characters long; the limit is 1000.'],
  ])('refuses %s and changes nothing', async (_what, text, code, message) => {
    await draft();
    const before = snapshot(app.db);
    const r = no(app, text);
    expect(r.code).toBe(code);
    expect(r.reply).toContain(message);
    expect(snapshot(app.db)).toBe(before);
  });

  it('is for the coordinator only', async () => {
    await draft();
    expect(no(app, '/minutes edit M1 note 1 Mine', FOCAL.KAS).code).toBe('forbidden');
    expect(no(app, '/minutes remove M1 note 1', FOCAL.KAS).code).toBe('forbidden');
  });

  it('is refused after publication, pointing to /minutes correct; the published version stays as it was', async () => {
    await draft();
    app.clock.set('2026-12-03T09:00:00Z');
    ok(app, '/minutes publish M1');
    const before = snapshot(app.db);
    expect(no(app, '/minutes edit M1 decision 1 The workshop is on 15 January.').reply).toBe(
      "M1's minutes were published on 2026-12-03 10:00 Europe/Belgrade (now version 1), and published minutes are never edited in place. Publish a corrected version instead: /minutes correct M1 Decision 1: <corrected text>.",
    );
    expect(no(app, '/minutes remove M1 N3').reply).toContain('Publish a corrected version instead: /minutes correct M1 Remove note 3.');
    expect(snapshot(app.db)).toBe(before);
  });
});

describe('/minutes correct naming an item', () => {
  it('publishes the corrected text and leaves out a removed item; repeating a removal is refused', async () => {
    await draft();
    app.clock.set('2026-12-03T09:00:00Z');
    ok(app, '/minutes publish M1');
    app.clock.set('2026-12-04T09:00:00Z');
    expect(ok(app, '/minutes correct M1 Remove note 3')).toContain('correcting version 1 (note 3 removed)');
    const v2 = minutesMessages(app, 'M1', 'minutes-correction').find((m) => m.address === FOCAL.KAS)!.payload.text;
    expect(v2).toContain('What changed: Remove note 3');
    expect(v2).not.toContain('Coffee break');
    expect(v2).toContain('The workshop is on 10 January.');
    const before = snapshot(app.db);
    expect(no(app, '/minutes correct M1 Remove note 3').reply).toBe(
      "Version 2 of M1's minutes already made this correction; it is not made again. /minutes show M1 lists the versions.",
    );
    expect(snapshot(app.db)).toBe(before);
    expect(no(app, '/minutes correct M1 Decision 1: The workshop is on 10 January.').reply).toBe("Decision 1 of M1's minutes already reads so; nothing changed.");
    expect(no(app, '/minutes correct M1 Decision 4: Something').code).toBe('not-found');

    ok(app, '/minutes correct M1 A1: Share the 2011 census sampling frame');
    const v3 = versionsOf(app.db, 1)[2]!.content as { actions: { text: string }[]; notes: { text: string }[] };
    expect(v3.actions[0]!.text).toBe('Share the 2011 census sampling frame');
    expect(v3.notes.map((n) => n.text)).toEqual(['Opening remarks', 'UNHCR presented the draft TOR; KAS asked about the sampling frame.']);
    // Version 1 is what members got on the 3rd.
    expect((versionsOf(app.db, 1)[0]!.content as { notes: unknown[] }).notes).toHaveLength(3);
  });
});

describe('reading an item and a correction', () => {
  it.each([
    ['note 2 text', { ref: { kind: 'note', n: 2 }, rest: 'text', colon: false }],
    ['N2: text', { ref: { kind: 'note', n: 2 }, rest: 'text', colon: true }],
    ['Decision 10', { ref: { kind: 'decision', n: 10 }, rest: '', colon: false }],
    ['d1 x', { ref: { kind: 'decision', n: 1 }, rest: 'x', colon: false }],
    ['A3', { ref: { kind: 'action', id: 3 }, rest: '', colon: false }],
    ['action item A3: y', { ref: { kind: 'action', id: 3 }, rest: 'y', colon: true }],
    ['action 3', { ref: { kind: 'action', id: 3 }, rest: '', colon: false }],
  ])('%s', (text, expected) => expect(readItemRef(text)).toEqual(expected));

  it.each(['2 text', 'Notes were taken', 'Nothing', 'decisions 1', 'Add 2 items', ''])('%j names no item', (text) => expect(readItemRef(text)).toBeNull());

  it.each([
    ['Decision 1: The TOR is agreed.', { ref: { kind: 'decision', n: 1 }, text: 'The TOR is agreed.' }],
    ['Remove note 2', { ref: { kind: 'note', n: 2 }, text: null }],
    ['remove A4: it was done in the meeting', { ref: { kind: 'action', id: 4 }, text: null }],
    ['Decision 1 was agreed unanimously.', null],
    ['Remove the reference to the 2011 census', null],
    ['Attendance corrected: OSCE was present.', null],
  ])('correction %j', (text, expected) => expect(readCorrection(text)).toEqual(expected));
});
