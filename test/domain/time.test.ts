import { describe, it, expect } from 'vitest';
import {
  addDays,
  compareDates,
  daysInMonth,
  earliestCompliantDate,
  formatDate,
  formatInZone,
  formatLong,
  formatTime,
  instantForDeadline,
  localPartsAt,
  noticeDeadline,
  offsetAt,
  parseDate,
  parseTime,
  parseTimeZone,
  resolveLocal,
  toInstant,
} from '../../src/domain/time';
import type { LocalDate, Parsed } from '../../src/domain/time';

const BELGRADE = 'Europe/Belgrade';
const NEW_YORK = 'America/New_York';
const at = (iso: string): Date => new Date(iso);
const date = (year: number, month: number, day: number): LocalDate => ({ year, month, day });
const errorOf = <T>(result: Parsed<T>): string => (result.ok ? 'accepted' : result.error);

describe('parseDate', () => {
  it.each([
    ['2028-02-29', date(2028, 2, 29)],
    ['2000-02-29', date(2000, 2, 29)],
    ['2026-11-24', date(2026, 11, 24)],
    ['1970-01-01', date(1970, 1, 1)],
    ['2999-12-31', date(2999, 12, 31)],
  ])('accepts %s', (text, expected) => {
    expect(parseDate(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['2027-02-29', '2027-02-29 is not a date: February 2027 has 28 days.'],
    ['2100-02-29', '2100-02-29 is not a date: February 2100 has 28 days.'],
    ['2026-02-30', '2026-02-30 is not a date: February 2026 has 28 days.'],
    ['2026-04-31', '2026-04-31 is not a date: April 2026 has 30 days.'],
    ['2026-13-01', '2026-13-01 is not a date: the month must be 01 to 12.'],
    ['2026-00-10', '2026-00-10 is not a date: the month must be 01 to 12.'],
    ['2026-02-00', '2026-02-00 is not a date: days start at 01.'],
    ['1969-12-31', '1969-12-31 is out of range: use a year from 1970 to 2999.'],
    ['3000-01-01', '3000-01-01 is out of range: use a year from 1970 to 2999.'],
    ['2026-2-5', '"2026-2-5" is not a date: write it as YYYY-MM-DD, for example 2026-11-24.'],
    ['2026-1-05', '"2026-1-05" is not a date: write it as YYYY-MM-DD, for example 2026-11-24.'],
    [' 2026-02-05', '" 2026-02-05" is not a date: write it as YYYY-MM-DD, for example 2026-11-24.'],
    ['2026-02-05 ', '"2026-02-05 " is not a date: write it as YYYY-MM-DD, for example 2026-11-24.'],
    ['tomorrow', '"tomorrow" is not a date: write it as YYYY-MM-DD, for example 2026-11-24.'],
    ['24/11/2026', '"24/11/2026" is not a date: write it as YYYY-MM-DD, for example 2026-11-24.'],
    ['', 'The date is missing: write it as YYYY-MM-DD, for example 2026-11-24.'],
  ])('refuses %j', (text, error) => {
    expect(parseDate(text)).toMatchObject({ ok: false, error });
  });

  it('knows the length of every month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect([2024, 2028, 2000, 2100, 1900].map((y) => daysInMonth(y, 2))).toEqual([29, 29, 29, 28, 28]);
  });
});

describe('parseTime', () => {
  it.each([
    ['00:00', { hour: 0, minute: 0 }],
    ['23:59', { hour: 23, minute: 59 }],
    ['14:00', { hour: 14, minute: 0 }],
    ['02:30+02:00', { hour: 2, minute: 30, offsetMinutes: 120 }],
    ['02:30+01:00', { hour: 2, minute: 30, offsetMinutes: 60 }],
    ['09:15-05:30', { hour: 9, minute: 15, offsetMinutes: -330 }],
    ['09:15Z', { hour: 9, minute: 15, offsetMinutes: 0 }],
    ['09:15+14:00', { hour: 9, minute: 15, offsetMinutes: 840 }],
  ])('accepts %s', (text, expected) => {
    expect(parseTime(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['24:00', '24:00 is not a time: use 00:00 to 23:59 (HH:MM).'],
    ['23:60', '23:60 is not a time: use 00:00 to 23:59 (HH:MM).'],
    ['7:05', '"7:05" is not a time: write it as HH:MM (24-hour clock), for example 07:05.'],
    ['2pm', '"2pm" is not a time: write it as HH:MM (24-hour clock), for example 14:00.'],
    ['14:00:00', '"14:00:00" is not a time: write it as HH:MM (24-hour clock), for example 14:00.'],
    ['14:00+2', '"14:00+2" is not a time: write it as HH:MM (24-hour clock), for example 14:00.'],
    ['14:00z', '"14:00z" is not a time: write it as HH:MM (24-hour clock), for example 14:00.'],
    ['14:00+15:00', '+15:00 is not a UTC offset: use -12:00 to +14:00, for example 14:00+02:00.'],
    ['14:00-12:30', '-12:30 is not a UTC offset: use -12:00 to +14:00, for example 14:00+02:00.'],
    ['14:00+02:60', '+02:60 is not a UTC offset: use -12:00 to +14:00, for example 14:00+02:00.'],
    ['', 'The time is missing: write it as HH:MM (24-hour clock), for example 14:00.'],
  ])('refuses %j', (text, error) => {
    expect(parseTime(text)).toMatchObject({ ok: false, error });
  });
});

describe('parseTimeZone', () => {
  it.each([BELGRADE, NEW_YORK, 'UTC', 'Asia/Kolkata', 'America/Argentina/Buenos_Aires', 'Etc/GMT+2'])(
    'accepts %s as given',
    (zone) => expect(parseTimeZone(zone)).toEqual({ ok: true, value: zone }),
  );

  it('corrects only the letter case', () => {
    expect(parseTimeZone('europe/belgrade')).toEqual({ ok: true, value: BELGRADE });
  });

  it.each(['Mars/Olympus', '+02:00', 'CET', 'EST', 'Europe/Belgrade ', 'Europe/', '../etc/passwd'])(
    'refuses %j',
    (zone) => {
      expect(parseTimeZone(zone)).toEqual({
        ok: false,
        error: `"${zone}" is not a time zone: use an IANA name such as Europe/Belgrade.`,
      });
    },
  );

  it('refuses an empty name', () => {
    expect(errorOf(parseTimeZone(''))).toBe('The time zone is missing: use an IANA name such as Europe/Belgrade.');
  });
});

describe('calendar arithmetic and formatting', () => {
  it.each([
    [date(2026, 11, 24), 7, date(2026, 12, 1)],
    [date(2026, 12, 28), 7, date(2027, 1, 4)],
    [date(2028, 2, 28), 1, date(2028, 2, 29)],
    [date(2027, 2, 28), 1, date(2027, 3, 1)],
    [date(2028, 3, 6), -7, date(2028, 2, 28)],
    [date(2027, 1, 3), -7, date(2026, 12, 27)],
    [date(2027, 4, 1), 0, date(2027, 4, 1)],
    [date(2027, 1, 1), 365, date(2028, 1, 1)],
  ])('addDays(%j, %i) is %j', (from, days, expected) => {
    expect(addDays(from, days)).toEqual(expected);
  });

  it('compares dates', () => {
    expect(compareDates(date(2026, 11, 24), date(2026, 11, 25))).toBeLessThan(0);
    expect(compareDates(date(2027, 1, 1), date(2026, 12, 31))).toBeGreaterThan(0);
    expect(compareDates(date(2026, 11, 24), date(2026, 11, 24))).toBe(0);
  });

  it('pads dates and times', () => {
    expect(formatDate(date(2026, 3, 5))).toBe('2026-03-05');
    expect(formatTime({ hour: 7, minute: 5 })).toBe('07:05');
  });
});

describe('zone data', () => {
  it('reads the wall clock and offset', () => {
    expect(localPartsAt(at('2026-11-24T13:00Z'), BELGRADE)).toEqual({
      year: 2026, month: 11, day: 24, hour: 14, minute: 0, offsetMinutes: 60,
    });
    expect(localPartsAt(at('2027-01-01T03:30Z'), NEW_YORK)).toMatchObject({ year: 2026, month: 12, day: 31, hour: 22 });
    expect(offsetAt(at('2027-07-01T12:00Z'), BELGRADE)).toBe(120);
    expect(offsetAt(at('2027-01-01T12:00Z'), NEW_YORK)).toBe(-300);
    expect(offsetAt(at('2027-01-01T12:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(offsetAt(at('2027-01-01T12:00Z'), 'UTC')).toBe(0);
  });

  it('reads an instant read before the same, whatever its reader did with the first answer, and keeps zones apart', () => {
    const instant = at('2026-11-24T13:00Z');
    const first = localPartsAt(instant, BELGRADE);
    first.hour = 99;
    first.day = 1;
    expect(localPartsAt(instant, BELGRADE)).toEqual({ year: 2026, month: 11, day: 24, hour: 14, minute: 0, offsetMinutes: 60 });
    expect(localPartsAt(instant, NEW_YORK)).toEqual({ year: 2026, month: 11, day: 24, hour: 8, minute: 0, offsetMinutes: -300 });
    // Within a minute the clock reads the same minute, with the offset of the whole second.
    expect(localPartsAt(at('2026-11-24T13:00:59.999Z'), BELGRADE)).toMatchObject({ hour: 14, minute: 0, offsetMinutes: 60 });
  });

  it.each([
    [BELGRADE, date(2027, 3, 28), 2, 'gap', '2027-03-28T00:30:00.000Z', '2027-03-28T01:30:00.000Z'],
    [BELGRADE, date(2027, 10, 31), 2, 'ambiguous', '2027-10-31T00:30:00.000Z', '2027-10-31T01:30:00.000Z'],
    [NEW_YORK, date(2027, 3, 14), 2, 'gap', '2027-03-14T06:30:00.000Z', '2027-03-14T07:30:00.000Z'],
    [NEW_YORK, date(2027, 11, 7), 1, 'ambiguous', '2027-11-07T05:30:00.000Z', '2027-11-07T06:30:00.000Z'],
  ])('resolveLocal %s %j %i:30 is a %s', (zone, day, hour, kind, earlier, later) => {
    expect(resolveLocal({ ...day, hour, minute: 30 }, zone)).toEqual({ kind, earlier: at(earlier), later: at(later) });
  });

  it('resolves ordinary times, and the minutes around a change, exactly', () => {
    expect(resolveLocal({ ...date(2027, 3, 28), hour: 1, minute: 59 }, BELGRADE)).toEqual({
      kind: 'exact', instant: at('2027-03-28T00:59Z'),
    });
    expect(resolveLocal({ ...date(2027, 3, 28), hour: 3, minute: 0 }, BELGRADE)).toEqual({
      kind: 'exact', instant: at('2027-03-28T01:00Z'),
    });
    expect(resolveLocal({ ...date(2027, 10, 31), hour: 3, minute: 0 }, BELGRADE)).toEqual({
      kind: 'exact', instant: at('2027-10-31T02:00Z'),
    });
  });
});

describe('toInstant', () => {
  it('gives the one instant of an ordinary wall time', () => {
    expect(toInstant(date(2026, 11, 24), { hour: 14, minute: 0 }, BELGRADE)).toEqual({ ok: true, value: at('2026-11-24T13:00Z') });
    expect(toInstant(date(2026, 11, 24), { hour: 14, minute: 0, offsetMinutes: 60 }, BELGRADE)).toEqual({
      ok: true, value: at('2026-11-24T13:00Z'),
    });
  });

  it.each([
    [BELGRADE, date(2027, 3, 28), 2, '2027-03-28 02:30 does not exist in Europe/Belgrade: clocks go forward from 02:00 to 03:00 that night. Use 01:30 or 03:30.'],
    [BELGRADE, date(2027, 10, 31), 2, '2027-10-31 02:30 happens twice in Europe/Belgrade: clocks go back from 03:00 to 02:00 that night. Write 02:30+02:00 for the first (summer time) or 02:30+01:00 for the second.'],
    [NEW_YORK, date(2027, 3, 14), 2, '2027-03-14 02:30 does not exist in America/New_York: clocks go forward from 02:00 to 03:00 that night. Use 01:30 or 03:30.'],
    [NEW_YORK, date(2027, 11, 7), 1, '2027-11-07 01:30 happens twice in America/New_York: clocks go back from 02:00 to 01:00 that night. Write 01:30-04:00 for the first (summer time) or 01:30-05:00 for the second.'],
  ])('refuses %s %j %i:30 with both options', (zone, day, hour, error) => {
    expect(toInstant(day, { hour, minute: 30 }, zone)).toMatchObject({ ok: false, error });
  });

  it('lets an offset pick one side of a fall-back', () => {
    const night = date(2027, 10, 31);
    expect(toInstant(night, { hour: 2, minute: 30, offsetMinutes: 120 }, BELGRADE)).toEqual({ ok: true, value: at('2027-10-31T00:30Z') });
    expect(toInstant(night, { hour: 2, minute: 30, offsetMinutes: 60 }, BELGRADE)).toEqual({ ok: true, value: at('2027-10-31T01:30Z') });
  });

  it('takes any explicit offset as a zone given: the wall time at that offset', () => {
    // 14:00 at UTC+01:00 is 13:00Z, i.e. 15:00 in Belgrade's summer: the user said which clock they meant.
    expect(toInstant(date(2027, 6, 1), { hour: 14, minute: 0, offsetMinutes: 60 }, BELGRADE)).toEqual({ ok: true, value: at('2027-06-01T13:00Z') });
    expect(toInstant(date(2027, 10, 31), { hour: 2, minute: 30, offsetMinutes: 0 }, BELGRADE)).toEqual({ ok: true, value: at('2027-10-31T02:30Z') });
    // Inside a spring-forward gap an offset still names one real instant.
    expect(toInstant(date(2027, 3, 28), { hour: 2, minute: 30, offsetMinutes: 60 }, BELGRADE)).toEqual({ ok: true, value: at('2027-03-28T01:30Z') });
    expect(toInstant(date(2027, 1, 5), { hour: 9, minute: 0, offsetMinutes: -300 }, BELGRADE)).toEqual({ ok: true, value: at('2027-01-05T14:00Z') });
  });

  it('names the previous day when a change happens at midnight', () => {
    expect(errorOf(toInstant(date(2027, 9, 5), { hour: 0, minute: 30 }, 'America/Santiago'))).toBe(
      '2027-09-05 00:30 does not exist in America/Santiago: clocks go forward from 00:00 to 01:00 that night. Use 2027-09-04 23:30 or 01:30.',
    );
  });

  it('refuses a bad zone or an impossible date instead of rolling over', () => {
    expect(errorOf(toInstant(date(2026, 11, 24), { hour: 14, minute: 0 }, 'Mars/Olympus'))).toMatch(/is not a time zone/);
    expect(errorOf(toInstant(date(2026, 2, 30), { hour: 14, minute: 0 }, BELGRADE))).toBe(
      '2026-02-30 is not a date: February 2026 has 28 days.',
    );
  });
});

describe('noticeDeadline (SPEC 2.1)', () => {
  it.each([
    // [meeting start, zone, notice days, deadline, deadline on the wall clock]
    ['2027-04-01T08:00Z', BELGRADE, 7, '2027-03-25T09:00Z', '2027-03-25 10:00 Europe/Belgrade'],
    ['2027-11-03T09:00Z', BELGRADE, 7, '2027-10-27T08:00Z', '2027-10-27 10:00 Europe/Belgrade'],
    ['2026-11-24T13:00Z', BELGRADE, 7, '2026-11-17T13:00Z', '2026-11-17 14:00 Europe/Belgrade'],
    ['2027-04-01T08:00Z', BELGRADE, 10, '2027-03-22T09:00Z', '2027-03-22 10:00 Europe/Belgrade'],
    ['2027-04-01T08:00Z', BELGRADE, 0, '2027-04-01T08:00Z', '2027-04-01 10:00 Europe/Belgrade'],
    ['2027-03-17T14:00Z', NEW_YORK, 7, '2027-03-10T15:00Z', '2027-03-10 10:00 America/New_York'],
    ['2028-03-06T13:00Z', BELGRADE, 7, '2028-02-28T13:00Z', '2028-02-28 14:00 Europe/Belgrade'],
    // The deadline's wall time is skipped (2027-03-28 02:30): the earlier instant, 01:30 CET.
    ['2027-04-04T00:30Z', BELGRADE, 7, '2027-03-28T00:30Z', '2027-03-28 01:30 Europe/Belgrade'],
    // The deadline's wall time happens twice (2027-10-31 02:30): the first, summer-time one, shown with its offset.
    ['2027-11-07T01:30Z', BELGRADE, 7, '2027-10-31T00:30Z', '2027-10-31 02:30+02:00 Europe/Belgrade'],
  ])('meeting %s in %s, %i days: %s', (start, zone, days, deadline, wall) => {
    const result = noticeDeadline(at(start), zone, days);
    expect(result).toEqual(at(deadline));
    expect(formatInZone(result, zone)).toBe(wall);
  });

  it('keeps the wall clock, so a spring change makes it 7 days minus 1 hour in absolute time', () => {
    const start = at('2027-04-01T08:00Z');
    const hours = (start.getTime() - noticeDeadline(start, BELGRADE, 7).getTime()) / 3_600_000;
    expect(hours).toBe(7 * 24 - 1);
  });

  it('counts a notice handed over at the deadline minute as on time, one minute later as late', () => {
    const deadline = noticeDeadline(at('2027-04-01T08:00Z'), BELGRADE, 7);
    const onTime = (handedOverAt: Date): boolean => handedOverAt <= deadline;
    expect(onTime(at('2027-03-25T09:00:00Z'))).toBe(true);
    expect(onTime(at('2027-03-25T08:59:59Z'))).toBe(true);
    expect(onTime(at('2027-03-25T09:01:00Z'))).toBe(false);
  });

  it('instantForDeadline takes the earlier instant of a gap or a repeated hour', () => {
    expect(instantForDeadline({ ...date(2027, 3, 14), hour: 2, minute: 30 }, NEW_YORK)).toEqual(at('2027-03-14T06:30Z'));
    expect(instantForDeadline({ ...date(2027, 11, 7), hour: 1, minute: 30 }, NEW_YORK)).toEqual(at('2027-11-07T05:30Z'));
    expect(instantForDeadline({ ...date(2027, 6, 1), hour: 9, minute: 0 }, NEW_YORK)).toEqual(at('2027-06-01T13:00Z'));
  });
});

describe('earliestCompliantDate', () => {
  const tenOClock = { hour: 10, minute: 0 };

  it('allows the meeting whose deadline is this very minute, not once the minute has passed', () => {
    expect(earliestCompliantDate(at('2027-03-25T09:00Z'), tenOClock, BELGRADE, 7)).toEqual(date(2027, 4, 1));
    expect(earliestCompliantDate(at('2027-03-25T09:01Z'), tenOClock, BELGRADE, 7)).toEqual(date(2027, 4, 2));
    expect(earliestCompliantDate(at('2027-03-25T08:59Z'), tenOClock, BELGRADE, 7)).toEqual(date(2027, 4, 1));
  });

  it('uses the wall clock of the zone, not of UTC', () => {
    // 23:30 UTC on 17 Nov is already 18 Nov 00:30 in Belgrade.
    expect(earliestCompliantDate(at('2026-11-17T23:30Z'), { hour: 14, minute: 0 }, BELGRADE, 7)).toEqual(date(2026, 11, 25));
    expect(earliestCompliantDate(at('2026-11-17T12:00Z'), { hour: 14, minute: 0 }, BELGRADE, 7)).toEqual(date(2026, 11, 24));
  });

  it('works for other notice periods', () => {
    expect(earliestCompliantDate(at('2027-03-25T09:00Z'), tenOClock, BELGRADE, 10)).toEqual(date(2027, 4, 4));
    expect(earliestCompliantDate(at('2027-03-25T09:00Z'), tenOClock, BELGRADE, 0)).toEqual(date(2027, 3, 25));
    expect(earliestCompliantDate(at('2027-03-25T09:01Z'), tenOClock, BELGRADE, 0)).toEqual(date(2027, 3, 26));
  });

  it('skips a date on which that wall time does not exist or happens twice', () => {
    const halfPastTwo = { hour: 2, minute: 30 };
    expect(earliestCompliantDate(at('2027-03-20T12:00Z'), halfPastTwo, BELGRADE, 7)).toEqual(date(2027, 3, 29));
    expect(earliestCompliantDate(at('2027-10-23T12:00Z'), halfPastTwo, BELGRADE, 7)).toEqual(date(2027, 11, 1));
  });
});

describe('formatInZone and formatLong', () => {
  it.each([
    ['2026-11-24T13:00Z', BELGRADE, '2026-11-24 14:00 Europe/Belgrade', 'Tue 24 Nov 2026, 14:00 (Europe/Belgrade)'],
    ['2027-03-28T00:59Z', BELGRADE, '2027-03-28 01:59 Europe/Belgrade', 'Sun 28 Mar 2027, 01:59 (Europe/Belgrade)'],
    ['2027-03-28T01:00Z', BELGRADE, '2027-03-28 03:00 Europe/Belgrade', 'Sun 28 Mar 2027, 03:00 (Europe/Belgrade)'],
    ['2026-09-03T04:05Z', NEW_YORK, '2026-09-03 00:05 America/New_York', 'Thu 3 Sep 2026, 00:05 (America/New_York)'],
    ['2027-01-01T03:30Z', NEW_YORK, '2026-12-31 22:30 America/New_York', 'Thu 31 Dec 2026, 22:30 (America/New_York)'],
  ])('%s in %s', (iso, zone, short, long) => {
    expect(formatInZone(at(iso), zone)).toBe(short);
    expect(formatLong(at(iso), zone)).toBe(long);
  });

  // A wall time that happens twice (clocks go back) says which one with its UTC offset, the way it
  // is typed (/meeting schedule ... 02:30+02:00); every other time is shown as before.
  it.each([
    // Europe/Belgrade, 2027-10-31: 03:00 CEST becomes 02:00 CET (01:00Z); 02:00-02:59 happens twice.
    ['2027-10-30T23:59Z', BELGRADE, '2027-10-31 01:59 Europe/Belgrade', 'Sun 31 Oct 2027, 01:59 (Europe/Belgrade)'],
    ['2027-10-31T00:00Z', BELGRADE, '2027-10-31 02:00+02:00 Europe/Belgrade', 'Sun 31 Oct 2027, 02:00+02:00 (Europe/Belgrade)'],
    ['2027-10-31T00:30Z', BELGRADE, '2027-10-31 02:30+02:00 Europe/Belgrade', 'Sun 31 Oct 2027, 02:30+02:00 (Europe/Belgrade)'],
    ['2027-10-31T00:59Z', BELGRADE, '2027-10-31 02:59+02:00 Europe/Belgrade', 'Sun 31 Oct 2027, 02:59+02:00 (Europe/Belgrade)'],
    ['2027-10-31T01:00Z', BELGRADE, '2027-10-31 02:00+01:00 Europe/Belgrade', 'Sun 31 Oct 2027, 02:00+01:00 (Europe/Belgrade)'],
    ['2027-10-31T01:30Z', BELGRADE, '2027-10-31 02:30+01:00 Europe/Belgrade', 'Sun 31 Oct 2027, 02:30+01:00 (Europe/Belgrade)'],
    ['2027-10-31T01:59Z', BELGRADE, '2027-10-31 02:59+01:00 Europe/Belgrade', 'Sun 31 Oct 2027, 02:59+01:00 (Europe/Belgrade)'],
    ['2027-10-31T02:00Z', BELGRADE, '2027-10-31 03:00 Europe/Belgrade', 'Sun 31 Oct 2027, 03:00 (Europe/Belgrade)'],
    // The same wall time a week later, and on the spring-forward night, happens once.
    ['2027-11-07T01:30Z', BELGRADE, '2027-11-07 02:30 Europe/Belgrade', 'Sun 7 Nov 2027, 02:30 (Europe/Belgrade)'],
    ['2027-03-28T01:30Z', BELGRADE, '2027-03-28 03:30 Europe/Belgrade', 'Sun 28 Mar 2027, 03:30 (Europe/Belgrade)'],
    // America/New_York, 2026-11-01: 02:00 EDT becomes 01:00 EST; 01:00-01:59 happens twice.
    ['2026-11-01T05:30Z', NEW_YORK, '2026-11-01 01:30-04:00 America/New_York', 'Sun 1 Nov 2026, 01:30-04:00 (America/New_York)'],
    ['2026-11-01T06:30Z', NEW_YORK, '2026-11-01 01:30-05:00 America/New_York', 'Sun 1 Nov 2026, 01:30-05:00 (America/New_York)'],
    ['2026-11-01T07:00Z', NEW_YORK, '2026-11-01 02:00 America/New_York', 'Sun 1 Nov 2026, 02:00 (America/New_York)'],
    // A zone without DST never shows an offset.
    ['2027-10-31T00:30Z', 'UTC', '2027-10-31 00:30 UTC', 'Sun 31 Oct 2027, 00:30 (UTC)'],
  ])('an ambiguous wall time carries its offset: %s in %s', (iso, zone, short, long) => {
    expect(formatInZone(at(iso), zone)).toBe(short);
    expect(formatLong(at(iso), zone)).toBe(long);
  });
});
