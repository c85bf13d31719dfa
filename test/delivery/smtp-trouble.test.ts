import { afterEach, describe, expect, it } from 'vitest';
import { createEmailAdapter, type EmailAdapter } from '../../adapters/email/email-adapter';
import type { DeliveryPort } from '../../src/core/ports';
import { PROBE_EVERY_MS } from '../../src/delivery/medium-health';
import { OutboxSender } from '../../src/delivery/sender';
import { silentLogger } from '../../src/logger';
import { TemplateRenderer } from '../../src/render/renderer';
import { mediumState } from '../../src/store/delivery-media';
import { linkIdentity, personByEmail } from '../../src/store/members';
import { outboxOfExercise } from '../../src/store/outbox';
import { COORDINATOR, createTestApp, MemoryPort, TEMPLATES, type TestApp } from '../helpers/app';
import { meetingWithAgenda, ok, PWG_PEOPLE } from '../helpers/meetings';
import { LoopbackSmtp, StalledSmtp } from '../helpers/smtp';

let app: TestApp;
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  // Clients before their servers: a server waits for its open connections to close.
  for (const c of cleanup.splice(0).reverse()) await c();
  app?.close();
});

async function loopback(): Promise<LoopbackSmtp> {
  const smtp = new LoopbackSmtp();
  await smtp.start();
  cleanup.push(() => smtp.stop());
  return smtp;
}

function emailTo(port: number): EmailAdapter {
  const email = createEmailAdapter({ from: 'Convene <convene@pwg.example.org>', smtpUrl: `smtp://127.0.0.1:${port}`, smtp: { ignoreTLS: true } });
  cleanup.push(() => email.close());
  return email;
}

/** A sender as a process builds it, with what it tells the operator collected. */
function senderOf(a: TestApp, ports: DeliveryPort[], budgetMs?: number): { sender: OutboxSender; told: string[] } {
  const sender = new OutboxSender({ db: a.db, clock: a.clock, ports, renderer: new TemplateRenderer(TEMPLATES), logger: silentLogger, ...(budgetMs ? { budgetMs } : {}) });
  const told: string[] = [];
  sender.onNotice((s) => told.push(s));
  return { sender, told };
}

/** The Kosovo example with the coordinator also on Slack, and M1's invitation queued to the PWG. */
function invitationQueued(): { slack: MemoryPort } {
  app = createTestApp();
  linkIdentity(app.db, { medium: 'slack', userId: 'U1', personId: personByEmail(app.db, COORDINATOR)!.id, at: app.clock.now().toISOString(), by: 'test' });
  ok(app, `/meeting send ${meetingWithAgenda(app, '2026-12-10')}`);
  return { slack: new MemoryPort('slack') };
}

const invitations = () => outboxOfExercise(app.db, 1).filter((r) => r.kind === 'meeting-invitation' && r.medium === 'email');

describe('a mail server in trouble', () => {
  it('that stalls after accepting the connection: a bounded run gives every message back untouched', async () => {
    const stalled = new StalledSmtp();
    await stalled.start();
    cleanup.push(() => stalled.stop());
    invitationQueued();
    const { sender } = senderOf(app, [emailTo(stalled.port)], 500);
    expect(await sender.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(stalled.connections).toBeGreaterThan(0);
    // Not an attempt, not leased: the next tick or the running bot sends them at once.
    expect(invitations().map((r) => [r.status, r.attempts])).toEqual(Array(PWG_PEOPLE).fill(['pending', 0]));
    expect(sender.waiting()).toBe(PWG_PEOPLE);

    const good = await loopback();
    const next = senderOf(app, [emailTo(good.port)]);
    expect((await next.sender.drain()).sent).toBe(PWG_PEOPLE);
    expect(good.received).toHaveLength(PWG_PEOPLE);
  });

  it.each([
    [553, '5.7.1 Sender address rejected: not owned by user'],
    [530, '5.7.0 Authentication required'],
  ])('that refuses the sender (%i): e-mail pauses, nobody is failed, the operator and the coordinator are told once, and it resumes by itself', async (code, text) => {
    const smtp = await loopback();
    smtp.refuseSender = { code, text };
    const { slack } = invitationQueued();
    const { sender, told } = senderOf(app, [emailTo(smtp.port), slack]);

    // On Slack: the coordinator's copy of the invitation, and the notice that e-mail is paused.
    expect(await sender.drain()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(invitations().every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
    expect(personByEmail(app.db, 'focal@kas.example.org')!.emailStatus).not.toBe('bounced');
    expect(told).toHaveLength(1);
    expect(told[0]).toBe(`E-mail delivery is paused: the provider refuses Convene's own settings (${code} ${text}); check SMTP_URL (server, user and password) and EMAIL_FROM. Nothing is lost: messages wait and go out by themselves once it accepts them.`);
    // The coordinator hears it on Slack, the medium that works; nothing per recipient.
    const paused = slack.to('slack:person:U1').filter((m) => m.payload.subject.startsWith('E-mail delivery is paused'));
    expect(paused).toHaveLength(1);
    expect(outboxOfExercise(app.db, 1).filter((r) => r.kind === 'delivery-failed')).toEqual([]);
    expect(ok(app, '/exercise status')).toContain(`E-mail delivery is paused since 2026-11-22 10:00 Europe/Belgrade: the provider refuses Convene's own settings (${code} ${text}). ${PWG_PEOPLE} messages of this exercise wait`);

    // Until a probe is due, this process tries nothing; a probe that fails again tells nobody again.
    expect(await sender.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    app.clock.advance(PROBE_EVERY_MS);
    await sender.drain();
    expect(told).toHaveLength(1);
    expect(invitations().every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);

    // The operator fixes the server's side; the next probe finds it and everything goes out.
    smtp.refuseSender = null;
    app.clock.advance(PROBE_EVERY_MS);
    expect((await sender.drain()).sent).toBe(PWG_PEOPLE);
    expect(smtp.received).toHaveLength(PWG_PEOPLE);
    expect(told[1]).toBe("E-mail delivery has resumed: the provider accepts Convene's settings again.");
    expect(mediumState(app.db, 'email')).toMatchObject({ pausedAt: null });
    expect(ok(app, '/exercise status')).not.toContain('delivery is paused');
  });

  it('paused by one process is tried at once by the next (its settings may be fixed)', async () => {
    const refusing = await loopback();
    refusing.refuseSender = { code: 553, text: '5.7.1 Sender address rejected' };
    invitationQueued();
    await senderOf(app, [emailTo(refusing.port)]).sender.drain();
    expect(mediumState(app.db, 'email')!.pausedAt).not.toBeNull();

    // The next process starts a minute later (well before the probe time) with settings that work.
    app.clock.advance(60_000);
    const fixed = await loopback();
    const { sender, told } = senderOf(app, [emailTo(fixed.port)]);
    expect((await sender.drain()).sent).toBe(PWG_PEOPLE);
    expect(told).toEqual(["E-mail delivery has resumed: the provider accepts Convene's settings again."]);
  });

  it('that refuses one recipient on RCPT: that one is a permanent failure, the others go out', async () => {
    const smtp = await loopback();
    smtp.refuseRecipient = (address) => (address === 'focal@kas.example.org' ? { code: 550, text: '5.1.1 Mailbox unavailable' } : null);
    invitationQueued();
    const { sender, told } = senderOf(app, [emailTo(smtp.port)]);
    // 13 invitations and the report of the failure to the coordinator.
    expect(await sender.drain()).toEqual({ sent: PWG_PEOPLE, retrying: 0, failed: 1 });
    const kas = invitations().find((r) => r.address === 'focal@kas.example.org')!;
    expect(kas).toMatchObject({ status: 'failed', attempts: 1, lastError: '550 5.1.1 Mailbox unavailable' });
    expect(personByEmail(app.db, 'focal@kas.example.org')!.emailStatus).toBe('bounced');
    expect(mediumState(app.db, 'email')?.pausedAt ?? null).toBeNull();
    expect(told).toEqual([]);
  });
});
