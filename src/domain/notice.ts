/**
 * The seven-day notice (SPEC 2.1) as pure rules on instants: when a notice is on time, when the
 * deadline has passed, when the reminders fall due. The deadline itself is `noticeDeadline` in
 * `./time`. Deadlines are stated to the minute ("by 2026-11-24 14:00"), so the deadline minute
 * itself is still on time and the next minute is late.
 */
import { earliestCompliantDate, localPartsAt, noticeDeadline, type LocalDate } from './time';

const MINUTE_MS = 60_000;

/** The first instant that is late: one minute after the deadline minute began. */
export function lateFrom(deadline: Date): Date {
  return new Date(deadline.getTime() + MINUTE_MS);
}

/**
 * Whether a notice handed over at `handedOverAt` reached the member in time.
 * @example isOnTime(new Date('2027-03-25T09:00:59Z'), new Date('2027-03-25T09:00Z')) // true
 */
export function isOnTime(handedOverAt: Date, deadline: Date): boolean {
  return handedOverAt.getTime() < lateFrom(deadline).getTime();
}

/** Whether, at `now`, a notice can no longer be on time. */
export function deadlinePassed(deadline: Date, now: Date): boolean {
  return !isOnTime(now, deadline);
}

/** `now` with seconds dropped: the minute a coordinator acts in. */
export function floorToMinute(now: Date): Date {
  return new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
}

/**
 * The first date a meeting at wall time `time` can be held with full notice if the agenda goes out
 * in the current minute. The deadline minute counts as on time, as in {@link isOnTime}.
 */
export function earliestCompliantDateNow(now: Date, time: { hour: number; minute: number }, zone: string, noticeDays: number): LocalDate {
  return earliestCompliantDate(floorToMinute(now), time, zone, noticeDays);
}

/** The wall time of a meeting's start, for proposing the same time on another date. */
export function wallTimeOf(instant: Date, zone: string): { hour: number; minute: number } {
  const local = localPartsAt(instant, zone);
  return { hour: local.hour, minute: local.minute };
}

/** The coordinator is reminded this many days before the notice deadline while the agenda is unsent. */
export const NOTICE_REMINDER_DAYS = [3, 1] as const;

/** Members are reminded this many days before the meeting. */
export const MEMBER_REMINDER_DAYS = 1;

/**
 * `days` calendar days before `instant`, at the same wall-clock time in `zone` (as the deadline
 * itself is counted), so a DST change in between does not move a reminder by an hour.
 * @example daysBefore(new Date('2027-03-25T09:00Z'), 'Europe/Belgrade', 3) // 2027-03-22T09:00Z
 */
export function daysBefore(instant: Date, zone: string, days: number): Date {
  return noticeDeadline(instant, zone, days);
}
