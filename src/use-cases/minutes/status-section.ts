import type { CommandContext } from '../../core/context';
import { daysPastDue, formatDate, isOverdue, storedDate } from '../../domain/minutes';
import { formatInZone, type LocalDate } from '../../domain/time';
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
  if (m.status === 'cancelled') return 'none (cancelled)';
  if (m.startsAt.getTime() > ctx.now.getTime()) return 'not held yet';
  const versions = versionsOf(ctx.db, m.id);
  if (versions.length) {
    const first = versions[0]!;
    const corrected = versions.length > 1 ? `, corrected (now v${versions.at(-1)!.version})` : '';
    return `yes, published ${formatInZone(new Date(first.publishedAt), zone).slice(0, 10)}${first.late ? ` late (due ${first.dueDate})` : ' on time'}${corrected}`;
  }
  const due = dueDateOf(exercise, m);
  if (isOverdue(due, zone, ctx.now)) return `no, ${overdueBy(due, zone, ctx.now)} (due ${formatDate(due)})`;
  return `not yet, due by ${formatDate(due)}`;
}

/** "1 day overdue", "13 days overdue". */
function overdueBy(due: LocalDate, zone: string, now: Date): string {
  const days = daysPastDue(due, zone, now);
  return `${days} day${days === 1 ? '' : 's'} overdue`;
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
  const lines = ['Minutes of the key meetings:'];
  for (const milestone of MILESTONES) {
    const live = meetings.filter((m) => m.milestone === milestone && m.status !== 'cancelled');
    lines.push(`- ${milestone}: ${live.length ? live.map((m) => `${meetingLabel(m)} minuted: ${minutesState(ctx, m)}`).join('; ') : 'no meeting'}`);
  }
  const overdue = meetings.filter(
    (m) => owesMinutes(ctx, m) && versionsOf(ctx.db, m.id).length === 0 && isOverdue(dueDateOf(exercise, m), exercise.timeZone, ctx.now),
  );
  if (overdue.length === 0) lines.push('Overdue minutes: none.');
  else {
    lines.push(`Overdue minutes (${overdue.length}):`);
    const hint = (m: Meeting) => (offersCoordinatorSteps(ctx) ? ` /minutes publish ${meetingLabel(m)}` : '');
    for (const m of overdue) {
      const due = dueDateOf(exercise, m);
      lines.push(`- ${meetingLabel(m)} ${m.group} "${m.title}": not published, ${overdueBy(due, exercise.timeZone, ctx.now)} (due ${formatDate(due)}).${hint(m)}`);
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
  if (open.length === 0) return ['Action items: none open.'];
  const lines = [`Action items: ${open.length} open, ${overdue.length} overdue${overdue.length ? ':' : '.'}`];
  for (const a of overdue) {
    const days = daysPastDue(storedDate(a.dueDate), zone, ctx.now);
    lines.push(`- ${actionLabel(a)} ${a.organisation.acronym}, due ${a.dueDate}, ${days} day${days === 1 ? '' : 's'} overdue: ${a.text.split('\n')[0]}`);
  }
  return lines;
}
