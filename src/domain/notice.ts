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

const HOUR_MS = 60 * MINUTE_MS;

/**
 * How long from `now` until `until`, as a person counts it: whole calendar days at the same wall
 * clock in `zone` (so "3 days" stays 3 days across a DST change), then the hours and minutes left.
 * Zero when `until` is not after `now`.
 * @example timeLeft(new Date('2026-11-24T12:00Z'), new Date('2026-11-25T09:00Z'), 'Europe/Belgrade') // { days: 0, hours: 21, minutes: 0 }
 */
export function timeLeft(now: Date, until: Date, zone: string): { days: number; hours: number; minutes: number } {
  if (until.getTime() <= now.getTime()) return { days: 0, hours: 0, minutes: 0 };
  // Start a day below the estimate (a DST change moves a day by an hour), then count up.
  let days = Math.max(0, Math.floor((until.getTime() - now.getTime()) / (24 * HOUR_MS)) - 1);
  while (daysBefore(until, zone, days + 1).getTime() >= now.getTime()) days++;
  const rest = daysBefore(until, zone, days).getTime() - now.getTime();
  return { days, hours: Math.floor(rest / HOUR_MS), minutes: Math.floor((rest % HOUR_MS) / MINUTE_MS) };
}

/**
 * {@link timeLeft} in words, to the day and hour, or to the hour and minute under a day:
 * "3 days", "1 day and 21 hours", "21 hours", "2 hours and 5 minutes", "40 minutes", "less than a minute".
 */
export function describeTimeLeft(now: Date, until: Date, zone: string): string {
  const { days, hours, minutes } = timeLeft(now, until, zone);
  const n = (k: number, unit: string) => `${k} ${unit}${k === 1 ? '' : 's'}`;
  if (days > 0) return hours > 0 ? `${n(days, 'day')} and ${n(hours, 'hour')}` : n(days, 'day');
  if (hours > 0) return minutes > 0 ? `${n(hours, 'hour')} and ${n(minutes, 'minute')}` : n(hours, 'hour');
  return minutes > 0 ? n(minutes, 'minute') : 'less than a minute';
}
