import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueue, outboxEntry } from '../../../src/store/outbox';
import { outboxByRef } from '../../../src/store/outbox';
import { PROBE_EVERY_MS } from '../../../src/delivery/medium-health';
import { mediumState } from '../../../src/store/delivery-media';
import { PWG_CHANNEL, USERS, startDiscordHarness, type DiscordHarness } from './discord-harness';
import { discordError, rateLimited } from './fake-discord';

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness();
});
afterEach(() => h.close());

function queue(address: string, text: string, extra: { subject?: string; kind?: string; replaces?: string } = {}): number {
  return enqueue(
    h.app.db,
    {
      exerciseId: 1,
      kind: extra.kind ?? 'test-message',
      ref: 'test:1',
      medium: 'discord',
      address,
      payload: { subject: extra.subject ?? 'Agenda of M1', text, ...(extra.replaces ? { replaces: extra.replaces } : {}) },
    },
    h.app.clock.now().toISOString(),
  );
}

const posts = () => h.fake.callsTo('POST', /^\/channels\/\d+\/messages$/);

describe('Discord delivery from the outbox', () => {
  it('opens the DM channel first, then posts the message there, with the outbox id as nonce', async () => {
    const id = queue(`discord:person:${USERS.kas.id}`, 'The PWG meets on 10 December.');
    expect(await h.sender.drain()).toMatchObject({ sent: 1, failed: 0 });
    const opened = h.fake.callsTo('POST', /^\/users\/@me\/channels$/);
    expect(opened.map((c) => c.body)).toEqual([{ recipient_id: USERS.kas.id }]);
    const dm = [...h.fake.dms].find(([, user]) => user === USERS.kas.id)![0];
    expect(posts().map((c) => c.path)).toEqual([`/channels/${dm}/messages`]);
    expect(posts()[0]!.body).toMatchObject({
      content: '**Agenda of M1**\nThe PWG meets on 10 December.',
      allowed_mentions: { parse: [] },
      nonce: `convene-${id}-0`,
      enforce_nonce: true,
    });
    expect(outboxEntry(h.app.db, id)).toMatchObject({ status: 'sent', providerId: expect.stringMatching(new RegExp(`^${dm}/\\d+$`)) });
  });

  it('posts in a channel with no live mentions: @everyone typed by a member stays inert', async () => {
    queue(`discord:channel:${PWG_CHANNEL}`, 'Objection from KAS: @everyone please read <@1500000000000000001> *now*');
    await h.sender.drain();
    const body = posts()[0]!.body;
    expect(posts()[0]!.path).toBe(`/channels/${PWG_CHANNEL}/messages`);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).not.toMatch(/@everyone/);
    expect(body.content).toContain('@\u200beveryone');
    expect(body.content).toContain('<\u200b@1500000000000000001');
    expect(body.content).toContain('\\*now\\*');
  });

  it('splits a 2,100-character message into two posts of at most 2,000', async () => {
    const text = Array.from({ length: 30 }, (_, i) => `Line ${String(i).padStart(2, '0')} ${'x'.repeat(60)}`).join('\n');
    expect(text.length).toBeGreaterThan(2000);
    const id = queue(`discord:channel:${PWG_CHANNEL}`, text, { subject: '' });
    await h.sender.drain();
    const contents = posts().map((c) => String(c.body.content));
    expect(contents).toHaveLength(2);
    expect(contents.every((c) => c.length <= 2000)).toBe(true);
    expect(contents.join('\n')).toBe(text);
    expect(posts().map((c) => c.body.nonce)).toEqual([`convene-${id}-0`, `convene-${id}-1`]);
  });

  it('honours a 429: the outbox retries after retry_after, and then the message goes', async () => {
    h.fake.failNext('POST', /^\/channels\/\d+\/messages$/, rateLimited(3));
    const id = queue(`discord:channel:${PWG_CHANNEL}`, 'Reminder');
    expect(await h.sender.drain()).toMatchObject({ sent: 0, retrying: 1 });
    const waiting = outboxEntry(h.app.db, id)!;
    expect(waiting.status).toBe('pending');
    expect(waiting.lastError).toMatch(/rate limit/);
    // discord.js did not retry by itself: the one 429 is the only attempt so far.
    expect(posts()).toHaveLength(1);
    expect(new Date(waiting.nextAttemptAt).getTime() - h.app.clock.now().getTime()).toBeGreaterThanOrEqual(3000);
    h.app.clock.advance(5_000);
    expect(await h.sender.drain()).toMatchObject({ sent: 1 });
    expect(outboxEntry(h.app.db, id)!.status).toBe('sent');
    expect(posts()).toHaveLength(2);
  });

  it('records 50007 (cannot DM this user) as permanent, and tells the coordinator once', async () => {
    h.fake.closedDms.add(USERS.kas.id);
    const id = queue(`discord:person:${USERS.kas.id}`, 'Your vote is awaited');
    expect(await h.sender.drain()).toMatchObject({ failed: 1 });
    const failed = outboxEntry(h.app.db, id)!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('50007');
    const reports = outboxByRef(h.app.db, 'test:1').filter((e) => e.kind === 'delivery-failed');
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => r.medium === 'email')).toBe(true);
    expect(reports[0]!.payload.text).toContain('50007');
  });

  it('pauses Discord on 401 (the bot\'s token refused, not the message): nothing fails, and it goes out once the token works', async () => {
    const told: string[] = [];
    h.sender.onNotice((sentence) => told.push(sentence));
    h.fake.failNext('POST', /^\/channels\/\d+\/messages$/, discordError(401, 0, '401: Unauthorized'));
    const id = queue(`discord:channel:${PWG_CHANNEL}`, 'Announcement');
    expect(await h.sender.drain()).toMatchObject({ failed: 0 });
    expect(outboxEntry(h.app.db, id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(mediumState(h.app.db, 'discord')).toMatchObject({ pausedReason: '401: 401: Unauthorized' });
    expect(told[0]).toMatch(/^Discord delivery is paused: the provider refuses Convene's own settings \(401: 401: Unauthorized\); check DISCORD_TOKEN\./);
    h.app.clock.advance(PROBE_EVERY_MS);
    expect(await h.sender.drain()).toMatchObject({ failed: 0 });
    expect(outboxEntry(h.app.db, id)).toMatchObject({ status: 'sent' });
    expect(posts()).toHaveLength(2);
  });

  it('records 10003 (unknown channel) as permanent', async () => {
    h.fake.channels.add(PWG_CHANNEL);
    const id = queue('discord:channel:1400000000000000099', 'Announcement');
    await h.sender.drain();
    expect(outboxEntry(h.app.db, id)).toMatchObject({ status: 'failed' });
    expect(outboxEntry(h.app.db, id)!.lastError).toContain('10003');
  });

  it('edits the tally in place when a message replaces an earlier post', async () => {
    const first = queue(`discord:channel:${PWG_CHANNEL}`, 'Votes so far: none', { kind: 'endorsement-request' });
    await h.sender.drain();
    const providerId = outboxEntry(h.app.db, first)!.providerId!;
    queue(`discord:channel:${PWG_CHANNEL}`, 'Votes so far: KAS endorse', { kind: 'endorsement-tally', replaces: providerId });
    await h.sender.drain();
    const [channel, message] = providerId.split('/');
    const edits = h.fake.callsTo('PATCH', /^\/channels\/\d+\/messages\/\d+$/);
    expect(edits.map((e) => e.path)).toEqual([`/channels/${channel}/messages/${message}`]);
    expect(edits[0]!.body).toMatchObject({ content: '**Agenda of M1**\nVotes so far: KAS endorse', allowed_mentions: { parse: [] } });
    expect(posts()).toHaveLength(1);
  });

  it('posts anew when the message to edit is gone', async () => {
    h.fake.failNext('PATCH', /^\/channels\/\d+\/messages\/\d+$/, discordError(404, 10008, 'Unknown Message'));
    const id = queue(`discord:channel:${PWG_CHANNEL}`, 'Votes so far: KAS endorse', { replaces: `${PWG_CHANNEL}/1600000000000000042` });
    await h.sender.drain();
    expect(outboxEntry(h.app.db, id)!.status).toBe('sent');
    expect(posts()).toHaveLength(1);
  });
});
