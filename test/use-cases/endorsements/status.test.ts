import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app';
import { emailedTo, FOCAL, messages, OBSERVER, ok, SECOND_UNHCR } from '../../helpers/endorsements';
import { endorsementById } from '../../../src/store/endorsements';
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
        'Rule: consensus (endorsed when a quorum voted and no organisation objects). Quorum: 6 of 10 organisations.',
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
