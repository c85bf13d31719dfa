import type { CommandContext } from '../../core/context';
import { refused, type UseCaseResult } from '../../commands/registry';
import { formatLong } from '../../domain/time';
import { meetingById, type Meeting, type Milestone } from '../../store/meetings';
import type { Found } from '../shared/lookups';

/** `M12`. */
export function meetingLabel(m: Pick<Meeting, 'id'>): string {
  return `M${m.id}`;
}

/** The four key meetings of the TOR (section IV), in the order the exercise reaches them. */
export const MILESTONE_PURPOSE: Record<Milestone, string> = {
  tor: 'agree on the profiling objectives and the TOR',
  methodology: 'agree on the profiling methodology and data collection tools',
  findings: 'discuss the findings and agree on main recommendations',
  report: 'adopt the final profiling report and agree on the dissemination strategy',
};

/** "the PWG meeting M3 "Agree the TOR" on Tue 1 Dec 2026, 10:00 (Europe/Belgrade)" */
export function describeMeeting(m: Meeting, zone: string): string {
  return `the ${m.group} meeting ${meetingLabel(m)} "${m.title}" on ${formatLong(m.startsAt, zone)}`;
}

/**
 * The meeting with this id in the exercise acted on, if the acting person may read it: focal
 * points read their own groups' meetings (a PWG-only organisation does not see the PMG's).
 */
export function findMeeting(ctx: CommandContext, id: number): Found<Meeting> {
  const exercise = ctx.requireExercise();
  const meeting = meetingById(ctx.db, id);
  if (!meeting || meeting.exerciseId !== exercise.id) return { ok: false, message: ctx.say('reply-meetings.notFound', { id, exercise: exercise.name }) };
  if (!canRead(ctx, meeting)) return { ok: false, message: ctx.say('reply-meetings.notVisible', { id, exercise: exercise.name }) };
  return { ok: true, value: meeting };
}

/** Coordinators and observers read every meeting; a focal point the meetings of their organisation's groups. */
export function canRead(ctx: CommandContext, meeting: Pick<Meeting, 'group'>): boolean {
  const member = ctx.actor.member;
  if (!member || member.role !== 'focal') return true;
  return meeting.group === 'PWG' || member.organisation?.inPmg === true;
}

/** Why a meeting can no longer be changed, or null when it can. */
export function closedForChanges(m: Meeting, zone: string, now: Date): string | null {
  const label = meetingLabel(m);
  if (m.status === 'cancelled') return `${label} was cancelled (${m.cancelReason ?? 'no reason given'}); it cannot be changed. Schedule a new meeting with /meeting schedule.`;
  if (m.status === 'held') return `${label} was held on ${formatLong(m.startsAt, zone)}; its record cannot be changed.`;
  if (m.startsAt.getTime() <= now.getTime()) return `${label} started on ${formatLong(m.startsAt, zone)}; it cannot be changed any more. Schedule a new meeting with /meeting schedule.`;
  return null;
}

/** The meeting a command is about to change, or the refusal: not found, or no longer changeable. */
export function findMeetingToChange(ctx: CommandContext, id: number): { ok: true; value: Meeting } | { ok: false; refusal: UseCaseResult } {
  const found = findMeeting(ctx, id);
  if (!found.ok) return { ok: false, refusal: refused('not-found', found.message) };
  const closed = closedForChanges(found.value, ctx.requireExercise().timeZone, ctx.now);
  if (closed) return { ok: false, refusal: refused('rule', closed) };
  return found;
}
