import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app';
import { linkIdentity, personByEmail } from '../../../src/store/members';
import { outboxByRef } from '../../../src/store/outbox';

let app: TestApp;
afterEach(() => app?.close());

/** The PMG (five organisations) with its announcements bound to Slack channel C-PMG. */
async function pmgWithChannel(): Promise<TestApp> {
  const a = createTestApp({ chatMedia: ['slack'] });
  linkIdentity(a.db, { medium: 'slack', userId: 'UCOORD', personId: personByEmail(a.db, 'coordinator@unhcr.example.org')!.id, at: '2026-11-01T00:00:00Z', by: 'test' });
  const bound = await a.runChat('/exercise channel PMG', 'slack', 'UCOORD', { channel: { medium: 'slack', id: 'C-PMG' } });
  expect(bound.status).toBe('accepted');
  expect(a.run('/endorse open PMG Data-collection tools version:v1').status).toBe('accepted');
  await a.sender.drain();
  return a;
}

describe('the endorsement post in the group channel', () => {
  it('is updated in place after each vote with the tally by organisation, never by person', async () => {
    app = await pmgWithChannel();
    const slack = app.chat[0]!;
    const original = slack.to('slack:channel:C-PMG')[0]!;
    expect(original.payload.actions?.map((a) => a.label)).toEqual(['Endorse', 'Object', 'Abstain']);
    const providerId = outboxByRef(app.db, 'endorsement:1').find((r) => r.medium === 'slack' && r.address === 'slack:channel:C-PMG')!.providerId;

    expect(app.run('/endorse vote E1 object the sample is too small', 'focal@drc.example.org').status).toBe('accepted');
    await app.sender.drain();
    const update = slack.to('slack:channel:C-PMG').at(-1)!;
    expect(update.payload.replaces).toBe(providerId);
    expect(update.payload.text).toContain('Votes so far, by organisation (0 endorse, 1 object, 0 abstain; 1 voted');
    expect(update.payload.text).toContain('DRC: object');
    expect(update.payload.text).toContain('Not yet voted: MCR, UNHCR, UNDP, IOM');
    expect(update.payload.text).not.toContain('Jonas Madsen');
    expect(update.payload.actions).toHaveLength(3);
  });

  it('keeps the final tally and loses its buttons when the request closes', async () => {
    app = await pmgWithChannel();
    for (const who of ['focal@mcr.example.org', 'focal@unhcr.example.org', 'focal@drc.example.org', 'focal@undp.example.org', 'focal@iom.example.org'])
      expect(app.run('/endorse vote E1 endorse', who).status).toBe('accepted');
    await app.sender.drain();
    const last = app.chat[0]!.to('slack:channel:C-PMG').filter((m) => m.payload.replaces).at(-1)!;
    expect(last.payload.text).toContain('This request is closed');
    expect(last.payload.text).toContain('5 endorse, 0 object, 0 abstain; 5 voted');
    expect(last.payload.actions).toBeUndefined();
  });

  it('is not updated when the original post never reached the channel', async () => {
    app = await pmgWithChannel();
    app.db.prepare(`UPDATE outbox SET status = 'failed', provider_id = NULL WHERE address = 'slack:channel:C-PMG'`).run();
    app.run('/endorse vote E1 endorse', 'focal@mcr.example.org');
    expect(outboxByRef(app.db, 'endorsement:1').filter((r) => r.kind === 'endorsement-tally')).toHaveLength(0);
  });
});
