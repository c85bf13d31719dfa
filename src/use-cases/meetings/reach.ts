import type { Language } from '../../domain/vocabulary';
import { translate } from '../../i18n/catalogue';
import type { CommandContext } from '../../core/context';
import { isOnTime } from '../../domain/notice';
import { currentNotice, noticeMessagesOf, noticesOf, type MeetingNotice, type NoticeMessage } from '../../store/meeting-notices';
import type { Meeting } from '../../store/meetings';
import { activeMembers, organisationsOf, personById, type Organisation, type Person, type Role } from '../../store/members';

export interface PersonReach {
  person: Person;
  /** Their role now, or `former member` when they left after being sent a notice. */
  role: Role | 'former member';
  messages: NoticeMessage[];
}

export interface OrganisationReach {
  organisation: Organisation;
  /** Focal points now, and anyone who was sent a notice for this organisation. */
  people: PersonReach[];
  hasFocalPoint: boolean;
  /** When a notice of the meeting's current time was first handed over to any of its focal points. */
  firstReachedAt: Date | null;
  onTime: boolean;
}

export interface MeetingReach {
  /** The notice that told members the current time, if any went out. */
  current: MeetingNotice | undefined;
  organisations: OrganisationReach[];
  /** Coordinators, observers and former members who were sent a notice. */
  others: PersonReach[];
}

/**
 * The version of the notice that announced the meeting's current time (the invitation, or the last
 * postponement); 0 when none went out. Amendments after it carry the same time.
 */
function currentTimeVersion(notices: MeetingNotice[]): number {
  return Math.max(0, ...notices.filter((n) => n.kind === 'invitation' || n.kind === 'postponement').map((n) => n.version));
}

/** Counts towards reaching someone: a message of a notice that carries the meeting's current time. */
function carriesCurrentTime(msg: NoticeMessage, since: number): boolean {
  return since > 0 && msg.kind !== 'cancellation' && msg.version >= since;
}

/**
 * Who the meeting's notice reached, per organisation of its group and per person, from the outbox
 * rows that carried it. An organisation is reached on time when a notice of the current time was
 * handed over to one of its focal points by the notice deadline, on any medium.
 */
export function reachOf(ctx: CommandContext, m: Meeting): MeetingReach {
  const current = currentNotice(ctx.db, m.id);
  const messages = noticeMessagesOf(ctx.db, m.id);
  const since = currentTimeVersion(noticesOf(ctx.db, m.id));
  const members = activeMembers(ctx.db, m.exerciseId);
  const roleOf = new Map(members.map((p) => [p.id, p.role] as const));
  const people = new Map<number, PersonReach>();
  const reachOfPerson = (id: number): PersonReach | undefined => {
    let r = people.get(id);
    if (!r) {
      const person = members.find((p) => p.id === id) ?? personById(ctx.db, id);
      if (!person) return undefined;
      r = { person, role: roleOf.get(id) ?? 'former member', messages: [] };
      people.set(id, r);
    }
    return r;
  };
  for (const msg of messages) reachOfPerson(msg.personId)?.messages.push(msg);

  const placed = new Set<number>();
  const organisations = organisationsOf(ctx.db, m.exerciseId, m.group).map((organisation): OrganisationReach => {
    const focal = members.filter((p) => p.role === 'focal' && p.organisation?.id === organisation.id).map((p) => p.id);
    const sentTo = messages.filter((msg) => msg.organisationId === organisation.id).map((msg) => msg.personId);
    const ids = [...new Set([...focal, ...sentTo])];
    ids.forEach((id) => placed.add(id));
    const handed = messages
      .filter((msg) => msg.organisationId === organisation.id && msg.handedOverAt && carriesCurrentTime(msg, since))
      .map((msg) => msg.handedOverAt!.getTime());
    const firstReachedAt = handed.length ? new Date(Math.min(...handed)) : null;
    return {
      organisation,
      people: ids.map(reachOfPerson).filter((r): r is PersonReach => r !== undefined),
      hasFocalPoint: focal.length > 0,
      firstReachedAt,
      onTime: firstReachedAt !== null && isOnTime(firstReachedAt, m.noticeDeadline),
    };
  });
  const others = [...people.values()].filter((r) => !placed.has(r.person.id));
  return { current, organisations, others };
}

/** "9 of 10 organisations reached by the deadline". */
export function reachSummary(reach: MeetingReach, language: Language = 'en'): string {
  const onTime = reach.organisations.filter((o) => o.onTime).length;
  return translate(language, 'reply-exercise-status.reached', { onTime, count: reach.organisations.length });
}
