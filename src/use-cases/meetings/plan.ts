import type { CommandContext } from '../../core/context';
import { MEMBER_REMINDER_DAYS, NOTICE_REMINDER_DAYS, daysBefore, lateFrom } from '../../domain/notice';
import { cancelJobs, scheduleJob } from '../../store/jobs';
import { hasNoticedUpcoming, meetingEnd, meetingRef, type Meeting } from '../../store/meetings';
import { requestSweep } from '../../scheduler/jobs';

/** The jobs a meeting plans for itself (`ref` = `meeting:<id>`); other capabilities keep their own kinds on that ref. */
export const MEETING_JOBS = {
  noticeReminder: 'meeting-notice-reminder',
  noticeMissed: 'meeting-notice-missed',
  memberReminder: 'meeting-member-reminder',
  held: 'meeting-held',
} as const;

/** The sweep that sends a meeting's current notice to members added after it went out. */
export const CATCH_UP_SWEEP = 'meeting-catch-up';

/**
 * Called when a person joins the exercise or changes role: if a notice is out for a meeting still
 * to come, the catch-up sweep runs at the next tick and sends it to whoever it has not reached.
 */
export function catchUpNewMember(ctx: CommandContext): void {
  const exercise = ctx.requireExercise();
  if (hasNoticedUpcoming(ctx.db, exercise.id, ctx.now)) requestSweep(ctx, CATCH_UP_SWEEP);
}

/**
 * (Re)plans a meeting's reminders and deadlines from its current state, as rows in `jobs`:
 * - while the notice is unsent: reminders to the coordinators 3 and 1 days before the notice
 *   deadline, and `notice-missed` from the first late minute (not for a meeting already held at
 *   short notice);
 * - the day before the meeting: a reminder to members;
 * - at its end: the meeting is recorded as held, if its notice went out.
 * Times already past when planning are not planned (a reminder for a moment gone says nothing).
 */
export function planMeetingJobs(ctx: CommandContext, m: Meeting, sent: boolean): void {
  const ref = meetingRef(m.id);
  cancelJobs(ctx.db, ref, Object.values(MEETING_JOBS));
  if (m.status === 'cancelled' || m.status === 'held') return;
  const zone = ctx.requireExercise().timeZone;
  const plan = (kind: string, dueAt: Date, payload?: Record<string, unknown>) => {
    if (dueAt.getTime() <= ctx.now.getTime()) return;
    scheduleJob(ctx.db, { exerciseId: m.exerciseId, kind, ref, dueAt: dueAt.toISOString(), ...(payload ? { payload } : {}) });
  };
  if (!sent && !m.urgentReason) {
    for (const days of NOTICE_REMINDER_DAYS) plan(MEETING_JOBS.noticeReminder, daysBefore(m.noticeDeadline, zone, days), { days });
    plan(MEETING_JOBS.noticeMissed, lateFrom(m.noticeDeadline));
  }
  plan(MEETING_JOBS.memberReminder, daysBefore(m.startsAt, zone, MEMBER_REMINDER_DAYS));
  plan(MEETING_JOBS.held, meetingEnd(m));
}
