import { afterEach, describe, expect, it } from 'vitest';
import { snapshot } from '../../helpers/app';
import { postSigned } from './fake-slack';
import { SECRET, USERS, startSlackHarness, type SlackHarness } from './slack-harness';

let h: SlackHarness;
afterEach(async () => h?.close());

const now = () => Math.floor(Date.now() / 1000);

describe('Slack request authenticity', () => {
  it.each([
    ['a wrong signing secret', { secret: 'not-the-secret' }],
    ['a timestamp 10 minutes old', { timestamp: now() - 600 }],
    ['a timestamp 6 minutes ahead', { timestamp: now() + 360 }],
  ])('refuses %s with 401 and changes nothing', async (_what, o) => {
    h = await startSlackHarness();
    const before = snapshot(h.app.db);
    const r = await h.slash(USERS.coordinator.id, '/members', 'add-org XYZ Some Organisation', o);
    expect(r.status).toBe(401);
    await new Promise((res) => setTimeout(res, 200));
    expect(snapshot(h.app.db)).toBe(before);
    expect(h.seen).toHaveLength(0);
    expect(h.fake.responses).toHaveLength(0);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  });

  it('accepts a timestamp a little ahead (clock skew within 5 minutes)', async () => {
    h = await startSlackHarness();
    const r = await h.slash(USERS.coordinator.id, '/members', 'list', { timestamp: now() + 60 });
    expect(r.status).toBe(200);
    expect((await h.reply(r.trigger)).text).toContain('member organisations');
  });

  it('refuses a request without a signature, and an interaction signed with another secret', async () => {
    h = await startSlackHarness();
    const unsigned = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'command=%2Fmembers&text=list' });
    expect(unsigned.status).toBe(401);
    const forged = await postSigned(h.url, `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions' }))}`, { secret: `${SECRET}x` });
    expect(forged.status).toBe(401);
    expect(h.seen).toHaveLength(0);
  });

  it('answers 404 on other paths', async () => {
    h = await startSlackHarness();
    const r = await fetch(h.url.replace('/slack/events', '/elsewhere'), { method: 'POST', body: 'x' });
    expect(r.status).toBe(404);
  });
});
