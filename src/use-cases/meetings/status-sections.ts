import type { CommandContext } from '../../core/context';
import { deadlinePassed } from '../../domain/notice';
import { MILESTONES, meetingsOf, type Meeting } from '../../store/meetings';
import { activeFocalPoints, organisationsOf } from '../../store/members';
import { noticeState } from './list';
import { meetingLabel } from './lookups';
import { reachOf, reachSummary } from './reach';
import { addFocalCommand, commandIn, offersCoordinatorSteps } from '../shared/hints';

/** "noticed on time", or why not, for one meeting. */
function noticedOnTime(ctx: CommandContext, m: Meeting): string {
  const say = ctx.sayFrom('reply-exercise-status');
  if (m.status === 'scheduled' && !m.urgentReason && !deadlinePassed(m.noticeDeadline, ctx.now)) return say('sendBy', { deadline: ctx.whenLong(m.noticeDeadline) });
  if (m.status === 'scheduled' || m.status === 'notice-missed') return say('noticedNo', { state: noticeState(ctx, m, { language: ctx.language }) });
  const reach = reachOf(ctx, m);
  if (!reach.current) return say('nothingSent');
  const all = reach.organisations.every((o) => o.onTime);
  const key = `${all ? 'noticedYes' : 'noticedLate'}${m.urgentReason ? 'Short' : ''}`;
  return say(key, { reach: reachSummary(reach, ctx.language), reason: m.urgentReason });
}

function held(ctx: CommandContext, m: Meeting): string {
  const key = m.status === 'held' ? 'heldYes' : m.status === 'cancelled' ? 'heldCancelled' : m.startsAt.getTime() > ctx.now.getTime() ? 'heldNotYet' : 'heldNotRecorded';
  return ctx.say(`reply-exercise-status.${key}`);
}

/** SPEC 2.5: the four key meetings of the TOR: scheduled, noticed on time, held. */
export function keyMeetingsSection(ctx: CommandContext): string[] {
  const exercise = ctx.requireExercise();
  const meetings = meetingsOf(ctx.db, exercise.id);
  const say = ctx.sayFrom('reply-exercise-status');
  const lines = [say('keyMeetings')];
  for (const milestone of MILESTONES) {
    const all = meetings.filter((m) => m.milestone === milestone);
    const live = all.filter((m) => m.status !== 'cancelled');
    const label = say('milestone', { milestone, purpose: ctx.say(`purposes.${milestone}`) });
    if (live.length === 0) {
      const hint = offersCoordinatorSteps(ctx) ? ` ${commandIn(ctx, `/meeting schedule PWG <date> <time> <title> milestone:${milestone}`)}` : '';
      lines.push(say(all.length ? 'notScheduledCancelled' : 'notScheduled', { label, cancelled: all.map(meetingLabel).join(', '), hint }));
      continue;
    }
    lines.push(`${label}:`);
    for (const m of live) {
      lines.push(say('keyMeeting', { id: meetingLabel(m), title: m.title, when: ctx.whenLong(m.startsAt), noticed: noticedOnTime(ctx, m), held: held(ctx, m) }));
    }
  }
  return lines;
}

/** Meetings still to come, with their notice deadlines and where their notices stand. */
export function upcomingMeetingsSection(ctx: CommandContext): string[] {
  const exercise = ctx.requireExercise();
  const upcoming = meetingsOf(ctx.db, exercise.id).filter((m) => m.status !== 'cancelled' && m.startsAt.getTime() > ctx.now.getTime());
  const say = ctx.sayFrom('reply-exercise-status');
  if (upcoming.length === 0) return [say('upcomingNone')];
  const lines = [say('upcoming', { count: upcoming.length })];
  for (const m of upcoming) {
    lines.push(say('upcomingMeeting', { id: meetingLabel(m), group: m.group, title: m.title, when: ctx.whenLong(m.startsAt) }));
    lines.push(say('upcomingDeadline', { deadline: ctx.whenLong(m.noticeDeadline), state: noticeState(ctx, m, { withDeadline: false, language: ctx.language }) }));
  }
  return lines;
}

/**
 * SPEC 2.1: every meeting held or to be held at short notice, past ones included, with its reason
 * ("Short notice: 1 meeting (M4: budget cycle)"). A cancelled meeting is not counted.
 */
export function shortNoticeSection(ctx: CommandContext): string[] {
  const short = meetingsOf(ctx.db, ctx.requireExercise().id).filter((m) => m.urgentReason !== null && m.status !== 'cancelled');
  if (short.length === 0) return [ctx.say('reply-exercise-status.shortNoticeNone')];
  const which = short.map((m) => `${meetingLabel(m)}: ${m.urgentReason}`).join('; ');
  return [ctx.say('reply-exercise-status.shortNotice', { count: short.length, which })];
}

/** SPEC 2.2: organisations a notice or a vote cannot reach. */
export function focalPointGapsSection(ctx: CommandContext): string[] {
  const exercise = ctx.requireExercise();
  const without = organisationsOf(ctx.db, exercise.id, 'PWG').filter((o) => activeFocalPoints(ctx.db, o.id).length === 0);
  if (without.length === 0) return [ctx.say('reply-exercise-status.everyOrgHasFocal')];
  return [
    ctx.say('reply-exercise-status.withoutFocal', { count: without.length, list: without.map((o) => `${o.acronym}${o.inPmg ? ' (PMG)' : ''}`).join(', ') }),
    ...(offersCoordinatorSteps(ctx) ? [ctx.say('reply-exercise-admin.withoutFocalHint', { command: addFocalCommand(without, ctx) })] : []),
  ];
}
