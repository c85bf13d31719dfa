/**
 * The ports between the platform-free core and the adapters. Adapters (console, e-mail, Slack,
 * Discord) implement these; nothing under src/ knows an SDK.
 */

/** A channel a message can travel on. `console` is the terminal the bot runs in. */
export type Medium = 'email' | 'console' | 'slack' | 'discord';
export const MEDIA: readonly Medium[] = ['email', 'console', 'slack', 'discord'];

/** An iCalendar part carried by an e-mail (invitations and cancellations). */
export interface CalendarPart {
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  /** The whole VCALENDAR text. */
  content: string;
  filename: string;
}

/**
 * What leaves the bot: rendered at the moment the decision was committed, so the record shows
 * exactly what was sent. `text` is plain text (every medium can show it); `html` is only for e-mail.
 */
export interface OutboundPayload {
  subject: string;
  text: string;
  html?: string;
  calendar?: CalendarPart;
  /** Chat only: buttons offered under the message (e.g. Endorse / Object / Abstain). */
  actions?: { id: string; label: string; value: string; style?: 'primary' | 'danger' }[];
  /** Chat only: a previous delivery of this message to update in place, by provider id. */
  replaces?: string;
}

export interface OutboundMessage {
  /** Outbox row id: stable across retries, usable as an idempotency key (Discord nonce, Message-ID). */
  id: number;
  medium: Medium;
  /** E-mail address, or an opaque chat address like `slack:C123` / `slack:U456` / `discord:123`. */
  address: string;
  /** Display name of the recipient, when a person. */
  recipientName?: string;
  payload: OutboundPayload;
}

/** What a delivery attempt reports back to the outbox. */
export type DeliveryResult =
  | { status: 'sent'; providerId: string }
  /** Worth retrying (SMTP 4xx, network down, 429). `retryAfterMs` when the provider said so. */
  | { status: 'transient'; error: string; retryAfterMs?: number }
  /** Never retried (SMTP 5xx, unknown channel, bad address); reported to the coordinator. */
  | { status: 'permanent'; error: string };

/** Something that can hand a message to a provider. */
export interface DeliveryPort {
  readonly medium: Medium;
  send(message: OutboundMessage): Promise<DeliveryResult>;
  close?(): Promise<void>;
}

/** Who typed a command, as the platform vouches for it. Never a display name or a button value. */
export type Actor =
  /** The terminal or the one-shot CLI: whoever has the shell; acts as `--as` or the first coordinator. */
  | { kind: 'local'; email?: string }
  /** A chat user; `email` only when the platform itself reports it (Slack `users.info`). */
  | { kind: 'chat'; medium: 'slack' | 'discord'; userId: string; email?: string; displayName?: string };

export interface InboundCommand {
  /** The command text in the common grammar, e.g. `/members add-org KAS Kosovo Agency for Statistics`. */
  text: string;
  actor: Actor;
  /** The exercise to act on, by slug (CLI `--exercise`); otherwise derived from channel or membership. */
  exerciseSlug?: string;
  /** Where it was typed: needed by `/exercise channel`, and to find a channel's exercise. */
  channel?: { medium: Medium; id: string };
  /** The platform's id for this delivery of the request: a retry carries the same one, and is answered once. */
  deliveryId?: string;
}

/** A refusal's kind; `usage` means the grammar itself was not understood (CLI exit 2). */
export type RefusalCode = 'usage' | 'bad-argument' | 'forbidden' | 'not-found' | 'rule' | 'not-available';

export type CommandOutcome =
  | { status: 'accepted'; reply: string; private?: boolean }
  | { status: 'refused'; code: RefusalCode; reply: string };

/** What adapters hold to talk to the core. */
export interface Core {
  handle(command: InboundCommand): Promise<CommandOutcome>;
}

/** A chat platform adapter: receives commands, delivers messages. */
export interface ChatPort extends DeliveryPort {
  start(core: Core): Promise<void>;
  stop(): Promise<void>;
}
