import { formatForReader } from '../../i18n/dates';
import { z } from 'zod';
import { dateArg, idArg, lineText, timeArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { deadlinePassed } from '../../domain/notice';
import { noticeDeadline } from '../../domain/time';
import { currentNotice, insertNotice } from '../../store/meeting-notices';
import { agendaOf, markNoticeSent, meetingById, moveMeeting } from '../../store/meetings';
import { audienceWithFormer, describeDispatch, describeUnreachable, dispatchNotice } from './dispatch';
import { findMeetingToChange, meetingLabel } from './lookups';
import { planMeetingJobs } from './plan';
import { deadlinePassedMessage, meetingStart, urgentArg } from './schedule';

export const postponeMeeting = defineCommand({
  path: 'meeting postpone',
  params: [{ name: 'id', lookup: 'meeting' }, { name: 'date' }, { name: 'time' }, { name: 'reason', rest: true, optional: true }],
  options: { urgent: '"<reason>"' },
  schema: z.object({
    id: idArg('M', 'meeting'),
    date: dateArg,
    time: timeArg,
    reason: lineText('reason', 500, 'reply-meeting-admin.args').optional(),
    urgent: urgentArg.optional(),
  }),
  summary: 'Move a meeting; if its notice went out, members are told (the change stated at the top) and their calendars updated.',
  details: [
    'Example: /meeting postpone M3 2026-12-10 10:00 the venue is not available',
    'The new date must give the full notice period, like a new meeting; if not, add urgent:"<reason>" to hold it at short notice.',
    'A meeting whose notice deadline was missed is postponed this way to the earliest compliant date, then sent with /meeting send.',
  ].join('\n'),
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const zone = exercise.timeZone;
    const found = findMeetingToChange(ctx, args.id);
    if (!found.ok) return found.refusal;
    const before = found.value;
    const id = meetingLabel(before);
    const when = meetingStart(ctx, args.date, args.time);
    if (!when.ok) return refused('rule', when.message, when.field);
    const say = ctx.sayFrom('reply-meeting-admin', { id });
    if (when.start.getTime() === before.startsAt.getTime()) return refused('rule', say('alreadyOn', { when: ctx.whenLong(before.startsAt) }));
    const deadline = noticeDeadline(when.start, zone, exercise.noticeDays);
    const passed = deadlinePassed(deadline, ctx.now);
    if (passed && !args.urgent)
      return refused('rule', deadlinePassedMessage(ctx, before.group, when.start, args.time, say('addUrgent')));

    const previous = currentNotice(ctx.db, before.id);
    const sent = previous !== undefined;
    const urgentReason = passed ? args.urgent! : null;
    moveMeeting(ctx.db, before.id, {
      startsAt: when.start,
      noticeDeadline: deadline,
      sequence: sent ? before.sequence + 1 : before.sequence,
      status: sent ? 'noticed' : 'scheduled',
      urgentReason,
      at: ctx.nowIso,
    });
    let m = meetingById(ctx.db, before.id)!;
    const moved = { from: ctx.whenLong(before.startsAt), to: ctx.whenLong(m.startsAt), reason: args.reason };
    const lines = [say(args.reason ? 'movedBecause' : 'moved', moved)];
    const newDeadline = ctx.whenLong(deadline);
    let notice = null;
    if (sent) {
      const agenda = agendaOf(ctx.db, m.id).map((i) => i.text);
      markNoticeSent(ctx.db, m.id, { agendaVersion: m.agendaVersion, urgentReason, at: ctx.nowIso });
      m = meetingById(ctx.db, m.id)!;
      notice = insertNotice(ctx.db, {
        meetingId: m.id, kind: 'postponement', sequence: m.sequence, startsAt: m.startsAt, noticeDeadline: deadline, agenda,
        reason: args.reason ?? urgentReason, sentAt: ctx.nowIso, sentByPersonId: ctx.actor.person?.id ?? null, late: passed,
      });
      const audience = audienceWithFormer(ctx, m);
      const report = dispatchNotice(ctx, m, notice, audience.people, {
        view: (language, person) => ({ previousWhen: formatForReader(before.startsAt, zone, person?.timeZone, language), reason: args.reason ?? false }),
      });
      lines.push(say('toldMoved', { dispatch: describeDispatch(audience.people, report, ctx.say), unreachable: describeUnreachable(m, audience.unreachable, ctx.say) }));
      lines.push(urgentReason ? say('movedShortNotice', { reason: urgentReason, deadline: newDeadline }) : say('movedOnTime', { deadline: newDeadline }));
    } else {
      lines.push(
        urgentReason ? say('movedShortNoticeSend', { reason: urgentReason, deadline: newDeadline }) : say('movedNotSent', { deadline: newDeadline }),
      );
    }
    planMeetingJobs(ctx, m, sent);
    return accepted(lines.join('\n'), {
      meeting: id,
      from: before.startsAt.toISOString(),
      to: m.startsAt.toISOString(),
      noticeDeadline: deadline.toISOString(),
      reason: args.reason ?? null,
      urgentReason,
      notice: notice?.version ?? null,
      sequence: m.sequence,
    });
  },
});
