/**
 * When an endorsement request closes (SPEC 2.3). Pure: "now" is an argument.
 *
 * A deadline is a date in the exercise's zone at the wall-clock minute the request was opened
 * (opened Tue 10:30 → `deadline:2026-12-01` closes on 1 December at 10:30), so the default
 * seven days and an explicit date agree, and a DST change in between does not move it. Voting
 * closes at the deadline: a vote cast in the deadline minute or later is refused.
 */
import { addDays, compareDates, instantForDeadline, localPartsAt, type LocalDate } from './time';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export const DEFAULT_DEADLINE_DAYS = 7;
/** Never less than this without `urgent:"<reason>"`. */
export const MIN_NOTICE_HOURS = 72;
/** A deadline further away than this is refused as a likely typo in the year or month. */
export const MAX_DEADLINE_DAYS = 366;
/** Organisations that have not voted are reminded this many hours before the deadline. */
export const REMINDER_HOURS = [48, 24] as const;

/** The minute a request is opened in (seconds dropped): every deadline counts from it. */
export function openingMinute(now: Date): Date {
  return new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
}

/** `date` at the wall-clock minute of `opened`, in `zone`. */
export function deadlineOn(opened: Date, zone: string, date: LocalDate): Date {
  const at = localPartsAt(openingMinute(opened), zone);
  return instantForDeadline({ ...date, hour: at.hour, minute: at.minute }, zone);
}

/** Seven calendar days after opening, at the same wall-clock time. */
export function defaultDeadline(opened: Date, zone: string): Date {
  return deadlineOn(opened, zone, addDays(localPartsAt(opened, zone), DEFAULT_DEADLINE_DAYS));
}

/** Whole hours (rounded down) between opening and the deadline. */
export function hoursUntil(opened: Date, deadline: Date): number {
  return Math.floor((deadline.getTime() - openingMinute(opened).getTime()) / HOUR_MS);
}

/** Whether the deadline gives members the 72 hours a non-urgent request owes them. */
export function givesFullNotice(opened: Date, deadline: Date): boolean {
  return deadline.getTime() - openingMinute(opened).getTime() >= MIN_NOTICE_HOURS * HOUR_MS;
}

/** The first date whose deadline gives 72 hours. */
export function earliestFullNoticeDate(opened: Date, zone: string): LocalDate {
  let date = addDays(localPartsAt(opened, zone), Math.floor(MIN_NOTICE_HOURS / 24));
  while (!givesFullNotice(opened, deadlineOn(opened, zone, date))) date = addDays(date, 1);
  return date;
}

/** Whether `date` is further than {@link MAX_DEADLINE_DAYS} after the opening date. */
export function tooFarAhead(opened: Date, zone: string, date: LocalDate): boolean {
  return compareDates(date, addDays(localPartsAt(opened, zone), MAX_DEADLINE_DAYS)) > 0;
}

/** Whether voting has closed at `now`: from the deadline minute on. */
export function votingClosed(deadline: Date, now: Date): boolean {
  return now.getTime() >= deadline.getTime();
}

/** The reminders that fall after the opening minute: 48 h and 24 h before the deadline. */
export function reminderTimes(opened: Date, deadline: Date): { hours: number; dueAt: Date }[] {
  return REMINDER_HOURS.map((hours) => ({ hours, dueAt: new Date(deadline.getTime() - hours * HOUR_MS) })).filter(
    (r) => r.dueAt.getTime() > openingMinute(opened).getTime(),
  );
}
