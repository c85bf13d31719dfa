import type { ParsedMail } from 'mailparser';
import { createEmailAdapter } from '../../adapters/email/email-adapter';
import { OutboxSender } from '../../src/delivery/sender';
import { silentLogger } from '../../src/logger';
import { TemplateRenderer } from '../../src/render/renderer';
import { personByEmail } from '../../src/store/members';
import type { OutboundPayload } from '../../src/core/ports';
import { outboxOfExercise } from '../../src/store/outbox';
import { TEMPLATES, type TestApp } from './app';
import { ok } from './meetings';
import { LoopbackSmtp } from './smtp';

/** One focal point of the Kosovo example per language (the others read the exercise's default, English). */
export const READERS = {
  en: 'focal@drc.example.org',
  sq: 'focal@kas.example.org',
  'sr-Latn': 'focal@mcr.example.org',
  'sr-Cyrl': 'focal@scr.example.org',
} as const;

export type ReaderLanguage = keyof typeof READERS;

export const LANGUAGES_READ = Object.keys(READERS) as ReaderLanguage[];

/** Each reader chooses their language (the coordinator sets it); English readers keep the default. */
export function chooseLanguages(app: TestApp, readers: Readonly<Record<ReaderLanguage, string>> = READERS): void {
  for (const [language, email] of Object.entries(readers)) if (language !== 'en') ok(app, `/members language ${email} ${language}`);
}

/** The last e-mail of `kind` queued for the person with this address (optionally about one `ref`, e.g. `meeting:2`). */
export function lastEmail(app: TestApp, kind: string, email: string, ref?: string): OutboundPayload {
  const person = personByEmail(app.db, email);
  if (!person) throw new Error(`no person ${email}`);
  const row = outboxOfExercise(app.db, 1).filter((m) => m.kind === kind && m.personId === person.id && m.medium === 'email' && (ref === undefined || m.ref === ref)).at(-1);
  if (!row) throw new Error(`no ${kind} e-mail to ${email}`);
  return row.payload;
}

/** The text of the calendar part of a parsed e-mail (empty when it has none). */
export function calendarPart(mail: ParsedMail): string {
  return mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))?.content.toString('utf8') ?? '';
}

/**
 * Sends everything queued over real SMTP to a loopback server and parses each message back
 * (mailparser); `to(address)` is the last one that address received.
 */
export async function deliverOverSmtp(app: TestApp): Promise<{ mails: ParsedMail[]; to: (address: string) => ParsedMail }> {
  const smtp = new LoopbackSmtp();
  await smtp.start();
  const email = createEmailAdapter({ from: 'Convene <convene@example.org>', smtpUrl: `smtp://127.0.0.1:${smtp.port}`, smtp: { ignoreTLS: true } });
  const sender = new OutboxSender({ db: app.db, clock: app.clock, ports: [email], renderer: new TemplateRenderer(TEMPLATES), logger: silentLogger });
  try {
    await sender.drain();
    const mails = await smtp.parsed();
    const to = (address: string) => {
      const mail = mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]!.address === address).at(-1);
      if (!mail) throw new Error(`no e-mail to ${address}`);
      return mail;
    };
    return { mails, to };
  } finally {
    await email.close();
    await smtp.stop();
  }
}

/** The reader in sr-Cyrl who set America/New_York (the Kosovo example meets in Europe/Belgrade); returns their e-mail. */
export function cyrillicReaderInNewYork(app: TestApp): string {
  const reader = READERS['sr-Cyrl'];
  ok(app, `/members language ${reader} sr-Cyrl`);
  ok(app, '/members timezone me America/New_York', reader);
  return reader;
}
