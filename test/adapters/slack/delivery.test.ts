import { mkdtempSync, copyFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandContext } from '../../../src/core/context';
import type { OutboundPayload } from '../../../src/core/ports';
import { TemplateRenderer } from '../../../src/render/renderer';
import { exerciseBySlug } from '../../../src/store/exercises';
import { coordinators } from '../../../src/store/members';
import { enqueue, outboxEntry } from '../../../src/store/outbox';
import { PROBE_EVERY_MS } from '../../../src/delivery/medium-health';
import { mediumState } from '../../../src/store/delivery-media';
import { TEMPLATES } from '../../helpers/app';
import { USERS, startSlackHarness, type SlackHarness } from './slack-harness';

let h: SlackHarness;
let templates: string | undefined;
afterEach(async () => {
  await h?.close();
  if (templates) rmSync(templates, { recursive: true, force: true });
  templates = undefined;
});

/** Queues one Slack message the way the core does, and returns its outbox id. */
function queue(address: string, payload: Partial<OutboundPayload> = {}): number {
  const exercise = exerciseBySlug(h.app.db, 'kosovo-2014')!;
  return enqueue(h.app.db, { exerciseId: exercise.id, kind: 'test-notice', ref: 'test:1', medium: 'slack', address, payload: { subject: 'Notice', text: 'Hello PWG', ...payload } }, h.app.clock.now().toISOString());
}

/** A group announcement through CommandContext.announce, as a use case makes one, with a template of its own. */
function announce(actions?: OutboundPayload['actions']): number[] {
  templates = mkdtempSync(join(tmpdir(), 'convene-templates-'));
  copyFileSync(join(TEMPLATES, 'layout.html'), join(templates, 'layout.html'));
  writeFileSync(join(templates, 'endorsement-request.txt'), 'Subject: {{group}}: endorsement of {{title}}\n\nThe coordinator seeks the {{group}}\'s endorsement of {{title}}.\n');
  const exercise = exerciseBySlug(h.app.db, 'kosovo-2014')!;
  const coordinator = coordinators(h.app.db, exercise.id)[0]!;
  const ctx = new CommandContext(h.app.db, h.app.clock.now(), exercise, { person: coordinator, member: coordinator, label: 'test' },
    { noticeDays: 7, minutesDays: 7 }, new TemplateRenderer(templates), 'test');
  return ctx.announce({ kind: 'endorsement-request', ref: 'endorsement:3', group: 'PWG', view: { group: 'PWG', title: 'the TOR <!channel>' }, ...(actions ? { actions } : {}) });
}

describe('Slack delivery of the outbox (chat.postMessage / chat.update)', () => {
  it('posts a group announcement in the channel bound by /exercise channel PWG, with buttons from its actions', async () => {
    h = await startSlackHarness();
    await h.reply((await h.slash(USERS.coordinator.id, '/exercise', 'channel PWG', { channel: 'CPWG' })).trigger);
    const [id] = announce([
      { id: 'endorse', label: 'Endorse', value: 'E3:endorse', style: 'primary' },
      { id: 'object', label: 'Object', value: 'E3:object', style: 'danger' },
      { id: 'abstain', label: 'Abstain', value: 'E3:abstain' },
    ]);
    expect(outboxEntry(h.app.db, id!)!.address).toBe('slack:channel:CPWG');
    expect(await h.sender.drain()).toMatchObject({ sent: 1 });
    const [post] = h.fake.callsTo('chat.postMessage');
    expect(post!.args.channel).toBe('CPWG');
    expect(post!.args.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'PWG: endorsement of the TOR &lt;!channel&gt;', emoji: false } });
    const buttons = post!.args.blocks.find((b: { type: string }) => b.type === 'actions');
    expect(buttons.block_id).toBe('convene-actions');
    expect(buttons.elements.map((e: { value: string; style?: string; text: { text: string } }) => [e.text.text, e.value, e.style])).toEqual([
      ['Endorse', 'E3:endorse', 'primary'],
      ['Object', 'E3:object', 'danger'],
      ['Abstain', 'E3:abstain', undefined],
    ]);
    expect(new Set(buttons.elements.map((e: { action_id: string }) => e.action_id)).size).toBe(3);
    expect(outboxEntry(h.app.db, id!)).toMatchObject({ status: 'sent', providerId: 'CPWG/1795000000.000001' });
  });

  it('escapes user text: <!channel>, <@U1> and & arrive as text, in blocks and in the notification', async () => {
    h = await startSlackHarness();
    queue('slack:channel:CPWG', { subject: 'Agenda <!here>', text: 'Item 1: <!channel> budget & <@U123> <https://evil.example|click>' });
    await h.sender.drain();
    const { args } = h.fake.callsTo('chat.postMessage')[0]!;
    const sent = JSON.stringify(args);
    for (const raw of ['<!channel>', '<!here>', '<@U123>', '<https://']) expect(sent).not.toContain(raw);
    expect(args.blocks[1].text.text).toBe('Item 1: &lt;!channel&gt; budget &amp; &lt;@U123&gt; &lt;https://evil.example|click&gt;');
    expect(args.text).toContain('&lt;!here&gt;');
    expect(String(args.link_names)).toBe('false');
  });

  it('delivers to a person by direct message and records the DM channel and ts', async () => {
    h = await startSlackHarness();
    const id = queue(`slack:person:${USERS.kas.id}`);
    await h.sender.drain();
    expect(h.fake.callsTo('chat.postMessage')[0]!.args.channel).toBe('UKAS');
    expect(outboxEntry(h.app.db, id)!.providerId).toBe('DKAS/1795000000.000001');
  });

  it('updates a message in place when the payload replaces an earlier delivery', async () => {
    h = await startSlackHarness();
    const id = queue('slack:channel:CPWG', { text: 'Votes: 2 endorse, 1 object', replaces: 'CPWG/1795000000.000042' });
    await h.sender.drain();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.fake.callsTo('chat.update')[0]!.args).toMatchObject({ channel: 'CPWG', ts: '1795000000.000042' });
    expect(outboxEntry(h.app.db, id)!.providerId).toBe('CPWG/1795000000.000042');
  });

  it('posts anew when the message to update is gone', async () => {
    h = await startSlackHarness();
    h.fake.failNext('chat.update', { body: { ok: false, error: 'message_not_found' } });
    const id = queue('slack:channel:CPWG', { replaces: 'CPWG/1795000000.000042' });
    await h.sender.drain();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(outboxEntry(h.app.db, id)!.status).toBe('sent');
  });

  it('honours a 429 with Retry-After: 2: delivered after the wait and not before, posted once', async () => {
    h = await startSlackHarness();
    h.fake.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } });
    const id = queue('slack:channel:CPWG');
    expect(await h.sender.drain()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    // The Web API client did not retry on its own: one call so far.
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    const waiting = outboxEntry(h.app.db, id)!;
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(new Date(waiting.nextAttemptAt).getTime() - h.app.clock.now().getTime()).toBe(2000);
    h.app.clock.advance(1999);
    expect(await h.sender.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    h.app.clock.advance(1);
    expect(await h.sender.drain()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(outboxEntry(h.app.db, id)).toMatchObject({ status: 'sent', attempts: 2, providerId: 'CPWG/1795000000.000001' });
  });

  it.each(['invalid_auth', 'token_revoked'])('pauses Slack on %s (Convene\'s token, not the message): nothing fails, and all goes out once the token works', async (error) => {
    h = await startSlackHarness();
    const told: string[] = [];
    h.sender.onNotice((sentence) => told.push(sentence));
    // The token is refused for every call until it is fixed (both messages may be under way at once).
    h.fake.failNext('chat.postMessage', { body: { ok: false, error } });
    h.fake.failNext('chat.postMessage', { body: { ok: false, error } });
    const first = queue('slack:channel:CPWG');
    const second = queue('slack:channel:CPWG');
    // Nothing failed (what went out is the coordinators' e-mail about the pause).
    expect(await h.sender.drain()).toMatchObject({ failed: 0 });
    expect([first, second].map((id) => outboxEntry(h.app.db, id))).toMatchObject([{ status: 'pending', attempts: 0 }, { status: 'pending', attempts: 0 }]);
    // Paused: until the probe time nothing more is tried against a refused token.
    const tried = h.fake.callsTo('chat.postMessage').length;
    h.app.clock.advance(PROBE_EVERY_MS - 1);
    expect(await h.sender.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(tried);
    expect(mediumState(h.app.db, 'slack')).toMatchObject({ pausedReason: error });
    expect(told).toEqual([`Slack delivery is paused: the provider refuses Convene's own settings (${error}); check SLACK_BOT_TOKEN. Nothing is lost: messages wait and go out by themselves once it accepts them.`]);
    // The coordinators hear it on another medium, and no report of a failed message is made.
    expect(h.app.email.sent.filter((m) => m.payload.subject?.startsWith('Slack delivery is paused'))).not.toHaveLength(0);
    expect(h.app.email.sent.filter((m) => m.payload.subject?.startsWith('Not delivered'))).toHaveLength(0);
    // The token is fixed: at the probe time one message is tried, then the rest.
    h.app.clock.advance(1);
    expect(await h.sender.drain()).toMatchObject({ failed: 0 });
    expect([first, second].map((id) => outboxEntry(h.app.db, id)!.status)).toEqual(['sent', 'sent']);
    expect(told[1]).toBe("Slack delivery has resumed: the provider accepts Convene's settings again.");
  });

  it.each(['channel_not_found', 'not_in_channel'])('gives up at once on %s, and the coordinators are told by e-mail', async (error) => {
    h = await startSlackHarness();
    h.fake.failNext('chat.postMessage', { body: { ok: false, error } });
    const id = queue('slack:channel:CGONE');
    const report = await h.sender.drain();
    expect(report.failed).toBe(1);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(outboxEntry(h.app.db, id)).toMatchObject({ status: 'failed', lastError: `Slack refused the message: ${error}` });
    expect(h.app.email.sent.some((m) => m.payload.text.includes(error))).toBe(true);
  });

  it('retries later when Slack answers with a server error', async () => {
    h = await startSlackHarness();
    h.fake.failNext('chat.postMessage', { status: 503, body: { ok: false } });
    const id = queue('slack:channel:CPWG');
    expect((await h.sender.drain()).retrying).toBe(1);
    expect(outboxEntry(h.app.db, id)!.lastError).toBe('Slack answered HTTP 503');
  });
});
