/**
 * Wall clocks in IANA time zones, read from the zone data that `Intl` carries (no clock reads).
 * The calendar types live in `./time`; this file only knows instants, wall clocks and offsets.
 */
import type { LocalDateTime } from './time';

export const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export type Resolution =
  | { kind: 'exact'; instant: Date }
  /** A wall time skipped by a spring-forward. `earlier` < `later` as instants: `earlier` reads the
   * wall time with the offset after the change (01:30 on the old clock for a skipped 02:30),
   * `later` with the offset before it (03:30 on the new clock). */
  | { kind: 'gap'; earlier: Date; later: Date }
  /** A wall time that occurs twice on a fall-back: `earlier` is the first occurrence. */
  | { kind: 'ambiguous'; earlier: Date; later: Date };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

type WallClock = LocalDateTime & { offsetMinutes: number };

/**
 * Wall clocks read lately, by zone and instant: a tick's reminders ask for the same instants (now,
 * the day's deadlines) in the same zone again and again, and Intl's `formatToParts` cost more
 * than all the rest of a reminder's date arithmetic. Forgotten all at once when full.
 */
const recent = new Map<string, WallClock>();
const RECENT_MAX = 2000;

/** The wall clock in `zone` at `instant`, and the zone's offset from UTC then (minutes east). */
export function localPartsAt(instant: Date, zone: string): WallClock {
  const key = `${instant.getTime()} ${zone}`;
  const known = recent.get(key);
  if (known !== undefined) return { ...known };
  const parts = readWallClock(instant, zone);
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(key, parts);
  return { ...parts };
}

function readWallClock(instant: Date, zone: string): WallClock {
  const fields = new Map<string, number>();
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type !== 'literal') fields.set(part.type, Number(part.value));
  }
  const field = (name: string): number => {
    const value = fields.get(name);
    if (value === undefined || Number.isNaN(value)) throw new Error(`Intl gave no ${name} for ${zone}`);
    return value;
  };
  const year = field('year');
  const month = field('month');
  const day = field('day');
  // Some ICU builds write midnight as 24 even with h23.
  const hour = field('hour') % 24;
  const minute = field('minute');
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  const wall = Date.UTC(year, month - 1, day, hour, minute, field('second'));
  return { year, month, day, hour, minute, offsetMinutes: Math.round((wall - wholeSeconds) / MINUTE_MS) };
}

/** Minutes east of UTC in `zone` at `instant`: +60 for CET, +120 for CEST, -300 for EST. */
export function offsetAt(instant: Date, zone: string): number {
  return localPartsAt(instant, zone).offsetMinutes;
}

/** The wall time's fields read as if it were UTC, in milliseconds. */
export function wallClockMs(dt: LocalDateTime): number {
  return Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute);
}

/** Every instant at which the wall clock in `zone` shows `dt`: none (gap), one, or two (fall-back). */
export function resolveLocal(dt: LocalDateTime, zone: string): Resolution {
  const wall = wallClockMs(dt);
  // Offsets a day either side bracket any single change near this wall time (offsets stay within ±14 h).
  const before = offsetAt(new Date(wall - DAY_MS), zone);
  const after = offsetAt(new Date(wall + DAY_MS), zone);
  const offsets = new Set([before, after, offsetAt(new Date(wall), zone)]);
  const instants = [...offsets]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((ms) => offsetAt(new Date(ms), zone) * MINUTE_MS === wall - ms)
    .sort((a, b) => a - b);
  const [first, second] = instants;
  if (first === undefined) {
    return {
      kind: 'gap',
      earlier: new Date(wall - Math.max(before, after) * MINUTE_MS),
      later: new Date(wall - Math.min(before, after) * MINUTE_MS),
    };
  }
  if (second === undefined) return { kind: 'exact', instant: new Date(first) };
  return { kind: 'ambiguous', earlier: new Date(first), later: new Date(second) };
}

export interface ClockChange {
  /** First instant with the new offset. */
  at: Date;
  offsetBefore: number;
  offsetAfter: number;
  /** Wall clock ("02:00") just as the change happens, on the old clock and on the new one. */
  fromClock: string;
  toClock: string;
}

/** The offset change between two instants whose offsets differ, found to the minute. */
export function clockChangeBetween(zone: string, from: Date, to: Date): ClockChange {
  const offsetBefore = offsetAt(from, zone);
  let lo = Math.floor(from.getTime() / MINUTE_MS);
  let hi = Math.ceil(to.getTime() / MINUTE_MS);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(new Date(mid * MINUTE_MS), zone) === offsetBefore) lo = mid;
    else hi = mid;
  }
  const at = hi * MINUTE_MS;
  const offsetAfter = offsetAt(new Date(at), zone);
  return {
    at: new Date(at),
    offsetBefore,
    offsetAfter,
    fromClock: clockAt(at + offsetBefore * MINUTE_MS),
    toClock: clockAt(at + offsetAfter * MINUTE_MS),
  };
}

/** True when the zone is on summer time then: its offset is above the lower of January's and July's. */
export function isSummerTime(instant: Date, zone: string): boolean {
  const { year } = localPartsAt(instant, zone);
  const standard = Math.min(
    offsetAt(new Date(Date.UTC(year, 0, 1)), zone),
    offsetAt(new Date(Date.UTC(year, 6, 1)), zone),
  );
  return offsetAt(instant, zone) > standard;
}

/** "+02:00", "-05:30", "+00:00". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function clockAt(wallMs: number): string {
  const d = new Date(wallMs);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}
