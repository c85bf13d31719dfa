import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app';
import { emailedTo, FOCAL, messages, OBSERVER, ok, SECOND_UNHCR } from '../../helpers/endorsements';
import { currentVotes, endorsementById } from '../../../src/store/endorsements';
import { auditOf } from '../../../src/store/audit';
import { tally, type Choice } from '../../../src/domain/tally';

let app: TestApp;
afterEach(() => app?.close());

describe('/endorse status', () => {
  it('shows every vote, who has not voted, the quorum and the outcome if it closed now', () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Terms of Reference version:v1 link:https://drive.example.org/tor-v1');
    ok(app, '/endorse vote E1 endorse', FOCAL.MCR);
    ok(app, '/endorse vote E1 object Section IV is unclear', FOCAL.KAS);
    ok(app, '/members remove-focal SCR focal@scr.example.org');
    expect(ok(app, '/endorse status E1', OBSERVER)).toBe(
      [
        'E1 · PWG · "Terms of Reference" (version v1) · open until 2026-11-29 10:00 Europe/Belgrade',
        'Document: https://drive.example.org/tor-v1',
        'Rule: consensus (endorsed when a quorum voted, at least one organisation endorses and none objects). Quorum: 6 of 10 organisations.',
        'Opened 2026-11-22 10:00 Europe/Belgrade.',
        '',
        'Votes (2 of 10 organisations):',
        '- MCR: endorse (Besa Gashi, 2026-11-22 10:00 Europe/Belgrade)',
        '- KAS: object (Valon Morina, 2026-11-22 10:00 Europe/Belgrade): "Section IV is unclear"',
        'Not voted yet: UNHCR, DRC, UNDP, IOM, SCR (no focal point), UNFPA, UNICEF, OSCE.',
        'Tally: 1 endorse, 1 object, 0 abstain; 2 voted, quorum 6 not reached.',
        'If it closed now: no quorum. 2 of 10 organisations voted; the quorum is 6.',
      ].join('\n'),
    );
  });

  it('under consensus, endorses nothing when every organisation abstains: a consensus needs an endorsement', () => {
    app = createTestApp();
    ok(app, '/endorse open PMG Workplan');
    for (const o of ['MCR', 'UNHCR', 'DRC', 'UNDP'] as const) ok(app, '/endorse vote E1 abstain', FOCAL[o]);
    expect(ok(app, '/endorse status E1')).toContain(
      'If it closed now: not endorsed. Consensus was not reached: no organisation endorsed (abstentions alone endorse nothing).',
    );
    expect(ok(app, '/endorse vote E1 abstain', FOCAL.IOM)).toContain('E1 is closed, not endorsed.');
    expect(endorsementById(app.db, 1, 1)).toMatchObject({ status: 'closed', outcome: 'not-endorsed' });
    expect(messages(app, 'endorsement-result')[0]!.payload.text).toContain('Outcome: not endorsed. Consensus was not reached: no organisation endorsed');
  });

  it('keeps a PMG request from focal points of PWG-only organisations', () => {
    app = createTestApp();
    ok(app, '/endorse open PMG Workplan');
    expect(app.run('/endorse status E1', FOCAL.KAS)).toMatchObject({ status: 'refused', code: 'forbidden' });
    expect(ok(app, '/endorse list', FOCAL.KAS)).toBe('No open endorsement requests in Kosovo 2014. /endorse list all shows every request.');
    expect(ok(app, '/endorse list', FOCAL.IOM)).toContain('E1 PMG "Workplan": open until 2026-11-29 10:00 Europe/Belgrade; 0 of 5 voted');
    expect(app.run('/endorse status E2')).toMatchObject({ status: 'refused', code: 'not-found' });
  });
});

describe('/endorse close and /endorse list', () => {
  it('closes with the tally as it stands and sends the result with every vote to the whole group', () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Terms of Reference rule:majority quorum:3');
    ok(app, '/endorse vote E1 endorse', FOCAL.MCR);
    ok(app, '/endorse vote E1 endorse Good work', FOCAL.DRC);
    ok(app, '/endorse vote E1 object', FOCAL.KAS);
    app.clock.advance(2 * 86400_000);
    expect(ok(app, '/endorse close E1')).toBe("Closed E1: endorsed. The result, with each organisation's vote, goes to the PWG's 14 members and its channels.");
    expect(endorsementById(app.db, 1, 1)).toMatchObject({ status: 'closed', outcome: 'endorsed', closedHow: 'coordinator', closedAt: '2026-11-24T09:00:00.000Z' });
    expect(emailedTo(app, 'endorsement-result')).toHaveLength(14);
    const text = messages(app, 'endorsement-result').find((m) => m.address === SECOND_UNHCR)!.payload.text;
    expect(text).toContain('closed by the coordinator on 2026-11-24 10:00 Europe/Belgrade.');
    expect(text).toContain('Outcome: endorsed. A quorum voted and 2 organisations endorsed against 1 objecting.');
    expect(text).toContain('  DRC: endorse (Jonas Madsen, 2026-11-22 10:00 Europe/Belgrade): "Good work"');
    expect(text).toContain('  KAS: object (Valon Morina, 2026-11-22 10:00 Europe/Belgrade)');
    expect(text).toContain('Did not vote: UNHCR, UNDP, IOM, SCR, UNFPA, UNICEF, OSCE.');
    expect(app.run('/endorse close E1').reply).toBe('E1 is already closed by the coordinator on 2026-11-24 10:00 Europe/Belgrade: endorsed.');
  });

  it('withdraws a request: the votes stay on record and decide nothing', () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Wrong document');
    ok(app, '/endorse vote E1 endorse', FOCAL.MCR);
    expect(ok(app, '/endorse close E1 withdraw')).toContain('Closed E1: withdrawn.');
    expect(messages(app, 'endorsement-result')[0]!.payload.text).toContain('The coordinator withdrew the request');
  });

  it('lists open requests by default, and closed or all on request', () => {
    app = createTestApp();
    expect(ok(app, '/endorse list all')).toBe('No endorsement has been sought in Kosovo 2014 yet.');
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    ok(app, '/endorse open PWG Methodology');
    ok(app, '/endorse close E2');
    expect(ok(app, '/endorse list')).toBe('Open endorsement requests in Kosovo 2014:\nE1 PWG "Terms of Reference" (version v1): open until 2026-11-29 10:00 Europe/Belgrade; 0 of 10 voted');
    expect(ok(app, '/endorse list closed')).toBe('Closed endorsement requests in Kosovo 2014:\nE2 PWG "Methodology": closed 2026-11-22 10:00 Europe/Belgrade: no quorum');
    expect(ok(app, '/endorse list all').split('\n')).toHaveLength(3);
    expect(app.run('/endorse list pending').reply).toBe('The list is one of: open, closed, all.');
  });
});

describe("/endorse list: a focal point's own vote", () => {
  it("shows a focal point, under each request of their groups, their organisation's current vote or how to cast it", () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    ok(app, '/endorse open PMG Workplan');
    ok(app, '/endorse open PWG Methodology');
    ok(app, '/endorse vote E1 object Section IV is unclear', FOCAL.MCR);
    app.clock.advance(3600_000);
    ok(app, '/endorse vote E1 endorse', FOCAL.UNHCR);
    ok(app, '/endorse proxy E3 MCR abstain given by phone');
    ok(app, '/endorse close E3');

    expect(ok(app, '/endorse list', FOCAL.MCR)).toBe(
      [
        'Open endorsement requests in Kosovo 2014:',
        'E2 PMG "Workplan": open until 2026-11-29 10:00 Europe/Belgrade; 0 of 5 voted',
        '  MCR has not voted yet — /endorse vote E2 endorse|object|abstain',
        'E1 PWG "Terms of Reference" (version v1): open until 2026-11-29 10:00 Europe/Belgrade; 2 of 10 voted',
        '  MCR: object, cast by Besa Gashi on 2026-11-22 10:00 Europe/Belgrade: "Section IV is unclear"',
      ].join('\n'),
    );
    expect(ok(app, '/endorse list closed', FOCAL.MCR)).toBe(
      [
        'Closed endorsement requests in Kosovo 2014:',
        'E3 PWG "Methodology": closed 2026-11-22 11:00 Europe/Belgrade: no quorum',
        '  MCR: abstain, recorded by Profiling Coordinator as a proxy on 2026-11-22 11:00 Europe/Belgrade: "given by phone"',
      ].join('\n'),
    );
    // Any focal point of the organisation sees the organisation's vote, whoever cast it.
    expect(ok(app, '/endorse list open', SECOND_UNHCR)).toContain('E1 PWG "Terms of Reference" (version v1): open until 2026-11-29 10:00 Europe/Belgrade; 2 of 10 voted\n  UNHCR: endorse, cast by Luan Berisha on 2026-11-22 11:00 Europe/Belgrade');
    // A PWG-only organisation sees only the PWG's requests, and that it did not vote on a closed one.
    const kas = ok(app, '/endorse list all', FOCAL.KAS);
    expect(kas).not.toContain('Workplan');
    expect(kas).toContain('  KAS has not voted yet — /endorse vote E1 endorse|object|abstain');
    expect(kas).toContain('E3 PWG "Methodology": closed 2026-11-22 11:00 Europe/Belgrade: no quorum\n  KAS did not vote.');
    // The coordinator and observers have no vote of their own: the list is one line per request.
    expect(ok(app, '/endorse list all').split('\n')).toHaveLength(4);
    expect(ok(app, '/endorse list all', OBSERVER).split('\n')).toHaveLength(4);
  });

  it('keeps a long or multi-line comment on one short line; /endorse status has it whole', () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Terms of Reference');
    const long = `Section IV ${'needs the sampling frame of KAS '.repeat(8)}`.trim();
    ok(app, `/endorse vote E1 object "First line\nsecond   line"`, FOCAL.KAS);
    expect(currentVotes(app.db, 1)[0]!.comment).toBe('First line\nsecond   line');
    expect(ok(app, '/endorse list', FOCAL.KAS).split('\n')).toHaveLength(3);
    expect(ok(app, '/endorse list', FOCAL.KAS)).toContain('  KAS: object, cast by Valon Morina on 2026-11-22 10:00 Europe/Belgrade: "First line second line"');
    ok(app, `/endorse vote E1 object ${long}`, FOCAL.KAS);
    const line = ok(app, '/endorse list', FOCAL.KAS).split('\n')[2]!;
    expect(line).toMatch(/^  KAS: object, cast by Valon Morina on 2026-11-22 10:00 Europe\/Belgrade: "Section IV needs .*…"$/);
    expect(line.length).toBeLessThan(220);
    expect(ok(app, '/endorse status E1')).toContain(long);
  });
});

describe('after the deadline, before the next tick', () => {
  it('says voting closed and the result is published at the next tick, in status, list and /exercise status', async () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Terms of Reference version:v1 document:tor');
    ok(app, '/endorse vote E1 endorse', FOCAL.MCR);
    app.clock.set('2026-11-29T08:59:00Z');
    expect(ok(app, '/endorse status E1').split('\n')[0]).toBe('E1 · PWG · "Terms of Reference" (version v1) · open until 2026-11-29 10:00 Europe/Belgrade');

    app.clock.set('2026-11-29T09:00:00Z');
    const status = ok(app, '/endorse status E1');
    expect(status.split('\n')[0]).toBe(
      'E1 · PWG · "Terms of Reference" (version v1) · voting closed at 2026-11-29 10:00 Europe/Belgrade; the result is published at the next tick',
    );
    expect(status).not.toContain('open until');
    expect(status).toContain('Did not vote: UNHCR, DRC, UNDP, IOM, KAS, SCR, UNFPA, UNICEF, OSCE.');
    expect(status).toContain('Outcome at its deadline: no quorum. 1 of 10 organisations voted; the quorum is 6.');
    expect(status).not.toContain('If it closed now');
    const closedAt = 'voting closed at 2026-11-29 10:00 Europe/Belgrade; the result is published at the next tick';
    expect(ok(app, '/endorse list')).toBe(`Open endorsement requests in Kosovo 2014:\nE1 PWG "Terms of Reference" (version v1): ${closedAt}; 1 of 10 voted`);
    expect(ok(app, '/endorse list', FOCAL.KAS)).toContain(`${closedAt}; 1 of 10 voted\n  KAS did not vote.`);
    expect(ok(app, '/endorse list', FOCAL.MCR)).toContain('\n  MCR: endorse, cast by Besa Gashi on 2026-11-22 10:00 Europe/Belgrade');
    expect(ok(app, '/exercise status')).toContain(`- objectives and TOR (key meeting: tor): E1 PWG "Terms of Reference" (version v1): ${closedAt}, 1 of 10 voted`);
    expect(app.run('/endorse vote E1 endorse', FOCAL.KAS).reply).toBe(
      'Voting on E1 closed at its deadline, 2026-11-29 10:00 Europe/Belgrade; the result is published at the next tick.',
    );

    await app.scheduler.tick();
    expect(ok(app, '/endorse status E1').split('\n')[0]).toBe('E1 · PWG · "Terms of Reference" (version v1) · closed at its deadline, 2026-11-29 10:00 Europe/Belgrade: no quorum');
    expect(ok(app, '/endorse list')).toBe('No open endorsement requests in Kosovo 2014. /endorse list all shows every request.');
  });
});

describe('the audit log', () => {
  it('holds every vote, replacement and proxy, enough to recompute the tally', () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Terms of Reference rule:majority');
    ok(app, '/endorse vote E1 endorse', FOCAL.MCR);
    ok(app, '/endorse vote E1 object Not yet', FOCAL.UNHCR);
    ok(app, '/endorse proxy E1 SCR abstain by phone');
    ok(app, '/endorse vote E1 endorse Objection withdrawn', SECOND_UNHCR);
    ok(app, '/endorse vote E1 endorse', FOCAL.SCR);
    ok(app, '/endorse vote E1 object', FOCAL.KAS);
    ok(app, '/endorse vote E1 object', FOCAL.KAS); // unchanged: recorded, decides nothing new
    ok(app, '/endorse vote E1 endorse', FOCAL.DRC);
    ok(app, '/endorse vote E1 abstain', FOCAL.UNDP);
    ok(app, '/endorse vote E1 endorse', FOCAL.IOM);
    const closed = auditOf(app.db, 1).filter((a) => a.action === 'endorse close');
    expect(closed).toHaveLength(0);
    ok(app, '/endorse close E1');

    const entries = auditOf(app.db, 1).filter((a) => a.outcome === 'accepted' && a.detail?.['endorsement'] === 'E1');
    const opened = entries.find((a) => a.action === 'endorse open')!.detail!;
    expect(opened).toMatchObject({ rule: 'majority', quorum: 6, electorate: ['MCR', 'UNHCR', 'DRC', 'UNDP', 'IOM', 'KAS', 'SCR', 'UNFPA', 'UNICEF', 'OSCE'] });
    const current = new Map<string, Choice>();
    for (const a of entries.filter((x) => x.action === 'endorse vote' || x.action === 'endorse proxy')) current.set(a.detail!['organisation'] as string, a.detail!['choice'] as Choice);
    const recomputed = tally({ rule: opened['rule'] as 'majority', quorum: opened['quorum'] as number, electorate: (opened['electorate'] as string[]).length, votes: [...current.values()] });
    const close = entries.find((a) => a.action === 'endorse close')!.detail!;
    expect(close['tally']).toEqual({ endorse: recomputed.endorse, object: recomputed.object, abstain: recomputed.abstain, voted: recomputed.voted, quorum: 6, quorumReached: recomputed.quorumReached });
    expect(close['outcome']).toBe(recomputed.outcome);
    expect(recomputed).toMatchObject({ endorse: 5, object: 1, abstain: 1, outcome: 'endorsed' });
    const replacement = entries.find((a) => a.detail!['comment'] === 'Objection withdrawn')!;
    expect(replacement.detail).toMatchObject({ organisation: 'UNHCR', castBy: SECOND_UNHCR, replaces: { choice: 'object', proxy: false, castBy: FOCAL.UNHCR } });
    expect(entries.find((a) => a.action === 'endorse proxy')!.detail).toMatchObject({ organisation: 'SCR', proxy: true, castBy: 'coordinator@unhcr.example.org' });
  });
});

describe('/exercise status', () => {
  it("shows, for each key meeting's document, whether the group endorsed it", () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Terms of Reference version:v1 document:tor');
    ok(app, '/endorse open PWG Terms of Reference version:v2 document:tor');
    ok(app, '/endorse open PWG Methodology document:methodology');
    ok(app, '/endorse close E3');
    ok(app, '/endorse open PMG Workplan');
    const status = ok(app, '/exercise status');
    expect(status).toContain('Endorsement of the key documents:');
    expect(status).toContain('- objectives and TOR (key meeting: tor): E2 PWG "Terms of Reference" (version v2): open until 2026-11-29 10:00 Europe/Belgrade, 0 of 10 voted');
    expect(status).toContain('- methodology (key meeting: methodology): E3 PWG "Methodology": no quorum (closed 2026-11-22 10:00 Europe/Belgrade)');
    expect(status).toContain('- final report (key meeting: report): not sought yet. /endorse open PWG <title> document:report');
    expect(status).toContain('Other open requests: E4 PMG "Workplan": open until 2026-11-29 10:00 Europe/Belgrade, 0 of 5 voted.');
    expect(ok(app, '/exercise status', FOCAL.KAS)).not.toContain('Workplan');
  });
});
