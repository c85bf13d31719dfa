import type { CommandContext } from '../../core/context';
import { actionReminders, reminderAt, storedDate } from '../../domain/minutes';
import { actionRef, type ActionItem } from '../../store/action-items';
import { jobPlanned, scheduleJob } from '../../store/jobs';
import type { Meeting } from '../../store/meetings';
import { dueDateOf, minutesRef } from './lookups';

/** The jobs of the minutes capability: on `minutes:<meeting>` and `action:<id>`. */
export const MINUTES_JOBS = {
  minutesReminder: 'minutes-reminder',
  actionReminder: 'action-reminder',
} as const;

/**
 * An action item's reminders to its owner's focal points: 09:00 two days before its due date and
 * 09:00 on it. The one two days before is dropped when that time has passed; the one on the day,
 * when 09:00 has passed on the due date itself (captured the same day), goes out at once. Returns
 * the reminders planned (days before the due date, and whether at once), so the reply names only those.
 */
export function planActionReminders(ctx: CommandContext, a: ActionItem): { daysBefore: number; atOnce: boolean }[] {
  const zone = ctx.requireExercise().timeZone;
  const planned: { daysBefore: number; atOnce: boolean }[] = [];
  for (const r of actionReminders(storedDate(a.dueDate), zone)) {
    let at = r.at;
    const atOnce = at.getTime() <= ctx.now.getTime();
    if (atOnce) {
      // Captured after 09:00 on the due date (never later: the due date is today or later): remind now.
      if (r.daysBefore !== 0) continue;
      at = ctx.now;
    }
    scheduleJob(ctx.db, {
      exerciseId: a.exerciseId, kind: MINUTES_JOBS.actionReminder, ref: actionRef(a.id), dueAt: at.toISOString(), payload: { daysBefore: r.daysBefore },
    });
    planned.push({ daysBefore: r.daysBefore, atOnce });
  }
  return planned;
}

/**
 * The first reminder to the coordinators about a meeting's minutes: 09:00 on the day they are due.
 * Planned once per meeting (a row of any status means it was planned); each reminder plans the next
 * while the minutes stay unpublished. Planned even when that moment has passed (the meeting was
 * recorded as held late, after downtime): the reminder then goes out at once, marked late.
 */
export function planMinutesReminder(ctx: CommandContext, m: Meeting): boolean {
  const ref = minutesRef(m.id);
  if (jobPlanned(ctx.db, ref, MINUTES_JOBS.minutesReminder)) return false;
  const exercise = ctx.requireExercise();
  const at = reminderAt(dueDateOf(exercise, m), exercise.timeZone);
  scheduleJob(ctx.db, { exerciseId: exercise.id, kind: MINUTES_JOBS.minutesReminder, ref, dueAt: at.toISOString() });
  return true;
}
