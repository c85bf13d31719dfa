import type { ParsedMail } from 'mailparser';
import { LoopbackSmtp } from '../helpers/smtp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEmailAdapter, type EmailAdapter } from '../../adapters/email/email-adapter';
import type { DeliveryPort, DeliveryResult, OutboundMessage } from '../../src/core/ports';
import { OutboxSender } from '../../src/delivery/sender';
import { silentLogger } from '../../src/logger';
import { TemplateRenderer } from '../../src/render/renderer';
import { outboxByRef } from '../../src/store/outbox';
import { TEMPLATES, createTestApp, type TestApp } from '../helpers/app';
import { PWG_PEOPLE, icsFields, meetingWithAgenda, ok } from '../helpers/meetings';

const smtp = new LoopbackSmtp();
const adapters: EmailAdapter[] = [];
let app: TestApp;

function smtpAdapter(): EmailAdapter {
  const email = createEmailAdapter({ from: 'Convene <convene@pwg.example.org>', smtpUrl: `smtp://127.0.0.1:${smtp.port}`, smtp: { ignoreTLS: true } });
  adapters.push(email);
  return email;
}

function senderFor(a: TestApp, port: DeliveryPort): OutboxSender {
  return new OutboxSender({ db: a.db, clock: a.clock, ports: [port], renderer: new TemplateRenderer(TEMPLATES), logger: silentLogger });
}

beforeAll(() => smtp.start());
afterAll(async () => {
  for (const a of adapters) await a.close();
  await smtp.stop();
});
afterEach(() => {
  smtp.received.length = 0;
  app?.close();
});

const byRecipient = (mails: ParsedMail[], address: string) =>
  mails.find((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.value.some((v) => v.address === address)))!;

describe('meeting e-mails over real SMTP', () => {
  it('carry the invitation with an iCalendar REQUEST, then the amended agenda, the postponement and the cancellation on the same UID, SEQUENCE raised by each', async () => {
    app = createTestApp({ now: '2026-11-20T09:00:00Z' });
    const sender = senderFor(app, smtpAdapter());
    meetingWithAgenda(app, '2026-12-01', '10:00', 'where:"UNHCR office, Pristina" duration:90 milestone:tor');
    ok(app, '/meeting send M1');
    expect(await sender.drain()).toEqual({ sent: PWG_PEOPLE, retrying: 0, failed: 0 });

    const invitation = byRecipient(await smtp.parsed(), 'focal@kas.example.org');
    expect(invitation.subject).toBe('Invitation: PWG meeting M1, Tue 1 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(invitation.text).toContain('Dear Valon Morina,');
    expect(invitation.html).toContain('<li style="margin:0 0 4px;">Review of the draft TOR</li>');
    const ics = invitation.attachments.find((a) => a.filename === 'invite.ics')!;
    expect(ics).toBeDefined();
    const raw = smtp.received.find((r) => r.toString().includes('To: Valon Morina'))!.toString();
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const first = icsFields(ics.content.toString());
    expect(first.calendar).toMatchObject({ VERSION: '2.0', METHOD: 'REQUEST', PRODID: '-//Convene//Convene//EN' });
    expect(first.event.UID!.value).toBe('meeting-1-kosovo-2014@convene');
    expect(first.event.SEQUENCE!.value).toBe('0');
    expect(first.event.DTSTAMP!.value).toBe('20261120T090000Z');
    expect(first.event.DTSTART!.value).toBe('20261201T090000Z'); // 10:00 in Belgrade, in UTC
    expect(first.event.DTEND!.value).toBe('20261201T103000Z');
    expect(first.event.SUMMARY!.value).toBe('PWG meeting: Agree the TOR');
    expect(first.event.LOCATION!.value).toBe('UNHCR office\\, Pristina');
    expect(first.event.DESCRIPTION!.value).toContain('Agenda:\\n1. Review of the draft TOR\\n2. Roles of the PWG and the PMG');
    expect(first.event.ORGANIZER).toEqual({ params: 'CN="Profiling Coordinator"', value: 'mailto:coordinator@unhcr.example.org' });
    expect(first.event.ATTENDEE!.params).toContain('CN="Valon Morina"');
    expect(first.event.ATTENDEE!.params).toContain('ROLE=REQ-PARTICIPANT');
    expect(first.event.ATTENDEE!.value.toLowerCase()).toBe('mailto:focal@kas.example.org');
    expect(first.event.STATUS!.value).toBe('CONFIRMED');

    // An amended agenda changes the event (its description): same UID, same time, SEQUENCE raised.
    smtp.received.length = 0;
    app.clock.set('2026-11-20T15:00:00Z');
    ok(app, '/meeting agenda M1 add Any other business');
    ok(app, '/meeting send M1');
    await sender.drain();
    const amendedMail = byRecipient(await smtp.parsed(), 'focal@kas.example.org');
    expect(amendedMail.subject).toBe('Amended agenda: PWG meeting M1, Tue 1 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    const rawAmended = smtp.received.find((r) => r.toString().includes('To: Valon Morina'))!.toString();
    expect(rawAmended).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const amended = icsFields(amendedMail.attachments.find((a) => a.filename === 'invite.ics')!.content.toString());
    expect(amended.calendar.METHOD).toBe('REQUEST');
    expect(amended.event.UID!.value).toBe(first.event.UID!.value);
    expect(amended.event.SEQUENCE!.value).toBe('1');
    expect(amended.event.DTSTAMP!.value).toBe('20261120T150000Z');
    expect(amended.event.DTSTART!.value).toBe(first.event.DTSTART!.value);
    expect(amended.event.DTEND!.value).toBe(first.event.DTEND!.value);
    expect(amended.event.DESCRIPTION!.value).toContain('Agenda:\\n1. Review of the draft TOR\\n2. Roles of the PWG and the PMG\\n3. Any other business');
    expect(amended.event.STATUS!.value).toBe('CONFIRMED');

    smtp.received.length = 0;
    app.clock.set('2026-11-21T09:00:00Z');
    ok(app, '/meeting postpone M1 2026-12-08 14:00 the room is not free');
    await sender.drain();
    const moved = byRecipient(await smtp.parsed(), 'focal@kas.example.org');
    const second = icsFields(moved.attachments.find((a) => a.filename === 'invite.ics')!.content.toString());
    expect(second.calendar.METHOD).toBe('REQUEST');
    expect(second.event.UID!.value).toBe(first.event.UID!.value);
    expect(second.event.SEQUENCE!.value).toBe('2');
    expect(second.event.DTSTART!.value).toBe('20261208T130000Z');
    expect(second.event.DTSTAMP!.value).toBe('20261121T090000Z');

    smtp.received.length = 0;
    ok(app, '/meeting cancel M1 the donor withdrew');
    await sender.drain();
    const cancelled = byRecipient(await smtp.parsed(), 'focal@kas.example.org');
    expect(cancelled.subject).toBe('Cancelled: PWG meeting M1, Tue 8 Dec 2026, 14:00 (Europe/Belgrade): Agree the TOR');
    const rawCancel = smtp.received.find((r) => r.toString().includes('To: Valon Morina'))!.toString();
    expect(rawCancel).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
    const third = icsFields(cancelled.attachments.find((a) => a.filename === 'cancel.ics')!.content.toString());
    expect(third.calendar.METHOD).toBe('CANCEL');
    expect(third.event.UID!.value).toBe(first.event.UID!.value);
    expect(third.event.SEQUENCE!.value).toBe('3');
    expect(third.event.STATUS!.value).toBe('CANCELLED');
  });

  it('keep markup and mentions in a title as text: escaped in HTML, one line in the subject and the ICS', async () => {
    app = createTestApp({ now: '2026-11-20T09:00:00Z' });
    const sender = senderFor(app, smtpAdapter());
    ok(app, '/meeting schedule PWG 2026-12-01 10:00 <!channel> @everyone <img src=x onerror=alert(1)> "TOR"');
    ok(app, '/meeting agenda M1 add <a href="http://evil.example">click</a>');
    ok(app, '/meeting send M1');
    await sender.drain();
    const mail = byRecipient(await smtp.parsed(), 'focal@kas.example.org');
    expect(mail.subject).toBe('Invitation: PWG meeting M1, Tue 1 Dec 2026, 10:00 (Europe/Belgrade): <!channel> @everyone <img src=x onerror=alert(1)> TOR');
    expect(mail.text).toContain('<a href="http://evil.example">click</a>');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain('&lt;a href=&quot;http://evil.example&quot;&gt;click&lt;/a&gt;');
    expect(mail.html).not.toMatch(/<img|<a href/);
    expect(mail.headers.has('bcc')).toBe(false);
  });

  it('after a restart in the middle of a send, deliver the rest once: every member exactly one invitation', async () => {
    app = createTestApp({ now: '2026-11-20T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');

    // The first process hands 5 messages over, then dies: its later sends never return.
    const inner = smtpAdapter();
    let handed = 0;
    const dying: DeliveryPort = {
      medium: 'email',
      send(m: OutboundMessage): Promise<DeliveryResult> {
        if (handed >= 5) return new Promise(() => undefined);
        handed++;
        return inner.send(m);
      },
    };
    void senderFor(app, dying).drain();
    const sentRows = () => outboxByRef(app.db, 'meeting:1').filter((e) => e.status === 'sent').length;
    for (let i = 0; i < 200 && sentRows() < 5; i++) await new Promise((r) => setTimeout(r, 10));
    expect(sentRows()).toBe(5);
    expect(smtp.received).toHaveLength(5);

    // A new process over the same database file, after the dead one's lease ran out.
    const first = app;
    app = app.restart();
    app.clock.advance(6 * 60_000);
    const report = await senderFor(app, smtpAdapter()).drain();
    expect(report).toEqual({ sent: PWG_PEOPLE - 5, retrying: 0, failed: 0 });

    const mails = await smtp.parsed();
    expect(mails).toHaveLength(PWG_PEOPLE);
    const recipients = mails.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0]!.address);
    expect(new Set(recipients).size).toBe(PWG_PEOPLE);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(PWG_PEOPLE);
    const rows = outboxByRef(app.db, 'meeting:1');
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect(await senderFor(app, smtpAdapter()).drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(PWG_PEOPLE);
    expect(ok(app, '/meeting notices M1')).toContain('10 of 10 organisations reached by the deadline');
    app.close();
    first.close();
  });
});
