import type { Db } from '../store/db';
import { exerciseById, type Exercise } from '../store/exercises';
import type { Group, Member, Person } from '../store/members';
import { channelsOf } from '../store/channels';
import { coordinators } from '../store/members';
import { identitiesOfPerson } from '../store/members';
import { enqueue } from '../store/outbox';
import { channelAddress, formatAddress, personAddress } from '../chat/address';
import type { CalendarPart, Medium, OutboundPayload } from './ports';
import type { RenderedMessage, TemplateRenderer } from '../render/renderer';
import { FanOutRenderer } from '../render/fan-out';
import type { Clock } from '../clock';
import { personalLinks, type LinkSettings, type LinkWish } from '../web/personal-links';
import { messageLanguage, translate } from '../i18n/catalogue';
import type { Language } from '../domain/vocabulary';
import { HELP_COMMAND } from '../commands/registry';
import { groupAddressee, readerTime, type Say } from '../i18n/say';
import { answerLanguage } from './chat-language';
import { formatLongIn } from '../i18n/dates';

/** The person behind a command, as far as the bot knows them. */
export interface ActingPerson {
  person: Person | null;
  /** Their active membership in the exercise acted on, if any. */
  member: Member | null;
  /** For the audit log: "coord@example.org (slack:U123)". */
  label: string;
  chat?: { medium: 'slack' | 'discord'; userId: string };
  /** Where the command came from: the terminal or CLI (`console`), a chat platform, or a web link. */
  via?: Medium;
}

export interface Settings {
  noticeDays: number;
  minutesDays: number;
  /** Where `/exercise export` writes (config EXPORTS_DIR); default `data/exports`, relative to the working directory. */
  exportsDir?: string;
  /** How personal links in e-mails are written (PUBLIC_URL); without it, messages carry no links. */
  links?: LinkSettings;
  /** The chat platforms this installation runs (configured): a message offers buttons only there. */
  chatPlatforms?: readonly ('slack' | 'discord')[];
}

const PLATFORM_NAMES = { slack: 'Slack', discord: 'Discord' } as const;

/**
 * Where the buttons under a message can be pressed, for its text: `Slack`, `Discord`, `Slack or
 * Discord`, or '' when the installation runs no chat platform (the text then says only what to type).
 */
export function buttonsIn(settings: Settings, language: Language = 'en'): string {
  return (settings.chatPlatforms ?? []).map((p) => PLATFORM_NAMES[p]).join(` ${translate(language, 'common.or')} `);
}

/** One message to one person, rendered from a template on every medium they can be reached on. */
export interface PersonalMessage {
  kind: string;
  ref?: string | null;
  to: Person;
  organisationId?: number | null;
  view: Record<string, unknown>;
  calendar?: CalendarPart;
  actions?: OutboundPayload['actions'];
  /** Only e-mail (e.g. a verification code must go to the address, not to chat). */
  emailOnly?: boolean;
  /** Only these media (e.g. a calendar cancellation only where the invitation was delivered). */
  media?: readonly Medium[];
  notBefore?: string;
  /** Personal links it carries (signed for this person), besides their own page. */
  links?: LinkWish;
  /**
   * Queued unrendered (view, template and the reader's language of now) and rendered when the
   * sender claims it (`src/render/deferred.ts`): the same message, without its rendering and its
   * bytes in the command's transaction. For messages a frequent command sends (a vote's receipts).
   */
  renderWhenSent?: boolean;
}

/** A message to a group's chat channels: rendered once from `templates/<kind>.txt`. */
export interface GroupAnnouncement {
  kind: string;
  ref?: string | null;
  group: Group;
  view: Record<string, unknown>;
  actions?: OutboundPayload['actions'];
  /** Only these of the group's channels, by stored address (`slack:channel:C123`); all of them when absent. */
  channels?: ReadonlySet<string>;
}

/**
 * What a use case gets: the database (already inside the command's transaction), the time,
 * who is acting, and how to queue messages. A use case reads no clock and sends nothing itself.
 */
export class CommandContext {
  constructor(
    readonly db: Db,
    readonly now: Date,
    readonly exercise: Exercise | null,
    readonly actor: ActingPerson,
    readonly settings: Settings,
    readonly renderer: TemplateRenderer,
    readonly command: string,
    /** Where the command was typed, when the platform says (a Slack or Discord channel). */
    readonly channel?: { medium: Medium; id: string },
    /** The help command as the platform offers it (`/convene` in Slack and Discord), for replies that point to it. */
    readonly helpCommand: string = HELP_COMMAND,
  ) {}

  /** The Reply-To of this command's messages, looked up at its first message (no command changes roles and then writes). */
  private replyTo: { email: string | null } | undefined;

  /** Renders this command's e-mails: one meeting's invitation to 600 people is rendered once and personalised. */
  private fanOut: FanOutRenderer | undefined;

  private nowText: string | undefined;

  /** `now` as ISO text, formatted once: a notice asks for it several times per recipient. */
  get nowIso(): string {
    return (this.nowText ??= this.now.toISOString());
  }

  /** The language the actor is answered in (`answerLanguage`): their own, else the exercise's; the installation's for a stranger. */
  get language(): Language {
    return answerLanguage(this.db, this.actor.person, this.exercise);
  }

  /** A sentence of the catalogue in the actor's language: replies and refusals say `ctx.say('reply-vote.recorded', {...})`. */
  readonly say: Say = (key, values = {}) => translate(this.language, key, values);

  /**
   * The sentences of one catalogue section, with values all of them share:
   * `const say = ctx.sayFrom('reply-meeting-admin', { id }); say('sent', { count })`.
   */
  sayFrom(section: string, shared: Record<string, unknown> = {}): Say {
    return (key, values = {}) => this.say(`${section}.${key}`, { ...shared, ...values });
  }

  /** An instant for the actor: in the exercise's zone, and in their own beside it where their clock shows another time. */
  when(instant: string | Date): string {
    return readerTime(instant, this.requireExercise().timeZone, this.actor.person, this.language);
  }

  /** The same with the day written out in the actor's language: "Tue 24 Nov 2026, 14:00 (Europe/Belgrade)", "уторак, 24. новембар 2026, ...". */
  whenLong(instant: string | Date): string {
    return readerTime(instant, this.requireExercise().timeZone, this.actor.person, this.language, formatLongIn);
  }

  /** The exercise acted on; the core guarantees one for exercise-scoped commands. */
  requireExercise(): Exercise {
    if (!this.exercise) throw new Error('This command needs an exercise, and the core did not resolve one.');
    return this.exercise;
  }

  /**
   * Posts an announcement in the group's bound chat channels (`/exercise channel PWG`), one outbox
   * row per channel. Members are still reached personally by `deliver`; this is the group's record in chat.
   */
  announce(a: GroupAnnouncement): number[] {
    const exercise = this.requireExercise();
    const language = messageLanguage(a.kind, null, exercise);
    const rendered = this.renderer.renderPlain(a.kind, { exercise: exercise.name, ...a.view, recipientName: groupAddressee(language, a.group) }, language);
    const addressed = channelsOf(this.db, exercise.id, a.group).map((c) => ({
      medium: c.medium as Medium,
      address: formatAddress(channelAddress(c.medium as 'slack' | 'discord', c.channelId)),
    }));
    return addressed.filter((c) => !a.channels || a.channels.has(c.address)).map((c) =>
      enqueue(
        this.db,
        {
          exerciseId: exercise.id,
          kind: a.kind,
          ref: a.ref ?? null,
          medium: c.medium,
          address: c.address,
          payload: { subject: rendered.subject, text: rendered.text, ...cutNote(rendered.text, language), ...(a.actions ? { actions: a.actions } : {}) },
        },
        this.nowIso,
      ),
    );
  }

  /** Queues a message to one person: e-mail always, plus each linked chat identity. Returns outbox ids. */
  deliver(m: PersonalMessage): number[] {
    const language = messageLanguage(m.kind, m.to, this.exercise);
    const withButtons = m.actions?.length ? { ...m, view: { ...m.view, buttonsIn: buttonsIn(this.settings, language) } } : m;
    const exerciseId = this.exercise?.id ?? null;
    this.replyTo ??= { email: exerciseId === null ? null : replyToOf(this.db, exerciseId) };
    this.fanOut ??= new FanOutRenderer(this.renderer);
    return deliverToPerson(this.db, this.renderer, exerciseId, this.nowIso, withButtons, {
      links: this.settings.links,
      replyTo: this.replyTo.email,
      render: this.fanOut,
    });
  }
}

/**
 * A chat text longer than this may be cut by a platform (Slack holds 50 blocks of up to 3,000
 * escaped characters): only such a text carries the note said where it is cut, in its reader's language.
 */
const CUTTABLE_CHAT_TEXT = 10_000;

function cutNote(text: string, language: Language): Pick<OutboundPayload, 'cutNote'> {
  return text.length > CUTTABLE_CHAT_TEXT ? { cutNote: translate(language, 'delivery-lines.messageCut') } : {};
}

/** Where a reply to an exercise's e-mail goes: its first coordinator (the adapter falls back to REPLY_TO). */
export function replyToOf(db: Db, exerciseId: number): string | null {
  return coordinators(db, exerciseId)[0]?.email ?? null;
}

/** What a caller sending many messages has already: looked up or built once, not per recipient. */
export interface DeliveryHelp {
  /** How personal links are written (PUBLIC_URL); without it, messages carry none. */
  links?: LinkSettings;
  /** The exercise's Reply-To; looked up when absent. */
  replyTo?: string | null;
  /** Renders the e-mail (`FanOutRenderer`); the renderer itself when absent. */
  render?: { render(kind: string, view: Record<string, unknown>, language: Language): RenderedMessage };
}

/** Shared by commands and scheduled jobs: render once per person and enqueue per medium. */
export function deliverToPerson(
  db: Db,
  renderer: TemplateRenderer,
  exerciseId: number | null,
  nowIso: string,
  m: PersonalMessage,
  help: DeliveryHelp = {},
): number[] {
  const { links, replyTo } = help;
  const exercise = exerciseId === null ? undefined : exerciseById(db, exerciseId);
  // Personal links only while the exercise is active: a dissolved one takes no votes and sends only its notice.
  const personal = links && exercise?.status === 'active' ? { links: personalLinks(db, links, exercise.id, m.to.id, m.links ?? {}, new Date(nowIso)) } : {};
  const view = { exercise: exercise?.name, ...m.view, ...personal, recipientName: m.to.name, recipientEmail: m.to.email };
  // In the reader's language of now, rendered now or kept with the message: changing it later changes the next message only.
  const language = messageLanguage(m.kind, m.to, exercise);
  const rendered = m.renderWhenSent ? null : (help.render ?? renderer).render(m.kind, view, language);
  const says = (html: boolean) =>
    rendered ? { subject: rendered.subject, text: rendered.text, ...(html ? { html: rendered.html } : {}) } : { deferred: { template: m.kind, language, view, html } };
  const replyAddress = replyTo !== undefined ? replyTo : exercise ? replyToOf(db, exercise.id) : null;
  const ids: number[] = [];
  const on = (medium: Medium) => !m.media || m.media.includes(medium);
  const base = {
    exerciseId,
    kind: m.kind,
    ref: m.ref ?? null,
    personId: m.to.id,
    organisationId: m.organisationId ?? null,
    ...(m.notBefore ? { notBefore: m.notBefore } : {}),
  };
  if (on('email')) {
    ids.push(
      enqueue(
        db,
        {
          ...base,
          medium: 'email',
          address: m.to.email,
          payload: {
            ...says(true),
            ...(m.calendar ? { calendar: m.calendar } : {}),
            ...(replyAddress ? { replyTo: replyAddress } : {}),
          },
        },
        nowIso,
      ),
    );
  }
  if (m.emailOnly) return ids;
  for (const identity of identitiesOfPerson(db, m.to.id)) {
    // Queued even if this process does not run that platform: the bot process that does delivers it.
    const medium = identity.medium as Medium;
    if (!on(medium)) continue;
    ids.push(
      enqueue(
        db,
        {
          ...base,
          medium,
          address: formatAddress(personAddress(medium as 'slack' | 'discord', identity.userId)),
          payload: { ...says(false), ...(rendered ? cutNote(rendered.text, language) : {}), ...(m.actions ? { actions: m.actions } : {}) },
        },
        nowIso,
      ),
    );
  }
  return ids;
}

export type { Clock };
