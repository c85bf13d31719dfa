import type { ParsedMail } from 'mailparser';
import { LoopbackSmtp } from '../helpers/smtp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEmailAdapter, type EmailAdapter } from '../../adapters/email/email-adapter';
import { OutboxSender } from '../../src/delivery/sender';
import { silentLogger } from '../../src/logger';
import { TemplateRenderer } from '../../src/render/renderer';
import { TEMPLATES, createTestApp, type TestApp } from '../helpers/app';
import { PWG_PEOPLE, ok } from '../helpers/meetings';
import { meetingUnderWay } from '../helpers/minutes';

const smtp = new LoopbackSmtp();
let email: EmailAdapter;
let app: TestApp;

beforeAll(async () => {
  await smtp.start();
  email = createEmailAdapter({ from: 'Convene <convene@pwg.example.org>', smtpUrl: `smtp://127.0.0.1:${smtp.port}`, smtp: { ignoreTLS: true } });
});
afterAll(async () => {
  await email.close();
  await smtp.stop();
});
afterEach(() => app?.close());

const to = (mails: ParsedMail[], address: string) =>
  mails.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.value.some((v) => v.address === address)));

describe('minutes over real SMTP', () => {
  it('carry a plain-text part as typed and an HTML part where markup typed in a note is escaped', async () => {
    app = createTestApp();
    await meetingUnderWay(app);
    smtp.received.length = 0;
    const sender = new OutboxSender({ db: app.db, clock: app.clock, ports: [email], renderer: new TemplateRenderer(TEMPLATES), logger: silentLogger });
    ok(app, '/minutes note M1 KAS asked <script>alert("pwned")</script> about **the frame**;\nsee [the draft](https://drive.example.org/tor?v=1&x=2) and [this](javascript:alert(1))');
    ok(app, '/minutes decision M1 The TOR is agreed <img src=x onerror=alert(1)>');
    ok(app, '/minutes action M1 KAS 2026-12-15 Share the <b>sampling</b> frame');
    app.clock.set('2026-12-02T09:00:00Z');
    ok(app, '/minutes publish M1');
    expect(await sender.drain()).toEqual({ sent: PWG_PEOPLE, retrying: 0, failed: 0 });

    const [mail] = to(await smtp.parsed(), 'focal@kas.example.org');
    expect(mail!.subject).toBe('[PWG] Minutes of M1, Tue 1 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(mail!.text).toContain('1. KAS asked <script>alert("pwned")</script> about **the frame**;');
    const html = mail!.html as string;
    expect(html).not.toMatch(/<script|<img|<b>|href="javascript/i);
    expect(html).toContain('KAS asked &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; about <strong>the frame</strong>;<br>');
    expect(html).toContain('<a href="https://drive.example.org/tor?v=1&amp;x=2" style="color:#0072bc;">the draft</a>');
    expect(html).toContain('[this](javascript:alert(1))');
    expect(html).toContain('The TOR is agreed &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Share the &lt;b&gt;sampling&lt;/b&gt; frame');

    smtp.received.length = 0;
    ok(app, '/minutes correct M1 The link in note 1 is <i>the</i> v1 draft');
    await sender.drain();
    const [corrected] = to(await smtp.parsed(), 'focal@kas.example.org');
    expect(corrected!.subject).toBe('[PWG] Corrected minutes of M1 (version 2), Tue 1 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(corrected!.html).toContain('<strong>What changed:</strong> The link in note 1 is &lt;i&gt;the&lt;/i&gt; v1 draft');
    expect(corrected!.html).not.toMatch(/<script|<i>/i);
  });
});
