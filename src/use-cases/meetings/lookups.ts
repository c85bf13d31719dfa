import type { CommandContext } from '../../core/context';
import { refused, type UseCaseResult } from '../../commands/registry';
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

/** Why a meeting can no longer be changed, or null when it can, in the actor's language. */
export function closedForChanges(ctx: CommandContext, m: Meeting): string | null {
  const id = meetingLabel(m);
  const say = ctx.sayFrom('reply-meeting-admin', { id });
  if (m.status === 'cancelled') return say('closedCancelled', { reason: m.cancelReason ?? say('noReason') });
  if (m.status === 'held') return say('closedHeld', { when: ctx.whenLong(m.startsAt) });
  if (m.startsAt.getTime() <= ctx.now.getTime()) return say('closedStarted', { when: ctx.whenLong(m.startsAt) });
  return null;
}

/** The meeting a command is about to change, or the refusal: not found, or no longer changeable. */
export function findMeetingToChange(ctx: CommandContext, id: number): { ok: true; value: Meeting } | { ok: false; refusal: UseCaseResult } {
  const found = findMeeting(ctx, id);
  if (!found.ok) return { ok: false, refusal: refused('not-found', found.message) };
  const closed = closedForChanges(ctx, found.value);
  if (closed) return { ok: false, refusal: refused('rule', closed) };
  return found;
}
