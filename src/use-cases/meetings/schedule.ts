import { z } from 'zod';
import { choiceArg, dateArg, groupArg, lineText, positiveMinutesArg, timeArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import type { CommandContext } from '../../core/context';
import { deadlinePassed, earliestCompliantDateNow } from '../../domain/notice';
import { formatDate, formatInZone, noticeDeadline, toInstant, type LocalDate, type LocalTime } from '../../domain/time';
import { MILESTONES, insertMeeting, meetingsOf } from '../../store/meetings';
import type { Group } from '../../store/members';
import { meetingLabel } from './lookups';
import { planMeetingJobs } from './plan';
import { GROUPS } from '../../domain/vocabulary';

export const DEFAULT_DURATION_MINUTES = 120;

export const urgentArg = lineText('urgent reason', 500, 'reply-meeting-admin.args');

/**
 * The instant of a date and time in the exercise's zone, or why it cannot be used (a DST gap or
 * overlap: the time; already past: the date).
 */
export function meetingStart(
  ctx: CommandContext,
  date: LocalDate,
  time: LocalTime,
): { ok: true; start: Date } | { ok: false; message: string; field: 'date' | 'time' } {
  const zone = ctx.requireExercise().timeZone;
  const start = toInstant(date, time, zone);
  if (!start.ok) {
    const message = start.problem ? ctx.say(`dates-args.${start.problem.rule}`, start.problem.values) : start.error;
    return { ok: false, message, field: 'time' };
  }
  if (start.value.getTime() <= ctx.now.getTime())
    return { ok: false, field: 'date', message: ctx.say('reply-meeting-admin.past', { start: ctx.when(start.value), now: ctx.when(ctx.now) }) };
  return { ok: true, start: start.value };
}

/**
 * SPEC §3's refusal when the notice deadline of a meeting at `start` has passed: the deadline,
 * the earliest compliant date at the same time, and how to hold it at short notice (`override`).
 */
export function deadlinePassedMessage(ctx: CommandContext, group: Group, start: Date, time: LocalTime, override: string): string {
  const exercise = ctx.requireExercise();
  const deadline = noticeDeadline(start, exercise.timeZone, exercise.noticeDays);
  const earliest = earliestCompliantDateNow(ctx.now, time, exercise.timeZone, exercise.noticeDays);
  return ctx.say('reply-meeting-admin.deadlinePassed', {
    group,
    day: formatInZone(start, exercise.timeZone).slice(0, 10),
    deadline: ctx.when(deadline),
    earliest: formatDate(earliest),
    override,
  });
}

export const scheduleMeeting = defineCommand({
  path: 'meeting schedule',
  params: [{ name: 'group', choices: GROUPS }, { name: 'date' }, { name: 'time' }, { name: 'title', rest: true }],
  options: { milestone: `<${MILESTONES.join('|')}>`, where: '"..."', duration: '<minutes>', urgent: '"<reason>"' },
  optionChoices: { milestone: MILESTONES },
  schema: z.object({
    group: groupArg,
    date: dateArg,
    time: timeArg,
    title: lineText('title', 200, 'reply-meeting-admin.args'),
    milestone: choiceArg('milestone', MILESTONES, 'reply-meeting-admin.args').optional(),
    where: lineText('place', 200, 'reply-meeting-admin.args').optional(),
    duration: positiveMinutesArg.optional(),
    urgent: urgentArg.optional(),
  }),
  summary: "Schedule a meeting of the PWG or PMG; refused if its agenda can no longer reach members seven days ahead.",
  details: [
    'Example: /meeting schedule PWG 2026-12-10 10:00 Agree the TOR milestone:tor where:"UNHCR office, Pristina" duration:90',
    'The date and time are in the exercise\'s time zone (or give an offset: 10:00+01:00). The notice deadline is the start minus the notice period (7 days unless the exercise says otherwise), at the same wall-clock time.',
    'If that deadline has passed, the meeting is refused with the earliest compliant date; urgent:"<reason>" holds it at short notice, and the reason is shown in the invitation.',
    'milestone: marks one of the four key meetings of the TOR (PWG only); duration: is in minutes (default 120).',
  ].join('\n'),
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const zone = exercise.timeZone;
    const when = meetingStart(ctx, args.date, args.time);
    if (!when.ok) return refused('rule', when.message, when.field);
    if (args.milestone && args.group !== 'PWG')
      return refused('rule', ctx.say('reply-meeting-admin.milestonePwgOnly', { milestone: args.milestone }), 'milestone');
    const deadline = noticeDeadline(when.start, zone, exercise.noticeDays);
    const passed = deadlinePassed(deadline, ctx.now);
    if (passed && !args.urgent)
      return refused('rule', deadlinePassedMessage(ctx, args.group, when.start, args.time, ctx.say('reply-meeting-admin.addUrgent')), 'date');
    const urgentReason = passed ? args.urgent! : null;
    const meeting = insertMeeting(ctx.db, {
      exerciseId: exercise.id,
      group: args.group,
      title: args.title,
      startsAt: when.start,
      durationMinutes: args.duration ?? DEFAULT_DURATION_MINUTES,
      place: args.where ?? null,
      milestone: args.milestone ?? null,
      noticeDeadline: deadline,
      urgentReason,
      organizerPersonId: ctx.actor.person!.id,
      at: ctx.nowIso,
    });
    planMeetingJobs(ctx, meeting, false);
    const id = meetingLabel(meeting);
    const same = args.milestone
      ? meetingsOf(ctx.db, exercise.id).filter((m) => m.id !== meeting.id && m.milestone === args.milestone && m.status !== 'cancelled')
      : [];
    const say = ctx.sayFrom('reply-meeting-admin', { id });
    const lines = [
      say('scheduled', {
        group: args.group,
        title: meeting.title,
        when: ctx.whenLong(meeting.startsAt),
        count: meeting.durationMinutes,
        place: meeting.place ? say('scheduledPlace', { place: meeting.place }) : '',
        milestone: meeting.milestone ? say('scheduledMilestone', { milestone: meeting.milestone }) : '',
      }),
      urgentReason ? say('scheduledShortNotice', { reason: urgentReason, deadline: ctx.whenLong(deadline) }) : say('scheduledDeadline', { deadline: ctx.whenLong(deadline) }),
    ];
    if (args.urgent && !passed) lines.push(say('scheduledUrgentNotNeeded'));
    if (same.length) lines.push(say('sameMilestone', { ids: same.map(meetingLabel).join(', '), milestone: args.milestone }));
    lines.push(say('scheduledNext'));
    return accepted(lines.join('\n'), {
      meeting: id,
      group: args.group,
      title: meeting.title,
      startsAt: meeting.startsAt.toISOString(),
      noticeDeadline: deadline.toISOString(),
      milestone: meeting.milestone,
      urgentReason,
    });
  },
});
