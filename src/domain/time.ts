/**
 * Calendar dates, wall-clock times and the notice deadline (SPEC 2.1, 2.7). Pure: every "now" is
 * an argument. Impossible dates and times that a DST change skips or repeats are refused, never
 * rolled over or guessed.
 */
import {
  clockChangeBetween,
  formatOffset,
  isSummerTime,
  localPartsAt,
  offsetAt,
  pad2,
  resolveLocal,
} from './time-zones';

export type { ClockChange, Resolution } from './time-zones';
export { clockChangeBetween, formatOffset, localPartsAt, offsetAt, resolveLocal } from './time-zones';

/** Why a parse failed, as data beside the English sentence: the rule broken and its values, for a reader of another language. */
export interface ParseProblem {
  rule: string;
  values: Record<string, string | number>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; problem?: ParseProblem };

export interface LocalDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}
export interface LocalTime {
  hour: number;
  minute: number;
  /** Minutes east of UTC, only when the user wrote one ("02:30+02:00"). */
  offsetMinutes?: number;
}
export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'] as const;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MIN_YEAR = 1970;
const MAX_YEAR = 2999;

/** Why an instant lies outside the years every date of Convene uses (1970 to 2999, UTC), or null. */
export function instantOutOfRange(instant: Date): string | null {
  const year = instant.getUTCFullYear();
  return year < MIN_YEAR || year > MAX_YEAR ? `use an instant from ${MIN_YEAR} to ${MAX_YEAR}` : null;
}
// Real offsets run from -12:00 to +14:00.
const MIN_OFFSET = -12 * 60;
const MAX_OFFSET = 14 * 60;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string, problem?: ParseProblem): Parsed<T> => (problem ? { ok: false, error, problem } : { ok: false, error });

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Strictly YYYY-MM-DD, a real calendar date, years 1970 to 2999.
 * @example parseDate('2028-02-29') // { ok: true, value: { year: 2028, month: 2, day: 29 } }
 */
export function parseDate(text: string): Parsed<LocalDate> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) {
    return fail(malformed(text, 'date', 'write it as YYYY-MM-DD, for example 2026-11-24'), { rule: text.trim() === '' ? 'dateMissing' : 'dateFormat', values: { text } });
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return fail(`${text} is out of range: use a year from ${MIN_YEAR} to ${MAX_YEAR}.`, { rule: 'dateYear', values: { text, min: MIN_YEAR, max: MAX_YEAR } });
  }
  if (month < 1 || month > 12) return fail(`${text} is not a date: the month must be 01 to 12.`, { rule: 'dateMonth', values: { text } });
  if (day < 1) return fail(`${text} is not a date: days start at 01.`, { rule: 'dateDayStart', values: { text } });
  const monthLength = daysInMonth(year, month);
  if (day > monthLength) {
    const monthName = MONTH_NAMES[month - 1]!;
    return fail(`${text} is not a date: ${monthName} ${year} has ${monthLength} days.`, { rule: 'dateMonthLength', values: { text, monthName, month, year, count: monthLength } });
  }
  return ok({ year, month, day });
}

/**
 * Strictly HH:MM (00:00 to 23:59), optionally followed by a UTC offset ("+02:00", "-05:30", "Z").
 * @example parseTime('02:30+02:00') // { ok: true, value: { hour: 2, minute: 30, offsetMinutes: 120 } }
 */
export function parseTime(text: string): Parsed<LocalTime> {
  const match = /^(\d{2}):(\d{2})(?:(Z)|([+-])(\d{2}):(\d{2}))?$/.exec(text);
  if (match === null) {
    const hint = /^\d:\d{2}/.test(text) ? `0${text}` : '14:00';
    return fail(malformed(text, 'time', `write it as HH:MM (24-hour clock), for example ${hint}`), { rule: text.trim() === '' ? 'timeMissing' : 'timeFormat', values: { text, hint } });
  }
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const clock = `${match[1]}:${match[2]}`;
  if (hour > 23 || minute > 59) return fail(`${clock} is not a time: use 00:00 to 23:59 (HH:MM).`, { rule: 'timeRange', values: { clock } });
  if (match[3] === 'Z') return ok({ hour, minute, offsetMinutes: 0 });
  if (match[4] === undefined) return ok({ hour, minute });
  const offsetText = text.slice(5);
  const magnitude = Number(match[5]) * 60 + Number(match[6]);
  const offsetMinutes = match[4] === '-' ? -magnitude : magnitude;
  if (Number(match[6]) > 59 || offsetMinutes < MIN_OFFSET || offsetMinutes > MAX_OFFSET) {
    return fail(`${offsetText} is not a UTC offset: use -12:00 to +14:00, for example ${clock}+02:00.`, { rule: 'timeOffset', values: { offset: offsetText, clock } });
  }
  return ok({ hour, minute, offsetMinutes });
}

/**
 * An IANA zone name that the runtime knows ("Europe/Belgrade", "America/New_York", "UTC").
 * Abbreviations ("CET") and bare offsets ("+02:00") are refused. The name comes back as given,
 * except that its letter case is corrected ("europe/belgrade" → "Europe/Belgrade").
 */
export function parseTimeZone(text: string): Parsed<string> {
  const refusal = malformed(text, 'time zone', 'use an IANA name such as Europe/Belgrade');
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(text)) return fail(refusal);
  if (!text.includes('/') && text.toUpperCase() !== 'UTC') return fail(refusal);
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return fail(refusal);
  }
  return ok(resolved.toLowerCase() === text.toLowerCase() ? resolved : text);
}

export function formatDate(d: LocalDate): string {
  return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
}

export function formatTime(t: { hour: number; minute: number }): string {
  return `${pad2(t.hour)}:${pad2(t.minute)}`;
}

/** Calendar arithmetic: `addDays({2028,2,28}, 1)` is 2028-02-29; negative `days` go back. */
export function addDays(d: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** Negative when `a` is before `b`, zero when equal, positive when after. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * The instant a user means by a date, a time and the exercise's zone. A time that the zone skips
 * or repeats that day is refused with the two options; an explicit UTC offset (`10:00+05:00`,
 * `10:00Z`) names the instant by itself, so it also picks one occurrence of a repeated time.
 */
export function toInstant(date: LocalDate, time: LocalTime, zone: string): Parsed<Date> {
  const zoneCheck = parseTimeZone(zone);
  if (!zoneCheck.ok) return zoneCheck;
  const dateCheck = parseDate(formatDate(date));
  if (!dateCheck.ok) return dateCheck;
  const clock = formatTime(time);
  const timeCheck = parseTime(clock);
  if (!timeCheck.ok) return timeCheck;

  // An explicit UTC offset names the instant by itself ("a zone is given"): 10:00+05:00 is 05:00Z
  // whatever the exercise's zone. It also settles a wall time that a DST change makes ambiguous.
  if (time.offsetMinutes !== undefined)
    return ok(new Date(Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute) - time.offsetMinutes * 60_000));

  const when = `${formatDate(date)} ${clock}`;
  const resolution = resolveLocal({ ...date, hour: time.hour, minute: time.minute }, zone);
  if (resolution.kind === 'gap') {
    const change = clockChangeBetween(zone, resolution.earlier, resolution.later);
    const options = [resolution.earlier, resolution.later].map((instant) => {
      const local = localPartsAt(instant, zone);
      // At a midnight change one option falls on the previous day: say so.
      return compareDates(local, date) === 0 ? formatTime(local) : `${formatDate(local)} ${formatTime(local)}`;
    });
    return fail(
      `${when} does not exist in ${zone}: clocks go forward from ${change.fromClock} to ${change.toClock} ` +
        `that night. Use ${options[0]} or ${options[1]}.`,
      { rule: 'timeGap', values: { when, zone, from: change.fromClock, to: change.toClock, first: options[0]!, second: options[1]! } },
    );
  }
  if (resolution.kind === 'exact') return ok(resolution.instant);
  const { earlier, later } = resolution;
  const first = offsetAt(earlier, zone);
  const second = offsetAt(later, zone);
  const summer = isSummerTime(earlier, zone) ? ' (summer time)' : '';
  const choice =
    `Write ${clock}${formatOffset(first)} for the first${summer} or ${clock}${formatOffset(second)} for the second.`;
  const change = clockChangeBetween(zone, earlier, later);
  const values = { when, zone, from: change.fromClock, to: change.toClock, first: `${clock}${formatOffset(first)}`, second: `${clock}${formatOffset(second)}` };
  return fail(
    `${when} happens twice in ${zone}: clocks go back from ${change.fromClock} to ${change.toClock} ` +
      `that night. ${choice}`,
    { rule: summer ? 'timeTwiceSummer' : 'timeTwice', values },
  );
}

/** A deadline computed as a wall-clock time never refuses: a skipped or repeated time takes the earlier instant. */
export function instantForDeadline(dt: LocalDateTime, zone: string): Date {
  const resolution = resolveLocal(dt, zone);
  return resolution.kind === 'exact' ? resolution.instant : resolution.earlier;
}

/**
 * SPEC 2.1: the meeting's start minus `noticeDays` calendar days, at the same wall-clock time in
 * the exercise's zone, so a DST change in between does not move it. A notice handed over at the
 * deadline is on time: `handedOverAt <= noticeDeadline(...)`.
 * @example noticeDeadline(new Date('2027-04-01T08:00Z'), 'Europe/Belgrade', 7) // 2027-03-25T09:00Z (10:00 CET)
 */
export function noticeDeadline(meetingStart: Date, zone: string, noticeDays: number): Date {
  const start = localPartsAt(meetingStart, zone);
  const date = addDays(start, -noticeDays);
  return instantForDeadline({ ...date, hour: start.hour, minute: start.minute }, zone);
}

/**
 * The first date, at wall time `time` in `zone`, that exists unambiguously and whose notice
 * deadline has not passed at `now` (a deadline equal to `now` still counts).
 */
export function earliestCompliantDate(
  now: Date,
  time: { hour: number; minute: number },
  zone: string,
  noticeDays: number,
): LocalDate {
  let date = addDays(localPartsAt(now, zone), Math.max(noticeDays, 0) - 1);
  // Bounded: the answer is at most a couple of days past today + noticeDays.
  for (let tries = 0; tries < 400; tries += 1, date = addDays(date, 1)) {
    const resolution = resolveLocal({ ...date, ...time }, zone);
    if (resolution.kind !== 'exact' || resolution.instant < now) continue;
    if (noticeDeadline(resolution.instant, zone, noticeDays) >= now) return date;
  }
  throw new Error(`no compliant date found for ${formatTime(time)} in ${zone}`);
}

/**
 * The wall clock of `instant` in `zone`, with its UTC offset only when that wall time happens twice
 * that day (a fall-back): "14:00", but "02:30+02:00" / "02:30+01:00" in Europe/Belgrade on 2027-10-31.
 */
export function clockWithOffsetIfAmbiguous(local: LocalDateTime & { offsetMinutes: number }, zone: string): string {
  const clock = formatTime(local);
  return resolveLocal(local, zone).kind === 'ambiguous' ? `${clock}${formatOffset(local.offsetMinutes)}` : clock;
}

/**
 * Formatting an instant in a zone asks Intl several times (the wall clock, then whether it happens
 * twice); a command formats the same few instants for every recipient. The text depends on the
 * instant and the zone only, so it is kept (a bounded memo, emptied when full).
 */
function memoised(format: (instant: Date, zone: string) => string): (instant: Date, zone: string) => string {
  const memo = new Map<string, string>();
  return (instant, zone) => {
    const key = `${instant.getTime()} ${zone}`;
    let text = memo.get(key);
    if (text === undefined) {
      if (memo.size >= 2000) memo.clear();
      text = format(instant, zone);
      memo.set(key, text);
    }
    return text;
  };
}

/** "2026-11-24 14:00 Europe/Belgrade"; a wall time that happens twice carries its offset: "2027-10-31 02:30+02:00 Europe/Belgrade". */
export const formatInZone = memoised((instant, zone) => {
  const local = localPartsAt(instant, zone);
  return `${formatDate(local)} ${clockWithOffsetIfAmbiguous(local, zone)} ${zone}`;
});

/**
 * "Tue 24 Nov 2026, 14:00 (Europe/Belgrade)"; built by hand so that an ICU update cannot change it.
 * A wall time that happens twice carries its offset: "Sun 31 Oct 2027, 02:30+02:00 (Europe/Belgrade)".
 */
export const formatLong = memoised((instant, zone) => {
  const local = localPartsAt(instant, zone);
  const weekday = WEEKDAYS[new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay()] ?? '';
  const month = (MONTH_NAMES[local.month - 1] ?? '').slice(0, 3);
  return `${weekday} ${local.day} ${month} ${local.year}, ${clockWithOffsetIfAmbiguous(local, zone)} (${zone})`;
});

function malformed(text: string, what: string, instead: string): string {
  if (text.trim() === '') return `The ${what} is missing: ${instead}.`;
  return `"${text}" is not a ${what}: ${instead}.`;
}
