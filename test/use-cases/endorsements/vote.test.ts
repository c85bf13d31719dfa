import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, snapshot, type TestApp } from '../../helpers/app';
import { emailedTo, everyoneEndorses, FOCAL, messages, OBSERVER, ok, PMG, PWG, SECOND_UNHCR } from '../../helpers/endorsements';
import { currentVotes, endorsementById, voteHistory } from '../../../src/store/endorsements';
import { jobsFor } from '../../../src/store/jobs';
import { linkIdentity, personByEmail } from '../../../src/store/members';
import { decodeIntent } from '../../../src/chat/intent';

let app: TestApp;
afterEach(() => app?.close());

const COORD = 'coordinator@unhcr.example.org';

function withTor(): TestApp {
  app = createTestApp();
  ok(app, '/endorse open PWG Terms of Reference version:v1');
  return app;
}

describe('/endorse vote', () => {
  it("counts for the voter's organisation and sends a receipt to the voter and the organisation's other focal points", () => {
    withTor();
    const reply = ok(app, '/endorse vote E1 endorse Fine with us', FOCAL.UNHCR);
    expect(reply).toContain(`Recorded: UNHCR's vote on E1 "Terms of Reference" (version v1) is now endorse.`);
    expect(reply).toContain("A receipt goes to UNHCR's 2 focal points.");
    expect(currentVotes(app.db, 1).map((v) => [v.acronym, v.choice, v.comment, v.castBy.email, v.proxy])).toEqual([
      ['UNHCR', 'endorse', 'Fine with us', FOCAL.UNHCR, false],
    ]);
    expect(emailedTo(app, 'endorsement-receipt')).toEqual([FOCAL.UNHCR, SECOND_UNHCR].sort());
    const other = messages(app, 'endorsement-receipt').find((m) => m.address === SECOND_UNHCR)!;
    expect(other.payload.subject).toBe("[PWG] UNHCR's vote on E1 is now: endorse");
    expect(other.payload.text).toContain('Cast by:   Luan Berisha <focal@unhcr.example.org>');
    expect(other.payload.text).toContain('You receive this because you are a focal point of UNHCR');
    const own = messages(app, 'endorsement-receipt').find((m) => m.address === FOCAL.UNHCR)!;
    expect(own.payload.text).not.toContain('You receive this because');
  });

  it("lets another focal point of the organisation replace its vote, keeping the history", () => {
    withTor();
    ok(app, '/endorse vote E1 endorse', FOCAL.UNHCR);
    app.clock.advance(3600_000);
    const reply = ok(app, '/endorse vote E1 object Section III omits the returnees', SECOND_UNHCR);
    expect(reply).toContain('is now object, replacing its earlier endorse of 2026-11-22 10:00 Europe/Belgrade.');
    expect(voteHistory(app.db, 1).map((v) => [v.choice, v.castBy.email, v.current])).toEqual([
      ['endorse', FOCAL.UNHCR, false],
      ['object', SECOND_UNHCR, true],
    ]);
    expect(currentVotes(app.db, 1)).toHaveLength(1);
    expect(ok(app, '/endorse status E1')).toContain(
      '- UNHCR: object (Mira Hoxha, 2026-11-22 11:00 Europe/Belgrade): "Section III omits the returnees"; replaces 1 earlier vote',
    );
    const receipt = messages(app, 'endorsement-receipt').filter((m) => m.address === FOCAL.UNHCR).at(-1)!;
    expect(receipt.payload.text).toContain('Replaces:  endorse, cast by Luan Berisha on 2026-11-22 10:00 Europe/Belgrade');
  });

  it('accepts an objection without a comment, and asks for the reason', () => {
    withTor();
    const reply = ok(app, '/endorse vote E1 object', FOCAL.KAS);
    expect(reply).toContain('An objection should say why: add the reason with /endorse vote E1 object <reason>.');
    const receipt = messages(app, 'endorsement-receipt')[0]!;
    expect(receipt.payload.text).toContain('This objection gives no reason.');
    expect(ok(app, '/endorse status E1')).toContain('- KAS: object (Valon Morina, 2026-11-22 10:00 Europe/Belgrade) (no reason given yet)');
  });

  it('changes nothing for the same vote twice', () => {
    withTor();
    ok(app, '/endorse vote E1 abstain', FOCAL.KAS);
    expect(ok(app, '/endorse vote E1 ABSTAIN', FOCAL.KAS)).toContain("KAS's vote on E1 is already abstain, cast by Valon Morina on 2026-11-22 10:00 Europe/Belgrade; nothing changed.");
    expect(voteHistory(app.db, 1)).toHaveLength(1);
  });

  describe('eligibility, checked when the vote is cast', () => {
    it('refuses observers and the coordinator (who records votes only as proxies)', () => {
      withTor();
      const before = snapshot(app.db);
      expect(app.run('/endorse vote E1 endorse', OBSERVER)).toMatchObject({ status: 'refused', code: 'forbidden', reply: expect.stringContaining('you are an observer') });
      expect(app.run('/endorse vote E1 endorse', COORD)).toMatchObject({ status: 'refused', code: 'forbidden', reply: expect.stringContaining('you are the coordinator') });
      expect(snapshot(app.db)).toBe(before);
    });

    it('refuses a focal point removed since the request opened; their organisation can still vote', () => {
      withTor();
      ok(app, `/members remove-focal UNHCR ${SECOND_UNHCR}`);
      expect(app.run('/endorse vote E1 object', SECOND_UNHCR)).toMatchObject({ status: 'refused', code: 'forbidden', reply: `${SECOND_UNHCR} is not a member of this exercise. Ask the Profiling Coordinator to add you.` });
      expect(app.run('/endorse vote E1 endorse', FOCAL.UNHCR).status).toBe('accepted');
    });

    it('refuses a PWG-only organisation on a PMG request', () => {
      app = createTestApp();
      ok(app, '/endorse open PMG Workplan');
      expect(app.run('/endorse vote E1 endorse', FOCAL.KAS)).toMatchObject({
        status: 'refused', code: 'forbidden', reply: 'E1 is a PMG request: only the PMG\'s member organisations vote on it, and KAS is in the PWG only.',
      });
      expect(app.run('/endorse proxy E1 KAS endorse').reply).toContain('KAS is in the PWG only');
      expect(app.run('/endorse vote E1 endorse', FOCAL.IOM).status).toBe('accepted');
    });

    it('refuses an unlinked chat user, and takes the identity from the linked account, never from the text', async () => {
      withTor();
      expect(await app.runChat('/endorse vote E1 endorse', 'slack', 'UNKNOWN')).toMatchObject({ status: 'refused', code: 'forbidden', reply: expect.stringContaining('/members link') });
      linkIdentity(app.db, { medium: 'slack', userId: 'UKAS', personId: personByEmail(app.db, FOCAL.KAS)!.id, at: '2026-11-01T00:00:00Z', by: 'test' });
      const button = decodeIntent('/endorse vote E1 endorse')!;
      expect(button).toEqual({ command: 'endorse vote', args: { id: 'E1', choice: 'endorse' } });
      const r = await app.runChat('/endorse vote E1 endorse UNHCR', 'slack', 'UKAS');
      expect(r.status).toBe('accepted');
      expect(currentVotes(app.db, 1).map((v) => [v.acronym, v.comment])).toEqual([['KAS', 'UNHCR']]);
    });

    it('refuses an unknown request', () => {
      withTor();
      expect(app.run('/endorse vote E7 endorse', FOCAL.KAS)).toMatchObject({ status: 'refused', code: 'not-found' });
      expect(app.run('/endorse vote 7x endorse', FOCAL.KAS).reply).toBe('7x is not a request id: request ids look like E12.');
      expect(app.run('/endorse vote E1 yes', FOCAL.KAS).reply).toBe('The choice is one of: endorse, object, abstain.');
    });
  });

  describe('the deadline', () => {
    it('takes a vote until the minute before the deadline and refuses one in the deadline minute', () => {
      withTor();
      app.clock.set('2026-11-29T08:59:59Z');
      expect(app.run('/endorse vote E1 endorse', FOCAL.KAS).status).toBe('accepted');
      app.clock.set('2026-11-29T09:00:00Z');
      const before = snapshot(app.db);
      expect(app.run('/endorse vote E1 object', FOCAL.KAS)).toMatchObject({
        status: 'refused', code: 'rule', reply: 'Voting on E1 closed at its deadline, 2026-11-29 10:00 Europe/Belgrade; the result is published at the next tick.',
      });
      expect(app.run('/endorse proxy E1 SCR endorse').status).toBe('refused');
      expect(snapshot(app.db)).toBe(before);
    });

    it('refuses a vote after the coordinator closed the request', () => {
      withTor();
      ok(app, '/endorse close E1');
      expect(app.run('/endorse vote E1 endorse', FOCAL.KAS).reply).toMatch(/^E1 was closed by the coordinator on 2026-11-22 10:00 Europe\/Belgrade: no quorum; votes are no longer taken\.$/);
    });
  });

  describe('closing as soon as every organisation has voted', () => {
    it('closes with the tally when the last organisation votes, and publishes the result once', () => {
      withTor();
      everyoneEndorses(app, PWG.filter((o) => o !== 'OSCE'));
      expect(endorsementById(app.db, 1, 1)!.status).toBe('open');
      const reply = ok(app, '/endorse vote E1 abstain', FOCAL.OSCE);
      expect(reply).toContain('That was the last organisation to vote: E1 is closed, endorsed. The result goes to the PWG.');
      expect(endorsementById(app.db, 1, 1)).toMatchObject({ status: 'closed', outcome: 'endorsed', closedHow: 'all-voted' });
      expect(emailedTo(app, 'endorsement-result')).toHaveLength(14);
      expect(jobsFor(app.db, 'endorsement:1').every((j) => j.status === 'cancelled')).toBe(true);
      const result = messages(app, 'endorsement-result')[0]!.payload.text;
      expect(result).toContain('closed on 2026-11-22 10:00 Europe/Belgrade, when every organisation of the group had voted.');
      expect(result).toContain('Outcome: endorsed. A quorum voted, at least one organisation endorsed and none objected.');
      expect(result).toContain('  OSCE: abstain (Marco Bianchi, 2026-11-22 10:00 Europe/Belgrade)');
      expect(result).not.toContain('Did not vote');
    });

    it('counts only the PMG organisations for a PMG request', () => {
      app = createTestApp();
      ok(app, '/endorse open PMG Workplan');
      everyoneEndorses(app, PMG);
      expect(endorsementById(app.db, 1, 1)).toMatchObject({ status: 'closed', outcome: 'endorsed' });
      expect(emailedTo(app, 'endorsement-result')).toHaveLength(8);
    });
  });
});

describe('/endorse proxy', () => {
  it('records a vote given by phone, marked proxy, with receipts to the organisation; the organisation can change it', () => {
    withTor();
    const reply = ok(app, '/endorse proxy E1 scr endorse given by phone on 2026-11-22');
    expect(reply).toContain("Recorded: SCR's vote on E1 \"Terms of Reference\" (version v1) is now endorse (proxy).");
    expect(currentVotes(app.db, 1)[0]).toMatchObject({ acronym: 'SCR', proxy: true, comment: 'given by phone on 2026-11-22', castBy: { email: COORD } });
    const receipt = messages(app, 'endorsement-receipt')[0]!;
    expect(receipt.address).toBe(FOCAL.SCR);
    expect(receipt.payload.text).toContain('is now: endorse (recorded by the coordinator as a proxy)');
    expect(ok(app, '/endorse status E1')).toContain('- SCR: endorse (Profiling Coordinator, by proxy, 2026-11-22 10:00 Europe/Belgrade): "given by phone on 2026-11-22"');
    ok(app, '/endorse vote E1 object We never agreed to this', FOCAL.SCR);
    expect(currentVotes(app.db, 1)[0]).toMatchObject({ acronym: 'SCR', proxy: false, choice: 'object' });
  });

  it('works for an organisation without a focal point, and says no receipt could be sent', () => {
    withTor();
    ok(app, '/members remove-focal SCR focal@scr.example.org');
    expect(ok(app, '/endorse proxy E1 SCR abstain')).toContain('SCR has no focal point, so no receipt could be sent.');
  });

  it('refuses an unknown organisation', () => {
    withTor();
    expect(app.run('/endorse proxy E1 WFP endorse')).toMatchObject({ status: 'refused', code: 'not-found', reply: expect.stringContaining('There is no member organisation WFP') });
  });
});
