import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoopbackSmtp } from '../helpers/smtp';
import { createTestApp, TEMPLATES, type TestApp } from '../helpers/app';
import { auditOf, chainOf } from '../../src/store/audit';
import { verifyDatabase } from '../../src/store/verify-database';
import { personByEmail } from '../../src/store/members';
import { enqueue, outboxByRef, outboxEntry, outboxOfExercise } from '../../src/store/outbox';
import { claimDue, IN_PLACE_UPDATE } from '../../src/store/outbox-claim';
import { MAX_ATTEMPTS, OutboxSender } from '../../src/delivery/sender';
import { TemplateRenderer } from '../../src/render/renderer';
import { Foreground } from '../../adapters/shared/foreground';
import { silentLogger } from '../../src/logger';
import { createEmailAdapter } from '../../adapters/email/email-adapter';

let app: TestApp;
afterEach(() => app?.close());

/** Queues one verification e-mail to focal@kas.example.org through a real command. */
async function queueOne(a: TestApp): Promise<void> {
  expect((await a.runChat('/members link focal@kas.example.org', 'discord', '55')).status).toBe('accepted');
}

describe('the outbox sender', () => {
  it('delivers after a crash between commit and send, exactly once', async () => {
    app = createTestApp();
    await queueOne(app);
    // The process "dies" here: committed, never sent. A new process opens the same file.
    const next = app.restart();
    app = next;
    expect((await next.sender.drain()).sent).toBe(1);
    expect((await next.sender.drain()).sent).toBe(0);
    expect(next.email.sent).toHaveLength(1);
    const [row] = outboxOfExercise(next.db, 1);
    expect(row).toMatchObject({ status: 'sent', providerId: expect.stringContaining('email-'), handedOverAt: '2026-11-22T09:00:00.000Z' });
  });

  it('records a hand-over only once no chat request waits for its answer, and then at once', async () => {
    app = createTestApp();
    await queueOne(app);
    // The bot's own wiring: the sender pauses on the process's foreground (a Slack request not yet acknowledged).
    const foreground = new Foreground();
    const sender = new OutboxSender({ db: app.db, clock: app.clock, ports: [app.email], renderer: app.renderer, logger: silentLogger, pause: () => foreground.pause(60_000) });
    const answered = foreground.enter();
    const drained = sender.drain();
    await vi.waitFor(() => expect(app.email.sent).toHaveLength(1));
    // Sent, and well past FLUSH_MS: while the request waits, the result is not written.
    await new Promise((r) => setTimeout(r, 100));
    expect(outboxOfExercise(app.db, 1).map((e) => e.status)).toEqual(['sending']);
    answered();
    expect((await drained).sent).toBe(1);
    expect(outboxOfExercise(app.db, 1).map((e) => e.status)).toEqual(['sent']);
  });

  it('records many results in transactions of at most 16, each one audit entry vouching for its rows', async () => {
    app = createTestApp();
    const now = app.clock.now().toISOString();
    for (let i = 0; i < 40; i++) enqueue(app.db, { exerciseId: 1, kind: 'meeting-reminder', ref: 'meeting:1', medium: 'email', address: `p${i}@example.org`, payload: { subject: 'Reminder', text: `to p${i}` } }, now);
    expect((await app.sender.drain()).sent).toBe(40);
    const entries = auditOf(app.db, 1).filter((e) => e.action === 'message meeting-reminder');
    const sizes = entries.map((e) => (e.detail!['messages'] as unknown[]).length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(40);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(16);
    expect(verifyDatabase(app.db).flatMap((r) => r.findings)).toEqual([]);
  });

  it('re-sends a message whose sender died mid-send once its lease runs out, and not before', async () => {
    app = createTestApp();
    await queueOne(app);
    // A sender claims the message and dies before recording the result.
    claimDue(app.db, app.clock.now().toISOString(), new Date(app.clock.now().getTime() + 5 * 60_000).toISOString(), 10, ['email']);
    expect((await app.sender.drain()).sent).toBe(0);
    app.clock.advance(5 * 60_000);
    expect((await app.sender.drain()).sent).toBe(1);
    expect((await app.sender.drain()).sent).toBe(0);
  });

  it('retries a transient failure (SMTP 4xx) with back-off, then records success', async () => {
    app = createTestApp();
    let calls = 0;
    app.email.fail = () => (++calls === 1 ? { status: 'transient', error: '451 4.3.0 try again later' } : null);
    await queueOne(app);
    expect(await app.sender.drain()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [row] = outboxOfExercise(app.db, 1);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: '451 4.3.0 try again later', nextAttemptAt: '2026-11-22T09:00:30.000Z' });
    app.clock.advance(29_000);
    expect((await app.sender.drain()).sent).toBe(0);
    app.clock.advance(1_000);
    expect((await app.sender.drain()).sent).toBe(1);
    expect(outboxOfExercise(app.db, 1)[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('honours a provider retry-after', async () => {
    app = createTestApp();
    let calls = 0;
    app.email.fail = () => (++calls === 1 ? { status: 'transient', error: '429', retryAfterMs: 2000 } : null);
    await queueOne(app);
    await app.sender.drain();
    expect(outboxOfExercise(app.db, 1)[0]!.nextAttemptAt).toBe('2026-11-22T09:00:02.000Z');
  });

  it('gives up after the last attempt and reports it', async () => {
    app = createTestApp();
    app.email.fail = (m) => (m.address === 'focal@kas.example.org' ? { status: 'transient', error: 'connection refused' } : null);
    await queueOne(app);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await app.sender.drain();
      app.clock.advance(3600_000);
    }
    const row = outboxOfExercise(app.db, 1).find((r) => r.address === 'focal@kas.example.org')!;
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: `gave up after ${MAX_ATTEMPTS} attempts: connection refused` });
  });

  it('does not retry a permanent failure (SMTP 5xx), marks the address bounced and reports it to the coordinator once', async () => {
    app = createTestApp();
    app.email.fail = (m) => (m.address === 'focal@kas.example.org' ? { status: 'permanent', error: '550 5.1.1 mailbox unavailable' } : null);
    await queueOne(app);
    expect(await app.sender.drain()).toEqual({ sent: 1, retrying: 0, failed: 1 });
    app.clock.advance(3600_000);
    expect(await app.sender.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const reports = app.email.to('coordinator@unhcr.example.org');
    expect(reports).toHaveLength(1);
    expect(reports[0]!.payload.subject).toBe('Not delivered: Your Convene verification code (Kosovo 2014)');
    expect(reports[0]!.payload.text).toContain('550 5.1.1 mailbox unavailable');
    expect(personByEmail(app.db, 'focal@kas.example.org')).toMatchObject({ emailStatus: 'bounced' });
    expect(auditOf(app.db, 1).filter((e) => e.outcome === 'failed')).toHaveLength(1);
  });

  it('reports nothing once the exercise is dissolved: the failure stays on record only', async () => {
    app = createTestApp();
    app.email.fail = (m) => (m.address === 'focal@kas.example.org' ? { status: 'permanent', error: '550 no such user' } : null);
    await queueOne(app);
    app.db.prepare(`UPDATE exercises SET status = 'dissolved', dissolved_at = '2026-11-22T09:00:00Z'`).run();
    expect(await app.sender.drain()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(app.email.to('coordinator@unhcr.example.org')).toHaveLength(0);
    expect(outboxOfExercise(app.db, 1).filter((r) => r.kind === 'delivery-failed')).toHaveLength(0);
  });

  it('edits one channel post in the order the edits were queued: a later tally waits for an earlier one held back by a retry', async () => {
    app = createTestApp();
    const now = app.clock.now().toISOString();
    const edit = (tally: string, address = 'pwg-channel@example.org') =>
      enqueue(app.db, { exerciseId: 1, kind: IN_PLACE_UPDATE, ref: 'endorsement:1', medium: 'email', address, payload: { subject: 'E1', text: tally, replaces: 'post-1' } }, now);
    edit('1 voted');
    edit('2 voted');
    edit('1 voted', 'pmg-channel@example.org');
    // A lease taken by the claim shows what may go out together: the first edit of each post only.
    const claimed = claimDue(app.db, now, now, 10, ['email']);
    expect(claimed.map((m) => [m.address, m.payload.text])).toEqual([
      ['pwg-channel@example.org', '1 voted'],
      ['pmg-channel@example.org', '1 voted'],
    ]);
    app.db.prepare(`UPDATE outbox SET status = 'pending', lease_until = NULL`).run();

    let first = true;
    app.email.fail = (m) => (m.payload.text === '1 voted' && m.address.startsWith('pwg') && first ? ((first = false), { status: 'transient', error: '429', retryAfterMs: 2000 }) : null);
    await app.sender.drain();
    expect(app.email.sent.map((m) => m.payload.text)).toEqual(['1 voted']); // the PMG post; PWG's second edit waits for its first
    app.clock.advance(2000);
    await app.sender.drain();
    expect(app.email.sent.filter((m) => m.address.startsWith('pwg')).map((m) => m.payload.text)).toEqual(['1 voted', '2 voted']);
  });

  it('records every handed-over message in the audit log', async () => {
    app = createTestApp();
    await queueOne(app);
    await app.sender.drain();
    const sent = auditOf(app.db, 1).filter((e) => e.actor === 'outbox sender');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ action: 'message verification-code', outcome: 'sent' });
  });

  it('records the messages handed over together: one entry per kind lists each recipient and vouches for each row, a failure has its own', async () => {
    app = createTestApp();
    const now = app.clock.now().toISOString();
    const queue = (kind: string, address: string) => enqueue(app.db, { exerciseId: 1, kind, ref: 'meeting:1', medium: 'email', address, payload: { subject: kind, text: `to ${address}` } }, now);
    const ids = ['a', 'b', 'c', 'd'].map((x) => queue('meeting-notice', `${x}@kas.example.org`));
    const reminder = queue('meeting-reminder', 'e@kas.example.org');
    const bounced = queue('meeting-notice', 'gone@kas.example.org');
    app.email.fail = (m) => (m.address === 'gone@kas.example.org' ? { status: 'permanent', error: '550 no such user' } : null);
    // The coordinator is told of the failure by e-mail, in the same drain.
    expect(await app.sender.drain()).toMatchObject({ sent: 6, failed: 1 });

    const entries = chainOf(app.db, 1).filter((e) => e.actor === 'outbox sender');
    const listed = (e: (typeof entries)[number]) => (e.detail as { messages: { outbox: number; address: string; providerId: string }[] }).messages;
    const sent = entries.filter((e) => e.outcome === 'sent' && e.action !== 'message delivery-failed');
    // Every handed-over message is in exactly one entry, with its recipient and provider id, and that entry vouches for its row.
    const byId = new Map(sent.flatMap((e) => listed(e).map((m) => [m.outbox, { e, m }] as const)));
    expect([...byId.keys()].sort((x, y) => x - y)).toEqual([...ids, reminder]);
    expect(sent.flatMap(listed)).toHaveLength(5);
    expect(sent.some((e) => listed(e).length > 1)).toBe(true);
    for (const [id, { e, m }] of byId) {
      expect(m).toMatchObject({ providerId: `email-${id}`, address: outboxEntry(app.db, id)!.address });
      expect(e.state!.filter(([kind, row]) => kind === 'message' && row === id)).toHaveLength(1);
      expect(e.action).toBe(id === reminder ? 'message meeting-reminder' : 'message meeting-notice');
      expect(e.at).toBe(outboxEntry(app.db, id)!.handedOverAt);
    }
    const failed = entries.filter((e) => e.outcome === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.state).toEqual([['message', bounced, expect.any(String)]]);
    expect(verifyDatabase(app.db).flatMap((r) => r.findings)).toEqual([]);
  });

  it('checkpoints the log less often while it drains, and as before once it is done', async () => {
    app = createTestApp();
    await queueOne(app);
    const during: unknown[] = [];
    app.email.fail = () => {
      during.push(app.db.pragma('wal_autocheckpoint', { simple: true }));
      return null;
    };
    const before = app.db.pragma('wal_autocheckpoint', { simple: true });
    expect((await app.sender.drain()).sent).toBe(1);
    expect(during).toEqual([4000]);
    expect(app.db.pragma('wal_autocheckpoint', { simple: true })).toBe(before);
  });

  it('delivers over real SMTP on 127.0.0.1: a command, its e-mail, parsed back', async () => {
    app = createTestApp();
    const smtp = new LoopbackSmtp();
    await smtp.start();
    const port = smtp.port;
    const email = createEmailAdapter({ from: 'Convene <convene@example.org>', smtpUrl: `smtp://127.0.0.1:${port}`, smtp: { ignoreTLS: true } });
    const sender = new OutboxSender({ db: app.db, clock: app.clock, ports: [email], renderer: new TemplateRenderer(TEMPLATES), logger: silentLogger });
    try {
      await queueOne(app);
      expect((await sender.drain()).sent).toBe(1);
      expect(smtp.received).toHaveLength(1);
      const [mail] = await smtp.parsed();
      if (!mail) throw new Error('no mail');
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]!.address : '').toBe('focal@kas.example.org');
      // The To: line names the person the row is for (read with the claim).
      const person = app.db.prepare(`SELECT name FROM people WHERE email = 'focal@kas.example.org'`).get() as { name: string };
      expect(person.name).not.toBe('');
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]!.name : '').toBe(person.name);
      expect(mail.text).toMatch(/\/members verify \d{6}/);
      expect(mail.html).toContain('Kosovo 2014');
      const row = outboxByRef(app.db, 'link:discord:55')[0]!;
      expect(row.providerId).toBe(mail.messageId);
    } finally {
      await email.close();
      await smtp.stop();
    }
  });
});
