import type { CommandContext } from '../../core/context';
import { daysPastDue, formatDate, isOverdue, storedDate } from '../../domain/minutes';
import { formatInZone } from '../../domain/time';
import { actionsOf } from '../../store/action-items';
import { MILESTONES, meetingById, meetingsOf, type Meeting } from '../../store/meetings';
import { entriesOf, versionsOf } from '../../store/minutes';
import { canRead, meetingLabel } from '../meetings/lookups';
import { actionLabel, dueDateOf } from './lookups';
import { offersCoordinatorSteps } from '../shared/hints';

/** Where a meeting's minutes stand, in a few words. */
export function minutesState(ctx: CommandContext, m: Meeting): string {
  const exercise = ctx.requireExercise();
  const zone = exercise.timeZone;
  const say = ctx.sayFrom('reply-exercise-status.minutes');
  if (m.status === 'cancelled') return say('cancelled');
  if (m.startsAt.getTime() > ctx.now.getTime()) return say('notHeld');
  const versions = versionsOf(ctx.db, m.id);
  if (versions.length) {
    const first = versions[0]!;
    const date = formatInZone(new Date(first.publishedAt), zone).slice(0, 10);
    const published = say(first.late ? 'publishedLate' : 'publishedOnTime', { date, due: first.dueDate });
    return versions.length > 1 ? say('corrected', { published, version: versions.at(-1)!.version }) : published;
  }
  const due = dueDateOf(exercise, m);
  if (isOverdue(due, zone, ctx.now)) return say('overdue', { count: daysPastDue(due, zone, ctx.now), due: formatDate(due) });
  return say('due', { due: formatDate(due) });
}

/** Whether a meeting owes minutes: recorded as held, or minutes were started for it. */
function owesMinutes(ctx: CommandContext, m: Meeting): boolean {
  if (m.status === 'cancelled' || m.startsAt.getTime() > ctx.now.getTime()) return false;
  return m.status === 'held' || entriesOf(ctx.db, m.id).length > 0;
}

/** SPEC 2.4 and 2.5 in `/exercise status`: the key meetings' minutes, overdue minutes. */
export function minutesSection(ctx: CommandContext): string[] {
  const exercise = ctx.requireExercise();
  const meetings = meetingsOf(ctx.db, exercise.id).filter((m) => canRead(ctx, m));
  const say = ctx.sayFrom('reply-exercise-status');
  const lines = [say('minutesHead')];
  for (const milestone of MILESTONES) {
    const live = meetings.filter((m) => m.milestone === milestone && m.status !== 'cancelled');
    const list = live.length ? live.map((m) => say('minuted', { id: meetingLabel(m), state: minutesState(ctx, m) })).join('; ') : say('noMeeting');
    lines.push(say('minutesMilestone', { milestone, list }));
  }
  const overdue = meetings.filter(
    (m) => owesMinutes(ctx, m) && versionsOf(ctx.db, m.id).length === 0 && isOverdue(dueDateOf(exercise, m), exercise.timeZone, ctx.now),
  );
  if (overdue.length === 0) lines.push(say('overdueMinutesNone'));
  else {
    lines.push(say('overdueMinutes', { count: overdue.length }));
    const hint = (m: Meeting) => (offersCoordinatorSteps(ctx) ? ` /minutes publish ${meetingLabel(m)}` : '');
    for (const m of overdue) {
      const due = dueDateOf(exercise, m);
      const values = { id: meetingLabel(m), group: m.group, title: m.title, count: daysPastDue(due, exercise.timeZone, ctx.now), due: formatDate(due), hint: hint(m) };
      lines.push(say('overdueMinutesLine', values));
    }
  }
  return lines;
}

/** Open action items, with the overdue ones listed. */
export function actionItemsSection(ctx: CommandContext): string[] {
  const exercise = ctx.requireExercise();
  const zone = exercise.timeZone;
  const open = actionsOf(ctx.db, exercise.id, 'open').filter((a) => {
    const m = meetingById(ctx.db, a.meetingId);
    return m !== undefined && canRead(ctx, m);
  });
  const overdue = open.filter((a) => isOverdue(storedDate(a.dueDate), zone, ctx.now));
  const say = ctx.sayFrom('reply-exercise-status');
  if (open.length === 0) return [say('actionsNone')];
  const lines = [say(overdue.length ? 'actionsOverdue' : 'actionsNoneOverdue', { open: open.length, overdue: overdue.length })];
  for (const a of overdue) {
    const count = daysPastDue(storedDate(a.dueDate), zone, ctx.now);
    lines.push(say('actionOverdue', { id: actionLabel(a), org: a.organisation.acronym, due: a.dueDate, count, text: a.text.split('\n')[0] }));
  }
  return lines;
}
