import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, MemoryPort, type TestApp } from '../helpers/app';
import { LoopbackSmtp } from '../helpers/smtp';
import { FOCAL, messages, ok, SECOND_UNHCR } from '../helpers/endorsements';
import { deliverToPerson } from '../../src/core/context';
import { OutboxSender } from '../../src/delivery/sender';
import { silentLogger } from '../../src/logger';
import { openDatabase } from '../../src/store/db';
import { personByEmail } from '../../src/store/members';
import { outboxByRef } from '../../src/store/outbox';
import { verifyDatabase } from '../../src/store/verify-database';
import { auditOf } from '../../src/store/audit';
import { exerciseRows } from '../../src/store/export';
import { UNRENDERABLE_TRIES } from '../../src/delivery/record-result';
import { COORDINATOR } from '../helpers/app';
import { createEmailAdapter } from '../../adapters/email/email-adapter';
import { TemplateRenderer } from '../../src/render/renderer';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let app: TestApp;
const servers: LoopbackSmtp[] = [];
const adapters: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  app?.close();
  await Promise.all(adapters.splice(0).map((a) => a.close()));
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

/** The stored payload of each outbox row of a ref, as written (rendered or still `deferred`). */
function stored(a: TestApp, ref = 'endorsement:1'): { id: number; kind: string; medium: string; payload: Record<string, unknown> }[] {
  return (
    a.db
      .prepare(`SELECT o.id, o.kind, o.medium, p.payload FROM outbox o JOIN outbox_payloads p ON p.outbox_id = o.id WHERE o.ref = ? ORDER BY o.id`)
      .all(ref) as { id: number; kind: string; medium: string; payload: string }[]
  ).map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

async function smtpApp(): Promise<{ smtp: LoopbackSmtp; sender: OutboxSender }> {
  const smtp = new LoopbackSmtp();
  await smtp.start();
  servers.push(smtp);
  const email = createEmailAdapter({ from: 'Convene <convene@pwg.example.org>', smtpUrl: `smtp://127.0.0.1:${smtp.port}`, smtp: { ignoreTLS: true } });
  adapters.push(email);
  const sender = new OutboxSender({ db: app.db, clock: app.clock, ports: [email], renderer: app.renderer, logger: silentLogger });
  return { smtp, sender };
}

describe('a message rendered when it is sent', () => {
  it('keeps a vote\'s receipts and channel tally unrendered in the vote\'s transaction, and reads them back rendered', () => {
    app = createTestApp({ chatMedia: ['slack'] });
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    ok(app, '/endorse vote E1 endorse Fine with us', FOCAL.UNHCR);
    const receipts = stored(app).filter((r) => r.kind === 'endorsement-receipt');
    expect(receipts).toHaveLength(2);
    for (const r of receipts) {
      expect(r.payload).not.toHaveProperty('subject');
      expect(r.payload['deferred']).toMatchObject({ template: 'endorsement-receipt', language: 'en', html: true });
    }
    const read = messages(app, 'endorsement-receipt').find((m) => m.address === SECOND_UNHCR)!;
    expect(read.payload.subject).toBe("[PWG] UNHCR's vote on E1 is now: endorse");
    expect(read.payload.html).toContain('<html');
  });

  it('sends over SMTP exactly what rendering at once sends, and stores that rendering when it claims the message', async () => {
    app = createTestApp();
    const { smtp, sender } = await smtpApp();
    const to = personByEmail(app.db, SECOND_UNHCR)!;
    const view = { id: 'E9', group: 'PWG', title: 'Terms of Reference', version: 'v3', organisation: 'UNHCR', choice: 'object', comment: 'Section "III" & <IV>', castBy: 'Luan <focal@unhcr.example.org>', castAt: '2026-11-22 10:00 Europe/Belgrade', proxy: false, previous: null, asksReason: false, youCastIt: false, deadline: '2026-11-29 10:00 Europe/Belgrade', rule: 'consensus', organisations: 10 };
    const message = { kind: 'endorsement-receipt', ref: 'endorsement:9', to, view };
    deliverToPerson(app.db, app.renderer, 1, app.clock.now().toISOString(), message, { replyTo: 'coordinator@unhcr.example.org' });
    deliverToPerson(app.db, app.renderer, 1, app.clock.now().toISOString(), { ...message, renderWhenSent: true }, { replyTo: 'coordinator@unhcr.example.org' });
    const [now, later] = stored(app, 'endorsement:9');
    expect(later!.payload).toHaveProperty('deferred');
    expect((await sender.drain()).sent).toBe(2);
    // Claimed, the deferred row now holds its rendering, byte for byte what the other row was given at once.
    const [nowAfter, laterAfter] = stored(app, 'endorsement:9');
    expect(nowAfter!.payload).toEqual(now!.payload);
    expect(JSON.stringify(laterAfter!.payload)).toBe(JSON.stringify(now!.payload));
    const [a, b] = await smtp.parsed();
    for (const part of ['subject', 'text', 'html'] as const) expect(b![part]).toBe(a![part]);
    expect(b!.replyTo?.text).toBe(a!.replyTo?.text);
    expect(b!.subject).toContain('UNHCR');
  });

  it('sends a retry what the first attempt was given, and records the hand-over as sent (verify agrees)', async () => {
    app = createTestApp();
    const { smtp, sender } = await smtpApp();
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    await sender.drain();
    smtp.received.length = 0;
    smtp.refuseRecipient = (address) => (address === SECOND_UNHCR ? { code: 451, text: 'try again later' } : null);
    ok(app, '/endorse vote E1 object Section III omits the returnees', FOCAL.UNHCR);
    expect((await sender.drain()).retrying).toBe(1);
    const receiptTo = (address: string) => stored(app).find((r) => r.kind === 'endorsement-receipt' && r.medium === 'email' && outboxByRef(app.db, 'endorsement:1').find((o) => o.id === r.id)!.address === address)!;
    const afterFirst = receiptTo(SECOND_UNHCR).payload;
    expect(afterFirst).not.toHaveProperty('deferred');
    smtp.refuseRecipient = () => null;
    app.clock.advance(3_600_000);
    expect((await sender.drain()).sent).toBe(1);
    expect(receiptTo(SECOND_UNHCR).payload).toEqual(afterFirst);
    const mails = await smtp.parsed();
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe(afterFirst['subject']);
    expect(mails[1]!.text?.trim()).toBe(String(afterFirst['text']).trim());
    expect(outboxByRef(app.db, 'endorsement:1').filter((r) => r.kind === 'endorsement-receipt').map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(verifyDatabase(app.db).flatMap((r) => r.findings)).toEqual([]);
  });

  it('writes a receipt in the reader\'s language of when it was queued, not of when it is sent', async () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    ok(app, '/endorse vote E1 endorse', FOCAL.UNHCR);
    ok(app, '/members language me sq', SECOND_UNHCR);
    await app.sender.drain();
    const toSecond = app.email.to(SECOND_UNHCR).find((m) => m.payload.subject.includes('E1'))!;
    expect(toSecond.payload.subject).toBe("[PWG] UNHCR's vote on E1 is now: endorse");
    ok(app, '/endorse vote E1 object Not yet', FOCAL.UNHCR);
    await app.sender.drain();
    const next = app.email.to(SECOND_UNHCR).at(-1)!;
    expect(next.payload.subject).not.toBe(toSecond.payload.subject);
    expect(stored(app).filter((r) => r.kind === 'endorsement-receipt').at(-1)!.payload).not.toHaveProperty('deferred');
  });

  it('renders what a dissolution withholds, and a connection without a renderer verifies messages still waiting', () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    ok(app, '/endorse vote E1 endorse', FOCAL.UNHCR);
    // Another connection (a backup's check, `convene verify`): no renderer, messages still unrendered.
    const other = openDatabase(app.dbPath);
    try {
      expect(verifyDatabase(other).flatMap((r) => r.findings)).toEqual([]);
    } finally {
      other.close();
    }
    ok(app, '/exercise dissolve confirm');
    const receipts = stored(app).filter((r) => r.kind === 'endorsement-receipt');
    expect(receipts.map((r) => 'deferred' in r.payload)).toEqual([false, false]);
    expect(receipts.map((r) => r.payload['subject'])).toEqual(["[PWG] UNHCR's vote on E1 is now: endorse", "[PWG] UNHCR's vote on E1 is now: endorse"]);
    expect(verifyDatabase(app.db).flatMap((r) => r.findings)).toEqual([]);
  });

  it('holds back only a message whose template can no longer be rendered: the others go, it waits an hour with the reason', async () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    await app.sender.drain();
    ok(app, '/endorse vote E1 endorse', FOCAL.UNHCR);
    expect((await app.runChat('/members link focal@kas.example.org', 'discord', '55')).status).toBe('accepted');
    // A sender whose templates folder lost the receipt (an upgrade gone wrong); the verification e-mail was rendered when queued.
    const port = new MemoryPort('email');
    const broken = new OutboxSender({ db: app.db, clock: app.clock, ports: [port], renderer: new TemplateRenderer(mkdtempSync(join(tmpdir(), 'no-templates-'))), logger: silentLogger });
    const report = await broken.drain();
    expect(report.sent).toBe(1);
    expect(port.sent.map((m) => m.address)).toEqual([FOCAL.KAS]);
    const waiting = app.db.prepare(`SELECT status, attempts, next_attempt_at AS due, last_error AS error FROM outbox WHERE kind = 'endorsement-receipt'`).all();
    expect(waiting).toEqual([0, 1].map(() => ({ status: 'pending', attempts: 1, due: '2026-11-22T10:00:00.000Z', error: expect.stringContaining('could not be rendered') })));
    // Mended (a sender with the templates): an hour later they go, as they were queued.
    app.clock.advance(3_600_000);
    const mended = new OutboxSender({ db: app.db, clock: app.clock, ports: [app.email], renderer: app.renderer, logger: silentLogger });
    expect((await mended.drain()).sent).toBe(2);
    expect(app.email.to(SECOND_UNHCR).at(-1)!.payload.subject).toBe("[PWG] UNHCR's vote on E1 is now: endorse");
  });

  it('gives a message whose template keeps failing up after three hourly tries: recorded without words, the coordinators told, the operator told each time', async () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    await app.sender.drain();
    ok(app, '/endorse vote E1 endorse', FOCAL.UNHCR);
    const port = new MemoryPort('email');
    const broken = new OutboxSender({ db: app.db, clock: app.clock, ports: [port], renderer: new TemplateRenderer(mkdtempSync(join(tmpdir(), 'no-templates-'))), logger: silentLogger });
    const told: string[] = [];
    broken.onNotice((s) => told.push(s));
    const receiptRows = () => app.db.prepare(`SELECT status, attempts, last_error AS error, failure_reported AS reported FROM outbox WHERE kind = 'endorsement-receipt'`).all() as { status: string; attempts: number; error: string; reported: number }[];
    for (let n = 1; n < UNRENDERABLE_TRIES; n++) {
      await broken.drain();
      expect(receiptRows().map((r) => [r.status, r.attempts])).toEqual([['pending', n], ['pending', n]]);
      // Not due before the hour is out: a second drain at once tries nothing.
      expect(await broken.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      app.clock.advance(3_600_000);
    }
    expect(told.filter((s) => s.includes('tried again in an hour'))).toHaveLength(2 * (UNRENDERABLE_TRIES - 1));
    // A reader of the outbox is not stopped by a message that cannot be rendered.
    expect(outboxByRef(app.db, 'endorsement:1').filter((e) => e.kind === 'endorsement-receipt').map((e) => e.payload.subject)).toEqual(['', '']);
    await broken.drain();
    const given = receiptRows();
    expect(given.map((r) => [r.status, r.attempts, r.reported])).toEqual([['failed', UNRENDERABLE_TRIES, 1], ['failed', UNRENDERABLE_TRIES, 1]]);
    expect(given[0]!.error).toMatch(/^gave up after 3 tries: could not be rendered/);
    expect(port.sent).toEqual([]);
    expect(told.filter((s) => s.includes('was given up, never written'))).toHaveLength(2);
    // Nothing is wrong with the addresses: nobody is marked unreachable.
    expect(personByEmail(app.db, FOCAL.UNHCR)!.emailStatus).not.toBe('bounced');
    // The audit log has each try and the failure; the entry vouches for the row without words, on any connection.
    const entries = auditOf(app.db, 1).filter((e) => e.action === 'message endorsement-receipt');
    expect(entries.map((e) => e.outcome)).toEqual([...Array(2 * (UNRENDERABLE_TRIES - 1)).fill('retrying'), 'failed', 'failed']);
    expect(verifyDatabase(app.db).flatMap((r) => r.findings)).toEqual([]);
    const other = openDatabase(app.dbPath);
    try {
      expect(verifyDatabase(other).flatMap((r) => r.findings)).toEqual([]);
    } finally {
      other.close();
    }
    const exported = exerciseRows(app.db, 1)['messages']!.filter((r) => r['kind'] === 'endorsement-receipt');
    expect(exported.map((r) => [r['status'], r['subject']])).toEqual([['failed', null], ['failed', null]]);
    // The coordinator hears of it, with the right advice (not "check the address"), once per message:
    // the broken sender could not write the reports either; once the templates are mended they go.
    expect(app.db.prepare(`SELECT status, attempts FROM outbox WHERE kind = 'delivery-failed'`).all()).toEqual([{ status: 'pending', attempts: 1 }, { status: 'pending', attempts: 1 }]);
    app.clock.advance(3_600_000);
    // A sender with the templates (the renderer of deferred messages is per connection: the last one created).
    await new OutboxSender({ db: app.db, clock: app.clock, ports: [app.email], renderer: app.renderer, logger: silentLogger }).drain();
    const report = app.email.to(COORDINATOR).filter((m) => m.payload.subject.startsWith('Not delivered: endorsement-receipt (endorsement:1)'));
    expect(report).toHaveLength(2);
    expect(report[0]!.payload.text).toContain('could not be written from its template');
    expect(report[0]!.payload.text).toContain('Nothing is wrong with the address');
    expect(report[0]!.payload.text).not.toContain('Please check the address');
  });

  it('dissolves an exercise with a message whose template fails: it is withheld unrendered and recorded without words', () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    ok(app, '/endorse vote E1 endorse', FOCAL.UNHCR);
    // The receipts' template is gone by the time of the dissolution (a broken upgrade).
    app.db.prepare(`UPDATE outbox_payloads SET payload = replace(payload, '"template":"endorsement-receipt"', '"template":"no-such-template"') WHERE outbox_id IN (SELECT id FROM outbox WHERE kind = 'endorsement-receipt')`).run();
    ok(app, '/exercise dissolve confirm');
    const receipts = stored(app).filter((r) => r.kind === 'endorsement-receipt');
    expect(receipts.map((r) => 'deferred' in r.payload)).toEqual([true, true]);
    expect(app.db.prepare(`SELECT DISTINCT status FROM outbox WHERE kind = 'endorsement-receipt'`).all()).toEqual([{ status: 'failed' }]);
    expect(verifyDatabase(app.db).flatMap((r) => r.findings)).toEqual([]);
  });
});
