import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type { SendMailOptions } from 'nodemailer/lib/mailer';
import type { SMTPPoolOptions } from 'nodemailer/lib/smtp-pool';
import type { DeliveryPort, DeliveryResult, OutboundMessage } from '../../src/core/ports';
import { singleLine } from '../../src/render/escape';

/** SMTP settings that may be given beside the URL; they win over what the URL says. */
export type SmtpOptions = Pick<
  SMTPPoolOptions,
  | 'ignoreTLS'
  | 'requireTLS'
  | 'secure'
  | 'tls'
  | 'connectionTimeout'
  | 'greetingTimeout'
  | 'socketTimeout'
  | 'maxConnections'
  | 'rateLimit'
  | 'rateDelta'
>;

export interface EmailAdapterOptions {
  /** The From header, e.g. `Convene <convene@example.org>`; its domain also names the Message-IDs. */
  from: string;
  /** `smtp://user:pass@host:587` or `smtps://...:465`; without it, messages are written as .eml files. */
  smtpUrl?: string;
  smtp?: SmtpOptions;
  /** Where .eml files go when there is no SMTP URL (default `data/outbox`, created if missing). */
  outboxDir?: string;
  /** Clock for .eml file names (tests). */
  now?: () => Date;
  /** REPLY_TO: the Reply-To of every e-mail, instead of the exercise's coordinator. */
  replyTo?: string;
}

export type EmailAdapter = DeliveryPort & { close(): Promise<void> };

/** Addresses with no room for a second recipient, a display name or a header break. */
const PLAIN_ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;

/**
 * The e-mail delivery port: SMTP through a nodemailer pool, or, without an SMTP URL, RFC 5322
 * `.eml` files in an outbox folder (what `npm start` does out of the box).
 *
 * `send()` never throws: SMTP 4xx and network failures are `transient`, 5xx and unusable
 * addresses `permanent`, a server that refuses our sender or login `misconfigured` (delivery pauses,
 * nobody is marked unreachable). The Message-ID is the outbox row's world-unique key, so a retried
 * message carries the same one and receivers can drop the duplicate, and no other message ever does.
 *
 * @example
 * const email = createEmailAdapter({ from: 'Convene <convene@example.org>', smtpUrl: process.env.SMTP_URL });
 * await email.send({ id: 7, key: '7.4f1c9a', medium: 'email', address: 'ana@example.org', payload: { subject: 'Hi', text: 'Hello' } });
 * await email.close();
 */
export function createEmailAdapter(options: EmailAdapterOptions): EmailAdapter {
  const domain = fromDomain(options.from);
  const messageId = (key: string): string => `<convene-outbox-${key}@${domain}>`;
  // Parsed once, not in every message (nodemailer parses a string address each time it is given one).
  const from = parsedOnce(options.from);
  // The Date header follows the bot's clock (the CLI's --now), like the hand-over time it records.
  const toMail = (message: OutboundMessage): SendMailOptions => ({
    ...buildMail(from, messageId(message.key), message, options.replyTo),
    ...(options.now ? { date: options.now() } : {}),
  });
  return options.smtpUrl ? smtpAdapter(options.smtpUrl, options.smtp ?? {}, toMail) : fileAdapter(options, toMail);
}

function smtpAdapter(url: string, smtp: SmtpOptions, toMail: (m: OutboundMessage) => SendMailOptions): EmailAdapter {
  const options = {
    // A server that accepts the connection and then says nothing must not hold a message for minutes.
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 40_000,
    maxConnections: 5,
    ...parseConnectionUrl(url),
    ...smtp,
    pool: true as const,
  };
  const transport = createTransport(options);
  // The pool reports connection failures to the waiting send() too; this keeps an unhandled
  // 'error' event from taking the process down.
  transport.on('error', () => undefined);
  return {
    medium: 'email',
    // Keep every pooled connection busy with a few messages queued behind it.
    concurrency: 3 * (options.maxConnections ?? 5),
    async send(message, sendOptions) {
      const invalid = checkMessage(message);
      if (invalid) return invalid;
      try {
        const info = await transport.sendMail({ ...toMail(message), ...(sendOptions?.signal ? { signal: sendOptions.signal } : {}) });
        if (info.rejected.length > 0 && info.accepted.length === 0) {
          return { status: 'permanent', error: `Recipient rejected: ${info.response}` };
        }
        return { status: 'sent', providerId: info.messageId || queueId(info.response) || info.response };
      } catch (error) {
        return classifyMailError(error);
      }
    },
    async close() {
      // The sender has given back whatever it had not finished: a connection still waiting for a
      // silent server's greeting must not keep the process alive until its timeout.
      transport.close({ force: true });
    },
  };
}

function fileAdapter(options: EmailAdapterOptions, toMail: (m: OutboundMessage) => SendMailOptions): EmailAdapter {
  const dir = options.outboxDir ?? join('data', 'outbox');
  const now = options.now ?? (() => new Date());
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    medium: 'email',
    async send(message) {
      const invalid = checkMessage(message);
      if (invalid) return invalid;
      try {
        const info = await transport.sendMail(toMail(message));
        // The id zero-padded, so that a listing sorted by name is in the order sent (…-000000000002 before …-000000000010).
        const name = `${now().toISOString().replace(/[:.]/g, '-')}-${String(message.id).padStart(12, '0')}.eml`;
        mkdirSync(dir, { recursive: true });
        const tmp = join(dir, `.${name}.${process.pid}.tmp`);
        writeFileSync(tmp, info.message as Buffer);
        renameSync(tmp, join(dir, name));
        return { status: 'sent', providerId: info.messageId };
      } catch (error) {
        return classifyMailError(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}

function checkMessage(message: OutboundMessage): DeliveryResult | undefined {
  if (message.medium !== 'email') {
    return { status: 'permanent', error: `The e-mail adapter cannot deliver a ${message.medium} message.` };
  }
  if (!PLAIN_ADDRESS.test(message.address)) {
    return { status: 'permanent', error: `Not a usable e-mail address: ${JSON.stringify(message.address)}` };
  }
  return undefined;
}

/**
 * An address nodemailer need not parse: a plain one (or the From, parsed once) as `{ name, address }`,
 * which it takes as it is; anything else as written, for nodemailer to read.
 */
type MailAddress = string | { name: string; address: string };

function parsedOnce(address: string): MailAddress {
  const parsed = addressparser(address);
  const [only] = parsed;
  return parsed.length === 1 && only && 'address' in only && only.address && !('group' in only) ? { name: only.name, address: only.address } : address;
}

function buildMail(from: MailAddress, messageId: string, message: OutboundMessage, replyTo?: string): SendMailOptions {
  const { payload } = message;
  const name = message.recipientName ? singleLine(message.recipientName) : '';
  const mail: SendMailOptions = {
    from,
    // checkMessage let only a plain address through.
    to: { name, address: message.address },
    subject: singleLine(payload.subject),
    text: payload.text,
    messageId,
    // RFC 3834: tells autoresponders not to answer a bot.
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
  if (payload.html !== undefined) mail.html = payload.html;
  const reply = replyTo ?? payload.replyTo;
  if (reply) mail.replyTo = PLAIN_ADDRESS.test(reply) ? { name: '', address: reply } : reply;
  if (payload.calendar) {
    mail.icalEvent = {
      method: payload.calendar.method,
      filename: payload.calendar.filename,
      content: payload.calendar.content,
    };
  }
  return mail;
}

function fromDomain(from: string): string {
  const [first] = addressparser(from, { flatten: true });
  const address = first?.address ?? '';
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (!address.includes('@') || !domain) {
    throw new Error(`EMAIL_FROM must be an e-mail address, got ${JSON.stringify(from)}.`);
  }
  return domain.toLowerCase();
}

/** The queue id many servers put in their 250 reply to DATA, e.g. `250 2.0.0 Ok: queued as 4Xk2`. */
function queueId(response: string): string | undefined {
  return /queued as ([\w.-]+)/i.exec(response)?.[1];
}

/** Failures of the connection, not of the message: retry later. */
const TRANSIENT_CODES = new Set([
  'ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EPROXY', 'EMAXLIMIT', 'EABORT',
  'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  'EACCES', 'ENOSPC', 'EROFS', 'EMFILE', 'EBUSY',
]);
/** Failures of this message itself: sending it again gives the same answer. */
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'EOTP', 'ESTREAM', 'EMAXRECIPIENTS', 'EFILEACCESS', 'EURLACCESS']);

interface MailError {
  message?: string;
  code?: string;
  response?: string;
  responseCode?: number;
  permanent?: boolean;
  command?: string;
}

/**
 * SMTP 4xx (and 503, as nodemailer reads it) is transient, other 5xx permanent; a failure with no
 * reply is judged by its code. A refused login, or a 5xx to MAIL FROM (530 authentication required,
 * 553 sender not allowed), is about our own settings, not the message or its recipient:
 * `misconfigured`, whatever the reply. A 5xx to RCPT TO is that recipient's, and permanent.
 */
export function classifyMailError(error: unknown): DeliveryResult {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as MailError;
  const text = singleLine(e.response || e.message || String(error)) || 'unknown e-mail error';
  const isAuth = e.code === 'EAUTH' || e.code === 'ENOAUTH' || e.code === 'EOAUTH2' || (e.command ?? '').startsWith('AUTH');
  if (isAuth) return { status: 'misconfigured', error: text };
  if (typeof e.responseCode === 'number') {
    const permanent = typeof e.permanent === 'boolean' ? e.permanent : e.responseCode >= 500;
    // RFC 4954: 530 is "authentication required", whichever command it answers.
    if (e.responseCode === 530 || (permanent && e.command === 'MAIL FROM')) return { status: 'misconfigured', error: text };
    return permanent ? { status: 'permanent', error: text } : { status: 'transient', error: text };
  }
  if (e.code && PERMANENT_CODES.has(e.code)) return { status: 'permanent', error: text };
  if (e.code && TRANSIENT_CODES.has(e.code)) return { status: 'transient', error: text };
  // Unknown: retrying is the safer mistake.
  return { status: 'transient', error: text };
}
