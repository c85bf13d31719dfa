import { afterEach, describe, expect, it } from 'vitest';
import { SplitDelivery } from '../../../adapters/worker/split-delivery';
import { WorkThread } from '../../../adapters/worker/work-thread';
import { PROBE_EVERY_MS } from '../../../src/delivery/medium-health';
import { OutboxSender } from '../../../src/delivery/sender';
import { mediumState } from '../../../src/store/delivery-media';
import { silentLogger } from '../../../src/logger';
import { exerciseBySlug } from '../../../src/store/exercises';
import { enqueue, outboxEntry } from '../../../src/store/outbox';
import { createTestApp, MemoryPort, TEMPLATES, type TestApp } from '../../helpers/app';
import { LoopbackSmtp } from '../../helpers/smtp';
import { FakeSlack } from '../slack/fake-slack';

let app: TestApp | null = null;
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  app?.close();
  app = null;
});

interface Bot {
  delivery: SplitDelivery;
  thread: WorkThread;
  /** Discord stays on the bot's loop (discord.js's client): its messages land here. */
  discord: MemoryPort;
  smtp: LoopbackSmtp;
  fake: FakeSlack;
  told: string[];
}

/**
 * Delivery as `npm start` wires it (adapters/compose.ts): e-mail and Slack in the work thread,
 * Discord on the bot's loop. `again`: another thread and bot-side sender on the same database and
 * servers, as after the thread ended idle and started anew; `startedAt`: the bot's start (default now).
 */
async function bot(again?: Bot, startedAt = app?.clock.now()): Promise<Bot> {
  if (!again) app = createTestApp();
  startedAt ??= app!.clock.now();
  const smtp = again?.smtp ?? new LoopbackSmtp();
  const fake = again?.fake ?? (await FakeSlack.start());
  if (!again) {
    await smtp.start();
    cleanup.push(() => smtp.stop(), () => fake.close());
  }
  if (!app) throw new Error('no app');
  const discord = new MemoryPort('discord');
  const told: string[] = [];
  const thread: WorkThread = new WorkThread({
    databasePath: app.dbPath, templatesDir: TEMPLATES, logLevel: 'silent', settings: { noticeDays: 7, minutesDays: 7 }, clock: app.clock, logger: silentLogger,
    onCommitted: () => undefined,
    delivery: {
      email: { from: 'Convene <convene@pwg.example.org>', smtpUrl: `smtp://127.0.0.1:${smtp.port}` },
      slack: { botToken: 'xoxb-test', apiUrl: fake.apiUrl, timeoutMs: 5000 },
      systemClock: false,
      startedAt: startedAt.toISOString(),
    },
    onNotice: (sentence) => delivery.notice(sentence),
  });
  cleanup.push(() => thread.stop());
  const here = new OutboxSender({ db: app.db, clock: app.clock, ports: [discord], renderer: app.renderer, logger: silentLogger, startedAt });
  const delivery = new SplitDelivery({ db: app.db, clock: app.clock, logger: silentLogger, here, thread, threadMedia: ['email', 'slack'] });
  cleanup.push(() => delivery.stop());
  delivery.onNotice((sentence) => told.push(sentence));
  return { delivery, thread, discord, smtp, fake, told };
}

/** Queues one message as the core does; returns its outbox id. */
function queue(medium: 'email' | 'slack' | 'discord', address: string, payload: { subject?: string; text?: string; replaces?: string } = {}): number {
  const exercise = exerciseBySlug(app!.db, 'kosovo-2014')!;
  return enqueue(app!.db, { exerciseId: exercise.id, kind: 'test-notice', ref: 'test:1', medium, address, payload: { subject: 'Notice', text: 'Hello PWG', ...payload } }, app!.clock.now().toISOString());
}

/** The mail server refuses Convene's login and a message is drained: e-mail delivery pauses. Returns the message's id. */
async function pausedEmail(b: Bot): Promise<number> {
  b.smtp.refuseSender = { code: 530, text: '5.7.0 Authentication required' };
  const id = queue('email', 'focal@kas.example.org');
  await b.delivery.drain();
  return id;
}

/** Stops a bot's delivery and its thread, as at the thread's idle end. */
async function stopped(b: Bot): Promise<void> {
  await b.delivery.stop();
  await b.thread.stop();
}

describe('delivery in the work thread (e-mail, Slack) beside the bot\'s own (Discord)', () => {
  it('sends each medium once from where it belongs, records the results, and reports one drain', async () => {
    const b = await bot();
    const email = queue('email', 'focal@kas.example.org');
    const channel = queue('slack', 'slack:channel:CPWG');
    const updated = queue('slack', 'slack:channel:CPWG', { text: 'Votes: 2 endorse', replaces: 'CPWG/1795000000.000042' });
    const discord = queue('discord', 'discord:channel:123');
    const drained: unknown[] = [];
    b.delivery.onDrained((report) => drained.push(report));
    // A kick and a drain at once: the thread's drains are coalesced, nothing goes out twice.
    b.delivery.kick();
    expect(await b.delivery.drain()).toMatchObject({ retrying: 0, failed: 0 });
    await expect.poll(() => [email, channel, updated, discord].map((id) => outboxEntry(app!.db, id)!.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(b.smtp.received).toHaveLength(1);
    expect(b.fake.callsTo('chat.postMessage').map((c) => [c.token, c.args.channel, c.args.link_names])).toEqual([['xoxb-test', 'CPWG', false]]);
    expect(b.fake.callsTo('chat.update').map((c) => c.args)).toMatchObject([{ channel: 'CPWG', ts: '1795000000.000042', text: expect.stringContaining('Votes: 2 endorse') }]);
    expect(b.discord.sent.map((m) => m.id)).toEqual([discord]);
    expect(outboxEntry(app!.db, channel)!.providerId).toBe('CPWG/1795000000.000001');
    expect(outboxEntry(app!.db, updated)!.providerId).toBe('CPWG/1795000000.000042');
    expect(drained.reduce((n: number, r) => n + (r as { sent: number }).sent, 0)).toBe(4);
    // Done: another drain finds nothing to send.
    expect(await b.delivery.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(b.smtp.received).toHaveLength(1);
    expect(b.fake.calls.filter((c) => c.method.startsWith('chat.'))).toHaveLength(2);
  });

  it('honours a 429 with Retry-After: 2 from the thread at the bot clock\'s instant: not before, then once', async () => {
    const b = await bot();
    b.fake.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } });
    const id = queue('slack', 'slack:channel:CPWG');
    expect(await b.delivery.drain()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const waiting = outboxEntry(app!.db, id)!;
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Slack rate limit: retry after 2 s' });
    expect(new Date(waiting.nextAttemptAt).getTime() - app!.clock.now().getTime()).toBe(2000);
    app!.clock.advance(1999);
    expect(await b.delivery.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    app!.clock.advance(1);
    expect(await b.delivery.drain()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(b.fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(outboxEntry(app!.db, id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('tells the operator, through the bot, that e-mail is paused when the server refuses Convene\'s sender', async () => {
    const b = await bot();
    const id = await pausedEmail(b);
    await expect.poll(() => b.told.length).toBe(1);
    expect(b.told[0]).toMatch(/^E-mail delivery is paused: the provider refuses Convene's own settings \(530 5\.7\.0 Authentication required\)/);
    expect(outboxEntry(app!.db, id)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('a medium paused since the bot started waits for its probe time when the thread starts anew; one paused before is tried at once', async () => {
    const first = await bot();
    const id = await pausedEmail(first);
    expect(mediumState(app!.db, 'email')!.pausedAt).not.toBeNull();
    await stopped(first);
    // The server is fixed meanwhile. The thread of the same bot, started anew, does not try before the probe time...
    first.smtp.refuseSender = null;
    app!.clock.advance(PROBE_EVERY_MS - 1);
    const again = await bot(first, new Date(app!.clock.now().getTime() - (PROBE_EVERY_MS - 1)));
    expect(await again.delivery.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(outboxEntry(app!.db, id)).toMatchObject({ status: 'pending', attempts: 0 });
    await stopped(again);
    // ...while a bot started after the pause (its settings may be new) tries one message at once, and it goes through.
    const restarted = await bot(first, app!.clock.now());
    expect(await restarted.delivery.drain()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(outboxEntry(app!.db, id)).toMatchObject({ status: 'sent' });
    expect(mediumState(app!.db, 'email')!.pausedAt).toBeNull();
  });

  it('does not start the thread for a drain with nothing due for it, and delivers nothing once stopped', async () => {
    const b = await bot();
    queue('discord', 'discord:channel:123');
    expect(await b.delivery.drain()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(b.thread.running).toBe(false);
    const id = queue('slack', 'slack:channel:CPWG');
    expect(b.delivery.waiting()).toBe(1);
    await b.delivery.stop();
    expect(await b.delivery.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(outboxEntry(app!.db, id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(b.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
