import type { CommandContext } from '../../core/context';
import { deadlinePassed } from '../../domain/notice';
import { formatLong } from '../../domain/time';
import { MILESTONES, meetingsOf, type Meeting } from '../../store/meetings';
import { activeFocalPoints, organisationsOf } from '../../store/members';
import { noticeState } from './list';
import { MILESTONE_PURPOSE, meetingLabel } from './lookups';
import { reachOf, reachSummary } from './reach';
import { addFocalCommand, offersCoordinatorSteps } from '../shared/hints';

/** "noticed on time", or why not, for one meeting. */
function noticedOnTime(ctx: CommandContext, m: Meeting): string {
  const zone = ctx.requireExercise().timeZone;
  if (m.status === 'scheduled' && !m.urgentReason && !deadlinePassed(m.noticeDeadline, ctx.now))
    return `not yet, send by ${formatLong(m.noticeDeadline, zone)}`;
  if (m.status === 'scheduled' || m.status === 'notice-missed') return `no: ${noticeState(ctx, m)}`;
  const reach = reachOf(ctx, m);
  if (!reach.current) return 'no: nothing was sent';
  const all = reach.organisations.every((o) => o.onTime);
  const shortNotice = m.urgentReason ? `; short notice: ${m.urgentReason}` : '';
  return `${all ? 'yes' : 'no'} (${reachSummary(reach)}${shortNotice})`;
}

function held(m: Meeting, now: Date): string {
  if (m.status === 'held') return 'yes';
  if (m.status === 'cancelled') return 'no, cancelled';
  return m.startsAt.getTime() > now.getTime() ? 'not yet' : 'not recorded as held';
}

/** SPEC 2.5: the four key meetings of the TOR: scheduled, noticed on time, held. */
export function keyMeetingsSection(ctx: CommandContext): string[] {
  const exercise = ctx.requireExercise();
  const meetings = meetingsOf(ctx.db, exercise.id);
  const lines = ['Key meetings of the TOR:'];
  for (const milestone of MILESTONES) {
    const all = meetings.filter((m) => m.milestone === milestone);
    const live = all.filter((m) => m.status !== 'cancelled');
    const label = `- ${milestone} (${MILESTONE_PURPOSE[milestone]})`;
    if (live.length === 0) {
      const cancelled = all.length ? ` (${all.map(meetingLabel).join(', ')} cancelled)` : '';
      const hint = offersCoordinatorSteps(ctx) ? ` /meeting schedule PWG <date> <time> <title> milestone:${milestone}` : '';
      lines.push(`${label}: not scheduled${cancelled}.${hint}`);
      continue;
    }
    lines.push(`${label}:`);
    for (const m of live) {
      lines.push(`    ${meetingLabel(m)} "${m.title}", ${formatLong(m.startsAt, exercise.timeZone)}: scheduled; noticed on time: ${noticedOnTime(ctx, m)}; held: ${held(m, ctx.now)}`);
    }
  }
  return lines;
}

/** Meetings still to come, with their notice deadlines and where their notices stand. */
export function upcomingMeetingsSection(ctx: CommandContext): string[] {
  const exercise = ctx.requireExercise();
  const upcoming = meetingsOf(ctx.db, exercise.id).filter((m) => m.status !== 'cancelled' && m.startsAt.getTime() > ctx.now.getTime());
  if (upcoming.length === 0) return ['Upcoming meetings: none.'];
  const lines = [`Upcoming meetings (${upcoming.length}):`];
  for (const m of upcoming) {
    lines.push(`- ${meetingLabel(m)} ${m.group} "${m.title}", ${formatLong(m.startsAt, exercise.timeZone)}`);
    lines.push(`    notice deadline ${formatLong(m.noticeDeadline, exercise.timeZone)}: ${noticeState(ctx, m, { withDeadline: false })}`);
  }
  return lines;
}

/**
 * SPEC 2.1: every meeting held or to be held at short notice, past ones included, with its reason
 * ("Short notice: 1 meeting (M4: budget cycle)"). A cancelled meeting is not counted.
 */
export function shortNoticeSection(ctx: CommandContext): string[] {
  const short = meetingsOf(ctx.db, ctx.requireExercise().id).filter((m) => m.urgentReason !== null && m.status !== 'cancelled');
  if (short.length === 0) return ['Short notice: none.'];
  const which = short.map((m) => `${meetingLabel(m)}: ${m.urgentReason}`).join('; ');
  return [`Short notice: ${short.length} meeting${short.length === 1 ? '' : 's'} (${which}).`];
}

/** SPEC 2.2: organisations a notice or a vote cannot reach. */
export function focalPointGapsSection(ctx: CommandContext): string[] {
  const exercise = ctx.requireExercise();
  const without = organisationsOf(ctx.db, exercise.id, 'PWG').filter((o) => activeFocalPoints(ctx.db, o.id).length === 0);
  if (without.length === 0) return ['Every member organisation has a focal point.'];
  return [
    `Organisations without a focal point (${without.length}): ${without.map((o) => `${o.acronym}${o.inPmg ? ' (PMG)' : ''}`).join(', ')}.`,
    ...(offersCoordinatorSteps(ctx) ? [`    Add one with ${addFocalCommand(without)}; /members check lists every gap.`] : []),
  ];
}
