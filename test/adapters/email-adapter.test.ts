import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTransport } from 'nodemailer';
import { createEmailAdapter, classifyMailError, type EmailAdapter } from '../../adapters/email/email-adapter';
import type { OutboundMessage, OutboundPayload } from '../../src/core/ports';

const FROM = 'Convene <convene@pwg.example.org>';

const INVITE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Convene//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:meeting-12@pwg.example.org',
  'SEQUENCE:0',
  'DTSTAMP:20260301T090000Z',
  'DTSTART:20260315T120000Z',
  'DTEND:20260315T133000Z',
  'SUMMARY:PWG meeting: agree the methodology',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

function message(id: number, payload: Partial<OutboundPayload> = {}, address = 'ana@kas.example.org'): OutboundMessage {
  return {
    id,
    key: `${id}.5eed`,
    medium: 'email',
    address,
    to: { medium: 'email', kind: 'person', id: address },
    recipientName: 'Ana Krasniqi',
    payload: { subject: 'PWG meeting M12', text: 'Hello Ana,\n\nThe agenda is attached.', ...payload },
  };
}

type Failure = { at: 'rcpt' | 'data'; code: number; text: string } | undefined;

function smtpError(text: string, responseCode: number): Error {
  return Object.assign(new Error(text), { responseCode });
}

/** A real SMTP server on loopback that keeps what it receives and fails on demand. */
class FakeSmtp {
  readonly received: Buffer[] = [];
  failNext: Failure;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo: (_address, _session, callback) => {
      const failure = this.failNext;
      if (failure?.at === 'rcpt') {
        this.failNext = undefined;
        return callback(smtpError(failure.text, failure.code));
      }
      callback();
    },
    onData: (stream, _session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const failure = this.failNext;
        if (failure?.at === 'data') {
          this.failNext = undefined;
          return callback(smtpError(failure.text, failure.code));
        }
        this.received.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(resolve));
  }

  async last(): Promise<ParsedMail> {
    const raw = this.received.at(-1);
    if (!raw) throw new Error('nothing received');
    return simpleParser(raw);
  }
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('e-mail adapter over SMTP', () => {
  const smtp = new FakeSmtp();
  let email: EmailAdapter;

  beforeAll(async () => {
    await smtp.start();
    email = createEmailAdapter({ from: FROM, smtpUrl: `smtp://127.0.0.1:${smtp.port}`, smtp: { ignoreTLS: true } });
  });
  afterAll(async () => {
    await email.close();
    await smtp.stop();
  });
  afterEach(() => {
    smtp.failNext = undefined;
  });

  it('delivers the plain-text and the HTML part', async () => {
    const result = await email.send(message(1, { html: '<p>Hello Ana,</p><p>The agenda is attached.</p>' }));
    expect(result).toEqual({ status: 'sent', providerId: '<convene-outbox-1.5eed@pwg.example.org>' });
    const mail = await smtp.last();
    expect(mail.subject).toBe('PWG meeting M12');
    expect(mail.text).toContain('The agenda is attached.');
    expect(mail.html).toContain('<p>The agenda is attached.</p>');
    expect(mail.to).toMatchObject({ value: [{ name: 'Ana Krasniqi', address: 'ana@kas.example.org' }] });
    expect(mail.from).toMatchObject({ value: [{ name: 'Convene', address: 'convene@pwg.example.org' }] });
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('sets Reply-To: the coordinator the message names, or REPLY_TO when the installation sets one', async () => {
    await email.send(message(40, { replyTo: 'coordinator@unhcr.example.org' }));
    expect((await smtp.last()).replyTo).toMatchObject({ value: [{ address: 'coordinator@unhcr.example.org' }] });
    const withReplyTo = createEmailAdapter({ from: FROM, smtpUrl: `smtp://127.0.0.1:${smtp.port}`, smtp: { ignoreTLS: true }, replyTo: 'pwg-secretariat@unhcr.example.org' });
    try {
      await withReplyTo.send(message(41, { replyTo: 'coordinator@unhcr.example.org' }));
      expect((await smtp.last()).replyTo).toMatchObject({ value: [{ address: 'pwg-secretariat@unhcr.example.org' }] });
    } finally {
      await withReplyTo.close();
    }
  });

  it('carries an invitation as a text/calendar REQUEST alternative and an .ics attachment', async () => {
    const calendar = { method: 'REQUEST' as const, filename: 'M12.ics', content: INVITE };
    const result = await email.send(message(2, { html: '<p>Invitation</p>', calendar }));
    expect(result.status).toBe('sent');
    const raw = smtp.received.at(-1)?.toString() ?? '';
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const mail = await smtp.last();
    const ics = mail.attachments.find((a) => a.filename === 'M12.ics');
    expect(ics?.contentType).toBe('application/ics');
    expect(ics?.content.toString()).toContain('UID:meeting-12@pwg.example.org');
    expect(mail.html).toContain('Invitation');
  });

  it('keeps a line break in the subject from adding a header', async () => {
    const subject = 'Agenda\r\nBcc: evil@example.org\r\nX-Evil: 1';
    const name = 'Ana\r\nBcc: evil2@example.org';
    const result = await email.send({ ...message(3, { subject }), recipientName: name });
    expect(result.status).toBe('sent');
    const mail = await smtp.last();
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.headers.has('x-evil')).toBe(false);
    expect(mail.subject).toBe('Agenda Bcc: evil@example.org X-Evil: 1');
    expect(mail.to).toMatchObject({ value: [{ address: 'ana@kas.example.org' }] });
  });

  it('gives a retried outbox message the same Message-ID', async () => {
    await email.send(message(4));
    const first = await smtp.last();
    await email.send(message(4, { subject: 'PWG meeting M12 (retry)' }));
    const second = await smtp.last();
    expect(first.messageId).toBe('<convene-outbox-4.5eed@pwg.example.org>');
    expect(second.messageId).toBe(first.messageId);
  });

  it('reports 451 on RCPT as transient, then delivers on the next attempt', async () => {
    smtp.failNext = { at: 'rcpt', code: 451, text: 'Greylisted, try again later' };
    const failed = await email.send(message(5));
    expect(failed).toEqual({ status: 'transient', error: '451 Greylisted, try again later' });
    expect(await email.send(message(5))).toMatchObject({ status: 'sent' });
  });

  it('reports 451 on DATA as transient, then delivers on the next attempt', async () => {
    const before = smtp.received.length;
    smtp.failNext = { at: 'data', code: 451, text: 'Local error in processing' };
    expect(await email.send(message(6))).toEqual({ status: 'transient', error: '451 Local error in processing' });
    expect(await email.send(message(6))).toMatchObject({ status: 'sent' });
    expect(smtp.received.length).toBe(before + 1);
  });

  it('reports 550 as permanent with the server reply', async () => {
    smtp.failNext = { at: 'rcpt', code: 550, text: 'No such user here' };
    expect(await email.send(message(7))).toEqual({ status: 'permanent', error: '550 No such user here' });
    smtp.failNext = { at: 'data', code: 554, text: 'Message refused' };
    expect(await email.send(message(8))).toEqual({ status: 'permanent', error: '554 Message refused' });
  });

  it('refuses an address that could smuggle in a second recipient, without calling the server', async () => {
    const before = smtp.received.length;
    const result = await email.send(message(9, {}, 'ana@kas.example.org, evil@example.org'));
    expect(result.status).toBe('permanent');
    expect(smtp.received.length).toBe(before);
  });
});

describe('e-mail adapter with the server down', () => {
  it('reports a refused connection as transient', async () => {
    const port = await closedPort();
    const email = createEmailAdapter({ from: FROM, smtpUrl: `smtp://127.0.0.1:${port}`, smtp: { ignoreTLS: true } });
    try {
      const result = await email.send(message(10));
      expect(result.status).toBe('transient');
      expect(result.status === 'transient' && result.error).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await email.close();
    }
  });
});

describe('e-mail adapter without SMTP (outbox files)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('writes a parseable .eml with the HTML part and the .ics', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'convene-outbox-')), 'outbox');
    dirs.push(dir);
    const email = createEmailAdapter({
      from: FROM,
      outboxDir: dir,
      now: () => new Date('2026-03-01T09:15:30.250Z'),
    });
    const calendar = { method: 'REQUEST' as const, filename: 'M12.ics', content: INVITE };
    const result = await email.send(message(42, { html: '<p>See you there</p>', calendar }));
    await email.close();
    expect(result).toEqual({ status: 'sent', providerId: '<convene-outbox-42.5eed@pwg.example.org>' });
    expect(readdirSync(dir)).toEqual(['2026-03-01T09-15-30-250Z-000000000042.eml']);
    const mail = await simpleParser(readFileSync(join(dir, '2026-03-01T09-15-30-250Z-000000000042.eml')));
    expect(mail.subject).toBe('PWG meeting M12');
    expect(mail.html).toContain('<p>See you there</p>');
    expect(mail.text).toContain('The agenda is attached.');
    expect(mail.messageId).toBe('<convene-outbox-42.5eed@pwg.example.org>');
    expect(mail.attachments.map((a) => a.filename)).toContain('M12.ics');
    // The Date header follows the injected clock, as the recorded hand-over time does.
    expect(mail.date?.toISOString()).toBe('2026-03-01T09:15:30.000Z');
  });

  it('writes From, To and Reply-To as nodemailer writes the addresses as written (the From is parsed once, not per message)', async () => {
    const headers = (raw: string) => raw.split('\r\n').filter((l) => /^(From|To|Reply-To):/.test(l));
    const plain = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const froms = [FROM, 'convene@pwg.example.org', '"Convene, PWG" <convene@pwg.example.org>', 'Конвене <convene@bücher.example>', 'Undisclosed:; Convene <convene@pwg.example.org>'];
    const cases = [
      { name: undefined, replyTo: undefined },
      { name: "Siobhán O'Brien", replyTo: 'coord@pwg.example.org' },
      { name: 'Ruiz, Ana "Ani"', replyTo: 'Coord <coord@pwg.example.org>' },
      { name: 'Đorđe Petrović', replyTo: 'coord@bücher.example' },
    ];
    for (const from of froms) {
      const dir = join(mkdtempSync(join(tmpdir(), 'convene-outbox-')), 'outbox');
      dirs.push(dir);
      const email = createEmailAdapter({ from, outboxDir: dir });
      for (const [n, { name, replyTo }] of cases.entries()) {
        const { recipientName: _, ...unnamed } = message(n + 1, replyTo ? { replyTo } : {});
        const sent = { ...unnamed, ...(name ? { recipientName: name } : {}) };
        expect((await email.send(sent)).status).toBe('sent');
        const file = readdirSync(dir).find((f) => f.endsWith(`-${String(n + 1).padStart(12, '0')}.eml`))!;
        const expected = await plain.sendMail({ from, to: name ? `"${name.replace(/"/g, '\\"')}" <${sent.address}>` : sent.address, ...(replyTo ? { replyTo } : {}), subject: 'x', text: 'x' });
        expect(headers(readFileSync(join(dir, file), 'utf8'))).toEqual(headers((expected.message as Buffer).toString()));
      }
      await email.close();
    }
  });

  it('names the files so that sorting by name gives the order sent, whatever the number of digits', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'convene-outbox-')), 'outbox');
    dirs.push(dir);
    const email = createEmailAdapter({ from: FROM, outboxDir: dir, now: () => new Date('2026-03-01T09:15:30.250Z') });
    for (const id of [2, 10, 9, 100, 1]) expect((await email.send(message(id))).status).toBe('sent');
    await email.close();
    expect(readdirSync(dir).sort().map((f) => Number(/-(\d+)\.eml$/.exec(f)![1]))).toEqual([1, 2, 9, 10, 100]);
  });
});

describe('classifyMailError', () => {
  it('reads nodemailer errors', () => {
    expect(classifyMailError({ code: 'EENVELOPE', message: 'Invalid recipient' })).toMatchObject({ status: 'permanent' });
    expect(classifyMailError({ code: 'ETIMEDOUT', message: 'Greeting never received' })).toMatchObject({ status: 'transient' });
    expect(classifyMailError({ code: 'EAUTH', responseCode: 535, response: '535 Bad credentials', command: 'AUTH PLAIN' }))
      .toEqual({ status: 'misconfigured', error: '535 Bad credentials' });
    expect(classifyMailError({ code: 'EENVELOPE', responseCode: 553, permanent: true, response: '553 5.7.1 Sender address rejected', command: 'MAIL FROM' }))
      .toEqual({ status: 'misconfigured', error: '553 5.7.1 Sender address rejected' });
    expect(classifyMailError({ code: 'EENVELOPE', responseCode: 530, permanent: true, response: '530 5.7.0 Authentication required', command: 'MAIL FROM' }))
      .toMatchObject({ status: 'misconfigured' });
    expect(classifyMailError({ code: 'EENVELOPE', responseCode: 451, permanent: false, response: '451 4.3.0 try later', command: 'MAIL FROM' }))
      .toMatchObject({ status: 'transient' });
    expect(classifyMailError({ code: 'EENVELOPE', responseCode: 550, permanent: true, response: '550 5.1.1 No such user', command: 'RCPT TO' }))
      .toEqual({ status: 'permanent', error: '550 5.1.1 No such user' });
    expect(classifyMailError({ code: 'EMESSAGE', responseCode: 552, response: '552 Too big' }))
      .toEqual({ status: 'permanent', error: '552 Too big' });
    expect(classifyMailError('weird')).toMatchObject({ status: 'transient', error: 'weird' });
  });
});
