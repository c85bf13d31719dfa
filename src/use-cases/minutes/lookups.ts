import type { CommandContext } from '../../core/context';
import { refused, type UseCaseResult } from '../../commands/registry';
import { formatDate, minutesDueDate } from '../../domain/minutes';
import type { LocalDate } from '../../domain/time';
import type { Exercise } from '../../store/exercises';
import { meetingEnd, type Meeting } from '../../store/meetings';
import { organisationsOf, type Organisation } from '../../store/members';
import { findMeeting, meetingLabel } from '../meetings/lookups';
import { findOrganisation } from '../shared/lookups';

/** `minutes:12`: the `ref` of a meeting's minutes messages and reminders (the meeting's own jobs keep `meeting:12`). */
export function minutesRef(meetingId: number): string {
  return `minutes:${meetingId}`;
}

export function minutesIdOfRef(ref: string): number | null {
  const m = /^minutes:(\d+)$/.exec(ref);
  return m ? Number(m[1]) : null;
}

/** `A7`. */
export function actionLabel(a: { id: number }): string {
  return `A${a.id}`;
}

/** The date the minutes of `m` are due by, in the exercise's zone: the day it ends plus the minutes days. */
export function dueDateOf(exercise: Exercise, m: Meeting): LocalDate {
  return minutesDueDate(meetingEnd(m), exercise.timeZone, exercise.minutesDays);
}

export function dueDateText(exercise: Exercise, m: Meeting): string {
  return formatDate(dueDateOf(exercise, m));
}

/**
 * A meeting whose minutes can be written now: one the acting person can see, not cancelled, and
 * started. Capturing is allowed from the meeting's start (during it, and after); before it, the
 * place for what will be discussed is the agenda.
 */
export function findMeetingForMinutes(ctx: CommandContext, id: number): { ok: true; value: Meeting } | { ok: false; refusal: UseCaseResult } {
  const found = findMeeting(ctx, id);
  if (!found.ok) return { ok: false, refusal: refused('not-found', found.message) };
  const m = found.value;
  const label = meetingLabel(m);
  if (m.status === 'cancelled') {
    const reason = m.cancelReason ?? ctx.say('reply-meeting-admin.noReason');
    return { ok: false, refusal: refused('rule', ctx.say('reply-minutes-admin.cancelled', { id: label, reason })) };
  }
  if (m.startsAt.getTime() > ctx.now.getTime())
    return { ok: false, refusal: refused('rule', ctx.say('reply-minutes-admin.notStarted', { id: label, when: ctx.whenLong(m.startsAt) })) };
  return found;
}

/** An organisation of the meeting's group (a PMG meeting's action items belong to PMG organisations). */
export function findGroupOrganisation(ctx: CommandContext, m: Meeting, acronym: string): { ok: true; value: Organisation } | { ok: false; refusal: UseCaseResult } {
  const found = findOrganisation(ctx, acronym);
  if (!found.ok) return { ok: false, refusal: refused('not-found', found.message) };
  const inGroup = organisationsOf(ctx.db, m.exerciseId, m.group).some((o) => o.id === found.value.id);
  if (!inGroup)
    return {
      ok: false,
      refusal: refused('rule', ctx.say('reply-minutes-admin.notInPmg', { org: found.value.acronym, id: meetingLabel(m) })),
    };
  return found;
}
