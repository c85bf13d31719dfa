import type { CommandContext } from '../../core/context';
import type { Medium } from '../../core/ports';
import type { Language } from '../../domain/vocabulary';
import { meetingCalendars, meetingUid, type CalendarPerson } from '../../render/icalendar';
import type { CalendarPart } from '../../core/ports';
import { linkNoticeMessages, peopleEverNoticed, type MeetingNotice, type NoticeKind } from '../../store/meeting-notices';
import { meetingEnd, meetingRef, type Meeting } from '../../store/meetings';
import { organisationsOf, personById, recipientsOf, type Organisation, type Person } from '../../store/members';
import { outboxByRef, outboxMedium } from '../../store/outbox';
import { meetingLabel } from './lookups';
import { calendarDescription, calendarSummary, meetingView, meetingViews } from './view';
import { formatLongIn } from '../../i18n/dates';
import { messageLanguage } from '../../i18n/catalogue';
import { addFocalCommand } from '../shared/hints';
import { sayIn, type Say } from '../../i18n/say';

/** The template of each kind of notice, under templates/. */
export const NOTICE_TEMPLATE: Record<NoticeKind, string> = {
  invitation: 'meeting-invitation',
  amendment: 'meeting-amended',
  postponement: 'meeting-postponed',
  cancellation: 'meeting-cancelled',
};

export interface NoticeRecipient {
  person: Person;
  /** Set for a focal point: the organisation this message reaches. */
  organisationId: number | null;
  role: 'coordinator' | 'focal' | 'observer' | 'former member';
}

export interface Audience {
  people: NoticeRecipient[];
  /** Organisations of the group with no active focal point: the notice cannot reach them (SPEC 2.2). */
  unreachable: Organisation[];
}

/** Everyone a meeting's notice goes to now: focal points of the group's organisations, coordinators, observers. */
export function audienceOf(ctx: CommandContext, m: Meeting): Audience {
  const members = recipientsOf(ctx.db, m.exerciseId, m.group);
  const people = members.map((p): NoticeRecipient => ({
    person: p,
    organisationId: p.role === 'focal' ? p.organisation?.id ?? null : null,
    role: p.role,
  }));
  const reached = new Set(people.map((p) => p.organisationId).filter((id) => id !== null));
  const unreachable = organisationsOf(ctx.db, m.exerciseId, m.group).filter((o) => !reached.has(o.id));
  return { people, unreachable };
}

/** The current audience plus anyone who was sent an earlier notice: a change of time must reach their calendars too. */
export function audienceWithFormer(ctx: CommandContext, m: Meeting): Audience {
  const audience = audienceOf(ctx, m);
  const present = new Set(audience.people.map((p) => p.person.id));
  for (const id of peopleEverNoticed(ctx.db, m.id)) {
    if (present.has(id)) continue;
    const person = personById(ctx.db, id);
    if (person) audience.people.push({ person, organisationId: null, role: 'former member' });
  }
  return audience;
}

/** Who actually received a notice of a meeting: per person the media it was handed over on, and the channels. */
export interface Reached {
  people: Map<number, Medium[]>;
  channels: Set<string>;
}

/**
 * Where a notice of `m` (invitation, amendment, postponement) was handed over (outbox status
 * 'sent'), per person and medium, and the group channels that saw one. What was still queued, failed
 * or withheld reached nobody.
 */
export function reachedBy(ctx: CommandContext, m: Meeting): Reached {
  const kinds = new Set<string>([NOTICE_TEMPLATE.invitation, NOTICE_TEMPLATE.amendment, NOTICE_TEMPLATE.postponement]);
  const reached: Reached = { people: new Map(), channels: new Set() };
  for (const e of outboxByRef(ctx.db, meetingRef(m.id))) {
    if (e.status !== 'sent' || !kinds.has(e.kind)) continue;
    if (e.personId === null) {
      reached.channels.add(e.address);
      continue;
    }
    const media = reached.people.get(e.personId) ?? [];
    if (!media.includes(e.medium)) media.push(e.medium);
    reached.people.set(e.personId, media);
  }
  return reached;
}

export interface DispatchReport {
  people: number;
  messages: number;
  byMedium: Partial<Record<Medium, number>>;
}

/**
 * Queues one notice version to each recipient (e-mail with the iCalendar part, plus each linked
 * chat identity) and ties every outbox row to the notice, so `/meeting notices` can prove it.
 * `view` adds what the template of this kind needs (the change, the reason), for a reader's language
 * and zone (`person` null: the group's channels); `as` renders it with
 * another kind's template (a member who joins late gets the current notice as an invitation).
 */
export function dispatchNotice(
  ctx: CommandContext,
  m: Meeting,
  notice: MeetingNotice,
  recipients: NoticeRecipient[],
  options: { view?: (language: Language, person: Person | null) => Record<string, unknown>; catchUp?: boolean; as?: NoticeKind; only?: Reached } = {},
): DispatchReport {
  const exercise = ctx.requireExercise();
  // The coordinator who called the meeting: calendar replies go to them (people are never deleted).
  const organizer = personById(ctx.db, m.organizerPersonId)!;
  const report: DispatchReport = { people: 0, messages: 0, byMedium: {} };
  const method = notice.kind === 'cancellation' ? 'CANCEL' : 'REQUEST';
  const kind = NOTICE_TEMPLATE[options.as ?? notice.kind];
  // Built once per language for everyone: only the ATTENDEE line and the reader's own time zone differ.
  const calendars = new Map<Language, (attendee: CalendarPerson) => CalendarPart>();
  const calendarFor = (language: Language) => {
    let build = calendars.get(language);
    if (build === undefined) {
      build = meetingCalendars({
        uid: meetingUid(m.id, exercise.slug),
        sequence: notice.sequence,
        method,
        stamp: ctx.now,
        start: m.startsAt,
        end: meetingEnd(m),
        summary: calendarSummary(m, language),
        description: calendarDescription(exercise, m, notice.agenda, language),
        location: m.place,
        organizer: { name: organizer.name, email: organizer.email },
      });
      calendars.set(language, build);
    }
    return build;
  };
  const viewFor = meetingViews(exercise, m, notice.agenda);
  for (const r of recipients) {
    const media = options.only?.people.get(r.person.id);
    if (options.only && !media) continue;
    const language = messageLanguage(kind, r.person, exercise);
    const calendar = calendarFor(language)({ name: r.person.name, email: r.person.email });
    const view = {
      ...viewFor(r.person, language),
      version: notice.version,
      late: notice.late,
      joinedLate: options.catchUp ? { firstSent: formatLongIn(notice.sentAt, exercise.timeZone, language) } : false,
      ...options.view?.(language, r.person),
    };
    const ids = ctx.deliver({
      kind,
      ref: meetingRef(m.id),
      to: r.person,
      organisationId: r.organisationId,
      view,
      calendar,
      ...(notice.kind === 'cancellation' ? {} : { links: { meeting: { id: m.id, endsAt: meetingEnd(m) } } }),
      ...(media ? { media } : {}),
    });
    linkNoticeMessages(ctx.db, notice.id, r.person.id, ids, options.catchUp ?? false);
    report.people++;
    report.messages += ids.length;
    for (const id of ids) {
      const medium = outboxMedium(ctx.db, id);
      if (medium) report.byMedium[medium] = (report.byMedium[medium] ?? 0) + 1;
    }
  }
  if (!options.catchUp) {
    const channelLanguage = messageLanguage(NOTICE_TEMPLATE[notice.kind], null, exercise);
    ctx.announce({
      kind: NOTICE_TEMPLATE[notice.kind],
      ref: meetingRef(m.id),
      group: m.group,
      view: { ...meetingView(exercise, m, notice.agenda, undefined, channelLanguage), version: notice.version, late: notice.late, toGroup: true, ...options.view?.(channelLanguage, null) },
      ...(options.only ? { channels: options.only.channels } : {}),
    });
  }
  return report;
}

/** "14 people (12 focal points, 1 coordinator, 1 observer), 16 messages (14 e-mail, 2 slack)", in the reader's language. */
export function describeDispatch(recipients: NoticeRecipient[], report: DispatchReport, say: Say = sayIn('en')): string {
  const roles = (['focal', 'coordinator', 'observer', 'former member'] as const)
    .map((role) => [role, recipients.filter((r) => r.role === role).length] as const)
    .filter(([, count]) => count > 0)
    .map(([role, count]) => say(`reply-meeting-admin.roleCount.${role}`, { count }));
  return say('reply-meeting-admin.dispatch', {
    people: say('reply-meeting-admin.people', { count: report.people }),
    roles: roles.join(', '),
    messages: say('reply-meeting-admin.messages', { count: report.messages }),
    media: describeMedia(Object.entries(report.byMedium), say),
  });
}

/** "14 e-mail, 2 slack": messages by medium, the platforms by their own names. */
export function describeMedia(byMedium: Iterable<readonly [string, number]>, say: Say = sayIn('en')): string {
  return [...byMedium].map(([medium, count]) => (medium === 'email' ? say('reply-meeting-admin.email', { count }) : `${count} ${medium}`)).join(', ');
}

/** The sentence about organisations a notice cannot reach, or ''. */
export function describeUnreachable(m: Meeting, unreachable: Organisation[], say: Say = sayIn('en')): string {
  if (unreachable.length === 0) return '';
  const names = unreachable.map((o) => o.acronym).join(', ');
  return say('reply-meeting-admin.unreachable', { count: unreachable.length, names, command: addFocalCommand(unreachable), id: meetingLabel(m) });
}
