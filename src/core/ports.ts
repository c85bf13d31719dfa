import type { Lookup } from '../commands/registry';
import type { ChatHome } from '../chat/home';
import type { ChatWords, FormToDraw } from '../chat/words';
import type { Sentence } from '../i18n/say';

/**
 * The ports between the platform-free core and the adapters. Adapters (console, e-mail, Slack,
 * Discord) implement these; nothing under src/ knows an SDK.
 */

/**
 * Where a message can travel or a command come from. `console` is the terminal the bot runs in;
 * `web` is a person's signed link to the bot's pages (commands only, nothing is delivered on it).
 */
export type Medium = 'email' | 'console' | 'slack' | 'discord' | 'web';
export const MEDIA: readonly Medium[] = ['email', 'console', 'slack', 'discord', 'web'];

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
  /**
   * Chat only: buttons offered under the message (e.g. Endorse / Object / Abstain). `value` is a
   * `ChatIntent` serialised by `encodeIntent` (src/chat/intent.ts): the adapter hands it back
   * untouched when the button is pressed, and `decodeIntent` reads it. At most 100 characters
   * (Discord's custom_id limit).
   */
  actions?: ChatAction[];
  /** Chat only: a previous delivery of this message to update in place, by provider id. */
  replaces?: string;
  /** E-mail only: where a person's reply goes (the exercise's coordinator), so it reaches a human. */
  replyTo?: string;
  /**
   * Chat only, on a long text: what a platform that cuts it says where it does, in the reader's
   * language ("… the rest of this message is not shown here: …"). Without it, the platform's English.
   */
  cutNote?: string;
}

/** A button under a chat message. */
export interface ChatAction {
  /** Unique within the message; says what the button is for (`endorse-E3-object`). */
  id: string;
  label: string;
  /** `encodeIntent(intent)`: opaque to adapters. */
  value: string;
  style?: 'primary' | 'danger';
}

/**
 * Where a message goes. A chat `person` is a user id (Discord needs a DM channel opened for it,
 * Slack posts to the user id); a `channel` is a channel id. E-mail is always a `person` whose id
 * is the address. Stored in the outbox as `formatAddress(address)` (src/chat/address.ts):
 * `slack:person:U123`, `slack:channel:C123`, `discord:person:123`, `discord:channel:123`, or the
 * bare e-mail address.
 */
export interface Address {
  medium: Medium;
  kind: 'person' | 'channel';
  id: string;
}

export interface OutboundMessage {
  /** Outbox row id: stable across retries, usable as an idempotency key (Discord nonce, Message-ID). */
  id: number;
  /**
   * Unique in the world and stable across retries (the outbox id and a random part stored with the
   * row): what a receiver de-duplicates by, e.g. the e-mail Message-ID. The id alone repeats in
   * another installation, or after a fresh database or a restored backup.
   */
  key: string;
  medium: Medium;
  /** The address as stored in the outbox (`formatAddress`). */
  address: string;
  /** The same address, typed. */
  to: Address;
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
  | { status: 'permanent'; error: string }
  /**
   * The provider refuses us, not the message (SMTP 530 or 553 to MAIL FROM, a failed login): the
   * medium pauses until the configuration works again; no recipient is marked failed for it.
   */
  | { status: 'misconfigured'; error: string };

export interface SendOptions {
  /** Aborted when the sender gives up on this attempt (a one-shot command's time ran out, the bot stops). */
  signal?: AbortSignal;
}

/** Something that can hand a message to a provider. */
export interface DeliveryPort {
  readonly medium: Medium;
  /** How many messages it takes at once (e.g. an SMTP pool's connections, with some queued); default 4. */
  readonly concurrency?: number;
  send(message: OutboundMessage, options?: SendOptions): Promise<DeliveryResult>;
  close?(): Promise<void>;
}

/** Who typed a command, as the platform vouches for it. Never a display name or a button value. */
export type Actor =
  /** The terminal or the one-shot CLI: whoever has the shell; acts as `--as` or the first coordinator. */
  | { kind: 'local'; email?: string }
  /** A chat user; `email` only when the platform itself reports it (Slack `users.info`). */
  | { kind: 'chat'; medium: 'slack' | 'discord'; userId: string; email?: string; displayName?: string }
  /** A person's signed link (`medium: web`), verified by the web adapter: the link names the person. */
  | { kind: 'web'; personId: number };

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
  /**
   * How the platform offers the help, for the replies that point to it: `/convene` in Slack and
   * Discord (Slack keeps `/help` for itself); `/help` when absent (the console, the CLI).
   */
  helpCommand?: string;
}

/** A refusal's kind; `usage` means the grammar itself was not understood (CLI exit 2). */
export type RefusalCode = 'usage' | 'bad-argument' | 'forbidden' | 'not-found' | 'rule' | 'not-available';

/**
 * Who sees a reply: `person` only the one who gave the command (Slack ephemeral, Discord
 * ephemeral, a DM); `channel` everyone in the channel it was given in (an accepted
 * `/exercise channel`, which tells the channel it now carries the group's announcements).
 * Decided by the use case, never by the adapter.
 */
export type Audience = 'person' | 'channel';

export type CommandOutcome =
  | {
      status: 'accepted';
      reply: string;
      audience: Audience;
      /**
       * Buttons that go with the reply, for the person who asked (the vote buttons of the requests
       * their organisation votes on, Done for their organisation's action items). A platform that
       * can draw buttons under a reply or in a home view does; the text says the same in commands.
       */
      actions?: ChatAction[];
    }
  | {
      status: 'refused';
      code: RefusalCode;
      reply: string;
      audience: 'person';
      /**
       * The argument the refusal is about, when known: a param or option name of the command's
       * definition (`date`, `urgent`). A form shows the sentence on the input with that name.
       */
      field?: string;
    };

/** A chat platform asks which ids to offer while the person types one (Discord autocomplete). */
export interface SuggestionRequest {
  actor: Actor;
  channel?: { medium: Medium; id: string };
  lookup: Lookup;
  /** What the person has typed into the field so far. */
  typed: string;
}

export interface Suggestion {
  /** What goes into the command: `M3`. */
  value: string;
  /** What the person sees: `M3 PWG 2026-12-10 10:00 Agree the TOR`. */
  label: string;
}

/** A chat platform asks for what it shows a person besides a command's reply: its own sentences, the App Home. */
export interface ChatRequest {
  actor: Extract<Actor, { kind: 'chat' }>;
  /** How the platform offers the help (`/convene`), for the sentences that point to it. */
  helpCommand: string;
  /** One more sentence of src/chat/words.ts to say (a slash command's refusal), given back as `said`. */
  say?: Sentence;
  /** A form about to be drawn (`SCHEDULE_FORM.id`, or `REASON_FORM.id` with its intent), given back in the person's words as `form`. */
  form?: FormToDraw;
}

/** What adapters hold to talk to the core. */
export interface Core {
  handle(command: InboundCommand): Promise<CommandOutcome>;
  /** The ids of this kind the person may see; none for a stranger. Reads only. */
  suggest?(request: SuggestionRequest): Promise<Suggestion[]>;
  /**
   * The sentences a chat adapter says itself, in the person's language (a person the bot cannot
   * identify: the installation's, else English). Reads only; never fails (English at worst).
   */
  words(request: ChatRequest): Promise<ChatWords>;
  /** The person's App Home (`HOME_SECTIONS` run as them), in their language; the platform lays it out. */
  home(request: ChatRequest): Promise<ChatHome>;
}

/** A chat platform adapter: receives commands, delivers messages. */
export interface ChatPort extends DeliveryPort {
  start(core: Core): Promise<void>;
  stop(): Promise<void>;
}
