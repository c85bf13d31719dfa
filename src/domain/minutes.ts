/**
 * When minutes and action items fall due (SPEC 2.4). Pure: every "now" is an argument.
 *
 * - Minutes are due within the exercise's minutes days after the meeting, counted from the
 *   calendar date on which the meeting *ends*, in the exercise's zone: a meeting that ends on
 *   Tue 1 Dec with 7 minutes days has its minutes due on Tue 8 Dec, and they are overdue from
 *   00:00 on Wed 9 Dec. Minutes published on the due date are on time.
 * - The coordinator is reminded at 09:00 on the due date, then at 09:00 every two days while the
 *   minutes are overdue.
 * - An action item is due on a date; its owner's focal points are reminded at 09:00 two days
 *   before, and at 09:00 on the due date. It is overdue from 00:00 the day after.
 */
import { addDays, compareDates, formatDate, instantForDeadline, localPartsAt, parseDate, type LocalDate } from './time';

/** Reminders go out at this hour of the exercise's wall clock. */
export const REMINDER_HOUR = 9;
/** While minutes are overdue, the coordinator is reminded this often. */
export const OVERDUE_REMINDER_EVERY_DAYS = 2;
/** An action item's owner is reminded this many days before its due date (0: on the day). */
export const ACTION_REMINDER_DAYS = [2, 0] as const;

/** The date (in `zone`) by which the minutes of a meeting ending at `meetingEnd` are due. */
export function minutesDueDate(meetingEnd: Date, zone: string, minutesDays: number): LocalDate {
  return addDays(localPartsAt(meetingEnd, zone), minutesDays);
}

/** The first instant after the due date: 00:00 of the next day in `zone`. */
export function overdueFrom(dueDate: LocalDate, zone: string): Date {
  return instantForDeadline({ ...addDays(dueDate, 1), hour: 0, minute: 0 }, zone);
}

/** Whether something due on `dueDate` is overdue at `now`. */
export function isOverdue(dueDate: LocalDate, zone: string, now: Date): boolean {
  return now.getTime() >= overdueFrom(dueDate, zone).getTime();
}

/** 09:00 on `date` in `zone` (a DST change at that hour takes the earlier instant). */
export function reminderAt(date: LocalDate, zone: string): Date {
  return instantForDeadline({ ...date, hour: REMINDER_HOUR, minute: 0 }, zone);
}

/**
 * The next overdue reminder strictly after `now`: 09:00 on the due date plus 2, 4, 6... days.
 * After downtime this skips the reminders that were missed, so one late reminder is sent, not a burst.
 */
export function nextOverdueReminder(dueDate: LocalDate, zone: string, now: Date): Date {
  const today = localPartsAt(now, zone);
  const elapsed = Math.max(0, daysBetween(dueDate, today));
  let k = Math.floor(elapsed / OVERDUE_REMINDER_EVERY_DAYS) * OVERDUE_REMINDER_EVERY_DAYS;
  for (;;) {
    k += OVERDUE_REMINDER_EVERY_DAYS;
    const at = reminderAt(addDays(dueDate, k), zone);
    if (at.getTime() > now.getTime()) return at;
  }
}

/** The reminders of an action item due on `dueDate`, with how many days before it each one falls. */
export function actionReminders(dueDate: LocalDate, zone: string): { daysBefore: number; at: Date }[] {
  return ACTION_REMINDER_DAYS.map((daysBefore) => ({ daysBefore, at: reminderAt(addDays(dueDate, -daysBefore), zone) }));
}

/** Whole calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** Calendar days since the due date at `now` (0 on the due date itself, negative before it). */
export function daysPastDue(dueDate: LocalDate, zone: string, now: Date): number {
  return daysBetween(dueDate, localPartsAt(now, zone));
}

/** Today's date in `zone`. */
export function todayIn(zone: string, now: Date): LocalDate {
  const { year, month, day } = localPartsAt(now, zone);
  return { year, month, day };
}

/** Whether `date` is before today in `zone`. */
export function isBeforeToday(date: LocalDate, zone: string, now: Date): boolean {
  return compareDates(date, todayIn(zone, now)) < 0;
}

/** Reads a stored YYYY-MM-DD back (the store only holds dates it wrote). */
export function storedDate(text: string): LocalDate {
  const parsed = parseDate(text);
  if (!parsed.ok) throw new Error(`A stored date is not a date: ${text}`);
  return parsed.value;
}

export { formatDate };
