import { z } from 'zod';
import { idArg, lineText } from '../../commands/args';
import { accepted, defineCommand } from '../../commands/registry';
import { deadlinePassed } from '../../domain/notice';
import type { Language } from '../../domain/vocabulary';
import { currentNotice, insertNotice } from '../../store/meeting-notices';
import type { CommandContext } from '../../core/context';
import { markCancelled, meetingById, type Meeting } from '../../store/meetings';
import { audienceWithFormer, describeDispatch, dispatchNotice, reachedBy } from './dispatch';
import { findMeetingToChange, meetingLabel } from './lookups';
import { planMeetingJobs } from './plan';

/**
 * Cancels a meeting that has not started: if its notice went out, a cancellation notice (iCalendar
 * CANCEL, SEQUENCE raised) goes to everyone who was sent a notice and to the group's channels.
 * Also used when the exercise is dissolved, with `onlyReached`: then the cancellation goes only where
 * a notice was actually handed over (per person and medium, and channel); what was still queued
 * was withheld, and the dissolution notice tells everyone else.
 */
export function cancelWithNotice(
  ctx: CommandContext,
  before: Meeting,
  reason: string,
  /** `reasonIn`: the reason in a reader's language, when the bot gives it (not the coordinator's own words). */
  options: { onlyReached?: boolean; reasonIn?: (language: Language) => string } = {},
): { m: Meeting; version: number | null; told: string } {
  const previous = currentNotice(ctx.db, before.id);
  markCancelled(ctx.db, before.id, { reason, sequence: previous ? before.sequence + 1 : before.sequence, at: ctx.nowIso });
  const m = meetingById(ctx.db, before.id)!;
  planMeetingJobs(ctx, m, previous !== undefined);
  if (!previous) return { m, version: null, told: ctx.say('reply-meeting-admin.toldNotSent') };
  const only = options.onlyReached ? reachedBy(ctx, m) : undefined;
  if (only && only.people.size === 0 && only.channels.size === 0)
    return { m, version: null, told: ctx.say('reply-meeting-admin.toldNotDelivered') };
  const notice = insertNotice(ctx.db, {
    meetingId: m.id, kind: 'cancellation', sequence: m.sequence, startsAt: m.startsAt, noticeDeadline: m.noticeDeadline,
    agenda: previous.agenda, reason, sentAt: ctx.nowIso, sentByPersonId: ctx.actor.person?.id ?? null,
    late: deadlinePassed(m.noticeDeadline, ctx.now),
  });
  const audience = audienceWithFormer(ctx, m);
  const people = only ? audience.people.filter((r) => only.people.has(r.person.id)) : audience.people;
  const report = dispatchNotice(ctx, m, notice, people, { view: (language) => ({ reason: options.reasonIn?.(language) ?? reason }), ...(only ? { only } : {}) });
  return { m, version: notice.version, told: ctx.say('reply-meeting-admin.toldCancelled', { dispatch: describeDispatch(people, report, ctx.say) }) };
}

export const cancelMeeting = defineCommand({
  path: 'meeting cancel',
  params: [{ name: 'id', lookup: 'meeting' }, { name: 'reason', rest: true }],
  schema: z.object({ id: idArg('M', 'meeting'), reason: lineText('reason', 500, 'reply-meeting-admin.args') }),
  summary: 'Cancel a meeting; if its notice went out, members are told and the event is removed from their calendars.',
  details: 'Example: /meeting cancel M3 the draft TOR is not ready; a new date follows',
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const found = findMeetingToChange(ctx, args.id);
    if (!found.ok) return found.refusal;
    const before = found.value;
    const id = meetingLabel(before);
    const { m, version, told } = cancelWithNotice(ctx, before, args.reason);
    return accepted(ctx.say('reply-meeting-admin.cancelled', { id, group: m.group, title: m.title, when: ctx.whenLong(m.startsAt), reason: args.reason, told }), {
      meeting: id,
      reason: args.reason,
      notice: version,
      sequence: m.sequence,
    });
  },
});
