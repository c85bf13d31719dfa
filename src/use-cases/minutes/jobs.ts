import type { CommandContext } from '../../core/context';
import { laterOneDueToo, skipped, type JobHandler, type JobHandlers, type Sweep } from '../../scheduler/jobs';
import { daysPastDue, formatDate, nextOverdueReminder, storedDate } from '../../domain/minutes';
import { actionById, actionIdOfRef } from '../../store/action-items';
import { scheduleJob, type Job } from '../../store/jobs';
import { agendaOf, meetingById, meetingsOf, type Meeting } from '../../store/meetings';
import { activeFocalPoints, coordinators } from '../../store/members';
import { entriesOf, publishedMeetingIds, versionsOf } from '../../store/minutes';
import { meetingLabel } from '../meetings/lookups';
import { meetingView } from '../meetings/view';
import { actionLabel, dueDateOf, minutesIdOfRef, minutesRef } from './lookups';
import { MINUTES_JOBS, planMinutesReminder } from './plan';
import { describeChanges } from './publish';
import { messageLanguage, translate } from '../../i18n/catalogue';
import { formatDateIn } from '../../i18n/dates';

const skip = skipped;

function meetingOf(ctx: CommandContext, job: Job): Meeting | undefined {
  const id = minutesIdOfRef(job.ref);
  const m = id === null ? undefined : meetingById(ctx.db, id);
  return m && m.exerciseId === ctx.requireExercise().id ? m : undefined;
}

/**
 * The coordinators are reminded on the day the minutes fall due and every two days while they are
 * overdue; each reminder plans the next, so the reminders stop the moment the minutes are published
 * (publishing cancels the pending one) or the exercise is dissolved.
 */
export const remindMinutes: JobHandler = (ctx, job) => {
  const m = meetingOf(ctx, job);
  if (!m) return skip('the meeting no longer exists');
  if (versionsOf(ctx.db, m.id).length > 0) return skip(`${meetingLabel(m)}'s minutes are published`);
  const exercise = ctx.requireExercise();
  const zone = exercise.timeZone;
  const due = dueDateOf(exercise, m);
  const overdue = daysPastDue(due, zone, ctx.now);
  const entries = entriesOf(ctx.db, m.id);
  const changes = { notes: entries.filter((e) => e.kind === 'note').length, decisions: entries.filter((e) => e.kind === 'decision').length, actions: 0, attendance: null };
  const agenda = agendaOf(ctx.db, m.id).map((i) => i.text);
  const people = coordinators(ctx.db, exercise.id);
  for (const c of people) {
    const language = messageLanguage('minutes-reminder', c, exercise);
    // "1 note and 2 decisions", in the reader's words and plural forms.
    const captured = entries.length ? describeChanges(changes, language).reduce((a, b) => translate(language, 'timeLeft.and', { a, b })) : false;
    ctx.deliver({
      kind: 'minutes-reminder',
      ref: minutesRef(m.id),
      to: c,
      view: {
        ...meetingView(exercise, m, agenda, c, language),
        dueDate: formatDateIn(due, language),
        dueToday: overdue <= 0,
        daysOverdue: overdue > 0 ? overdue : false,
        minutesDays: exercise.minutesDays,
        captured,
        capturedCount: entries.length,
      },
    });
  }
  const next = nextOverdueReminder(due, zone, ctx.now);
  scheduleJob(ctx.db, { exerciseId: exercise.id, kind: MINUTES_JOBS.minutesReminder, ref: job.ref, dueAt: next.toISOString() });
  const when = overdue <= 0 ? 'due today' : `${overdue} day${overdue === 1 ? '' : 's'} overdue`;
  return { note: `reminded ${people.length} coordinator${people.length === 1 ? '' : 's'}: minutes of ${meetingLabel(m)} ${when} (due ${formatDate(due)})` };
};

/**
 * Two days before an action item's due date and on it, its owner organisation's focal points are
 * reminded; nothing once it is done. A reminder caught up after downtime gives way to the
 * on-the-day one when that is due too.
 */
export const remindActionOwner: JobHandler = (ctx, job) => {
  const id = actionIdOfRef(job.ref);
  const exercise = ctx.requireExercise();
  const a = id === null ? undefined : actionById(ctx.db, exercise.id, id);
  if (!a) return skip('the action item no longer exists');
  const label = actionLabel(a);
  if (a.status === 'done') return skip(`${label} is done`);
  if (laterOneDueToo(ctx, job)) return skip(`a later reminder for ${label} is due too; that one is sent instead`);
  const m = meetingById(ctx.db, a.meetingId)!;
  const daysLeft = -daysPastDue(storedDate(a.dueDate), exercise.timeZone, ctx.now);
  const focalPoints = activeFocalPoints(ctx.db, a.organisation.id);
  if (focalPoints.length === 0) return { note: `${label}: ${a.organisation.acronym} has no focal point; nobody could be reminded` };
  for (const fp of focalPoints) {
    ctx.deliver({
      kind: 'action-reminder',
      ref: job.ref,
      to: fp,
      organisationId: a.organisation.id,
      links: { done: a.id },
      view: {
        id: label,
        organisation: a.organisation.acronym,
        dueDate: formatDateIn(storedDate(a.dueDate), messageLanguage('action-reminder', fp, exercise)),
        text: a.text,
        dueToday: daysLeft <= 0,
        daysLeft: daysLeft > 0 ? daysLeft : false,
        meeting: meetingLabel(m),
        meetingTitle: m.title,
        group: m.group,
      },
    });
  }
  const when = daysLeft <= 0 ? 'due today' : `due in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
  return { note: `reminded ${focalPoints.length} focal point${focalPoints.length === 1 ? '' : 's'} of ${a.organisation.acronym}: ${label} ${when}` };
};

/**
 * A meeting recorded as held owes minutes; the `meeting-held` job plans their first reminder. This
 * sweep plans any that a database from before that rule lacks (migration 8 calls for one run per
 * exercise). Only planning (a row in `jobs`, which is its record), so nothing is reported.
 */
export const planDueMinutes: Sweep = (ctx) => {
  const exercise = ctx.requireExercise();
  const published = publishedMeetingIds(ctx.db, exercise.id);
  for (const m of meetingsOf(ctx.db, exercise.id)) {
    if (m.status === 'held' && !published.has(m.id)) planMinutesReminder(ctx, m);
  }
  return [];
};

export function registerMinutesJobs(handlers: JobHandlers): JobHandlers {
  return handlers
    .register(MINUTES_JOBS.minutesReminder, remindMinutes)
    .register(MINUTES_JOBS.actionReminder, remindActionOwner)
    .sweep('minutes-due', planDueMinutes);
}
