import { describe, expect, it } from 'vitest';
import { daysBefore, deadlinePassed, describeTimeLeft, earliestCompliantDateNow, isOnTime, lateFrom, timeLeft } from '../../src/domain/notice';
import { formatInZone, noticeDeadline } from '../../src/domain/time';

const BELGRADE = 'Europe/Belgrade';
const at = (iso: string) => new Date(iso);

describe('isOnTime: the deadline minute is on time, the next minute is late', () => {
  const deadline = noticeDeadline(at('2027-04-01T08:00Z'), BELGRADE, 7); // 2027-03-25 10:00 CET
  it.each([
    ['2027-03-18T09:00:00Z', true],
    ['2027-03-25T08:59:59Z', true],
    ['2027-03-25T09:00:00Z', true],
    ['2027-03-25T09:00:59.999Z', true],
    ['2027-03-25T09:01:00Z', false],
    ['2027-03-26T09:00:00Z', false],
  ])('handed over %s: on time %s', (handedOverAt, expected) => {
    expect(isOnTime(at(handedOverAt), deadline)).toBe(expected);
    expect(deadlinePassed(deadline, at(handedOverAt))).toBe(!expected);
  });

  it('puts the first late instant one minute after the deadline', () => {
    expect(lateFrom(deadline)).toEqual(at('2027-03-25T09:01:00Z'));
  });
});

describe('daysBefore: reminders keep the wall clock across a DST change', () => {
  it.each([
    // [instant, days, expected, wall clock]
    ['2027-03-25T09:00Z', 3, '2027-03-22T09:00Z', '2027-03-22 10:00 Europe/Belgrade'],
    ['2027-03-30T08:00Z', 3, '2027-03-27T09:00Z', '2027-03-27 10:00 Europe/Belgrade'],
    ['2027-10-28T08:00Z', 1, '2027-10-27T08:00Z', '2027-10-27 10:00 Europe/Belgrade'],
    ['2027-11-01T09:00Z', 3, '2027-10-29T08:00Z', '2027-10-29 10:00 Europe/Belgrade'],
  ])('%s minus %i days is %s', (instant, days, expected, wall) => {
    const r = daysBefore(at(instant), BELGRADE, days);
    expect(r).toEqual(at(expected));
    expect(formatInZone(r, BELGRADE)).toBe(wall);
  });
});

describe('earliestCompliantDateNow', () => {
  it('counts the deadline minute itself, seconds included', () => {
    const ten = { hour: 10, minute: 0 };
    expect(earliestCompliantDateNow(at('2027-03-25T09:00:45Z'), ten, BELGRADE, 7)).toEqual({ year: 2027, month: 4, day: 1 });
    expect(earliestCompliantDateNow(at('2027-03-25T09:01:00Z'), ten, BELGRADE, 7)).toEqual({ year: 2027, month: 4, day: 2 });
  });
});

describe('timeLeft and describeTimeLeft: calendar days on the wall clock, then hours and minutes', () => {
  it.each([
    // [now, until, zone, words]
    ['2026-11-21T09:00Z', '2026-11-24T09:00Z', BELGRADE, '3 days'],
    ['2026-11-23T09:00Z', '2026-11-24T09:00Z', BELGRADE, '1 day'],
    ['2026-11-22T15:30Z', '2026-11-25T09:00Z', BELGRADE, '2 days and 17 hours'],
    ['2026-11-24T12:00Z', '2026-11-25T09:00Z', BELGRADE, '21 hours'],
    ['2026-11-23T09:30Z', '2026-11-24T09:00Z', BELGRADE, '23 hours and 30 minutes'],
    ['2026-11-24T08:59Z', '2026-11-24T09:00Z', BELGRADE, '1 minute'],
    ['2026-11-24T08:15Z', '2026-11-24T09:00Z', BELGRADE, '45 minutes'],
    ['2026-11-24T09:00Z', '2026-11-24T09:00Z', BELGRADE, 'less than a minute'],
    ['2026-11-24T10:00Z', '2026-11-24T09:00Z', BELGRADE, 'less than a minute'],
    // Across the clocks going back (31 Oct 2027): Sat 30 Oct 10:00 CEST to Tue 2 Nov 10:00 CET is 73 hours, 3 days.
    ['2027-10-30T08:00Z', '2027-11-02T09:00Z', BELGRADE, '3 days'],
    // Across the clocks going forward (28 Mar 2027): Thu 25 Mar 10:00 CET to Sun 28 Mar 10:00 CEST is 71 hours, 3 days.
    ['2027-03-25T09:00Z', '2027-03-28T08:00Z', BELGRADE, '3 days'],
    ['2027-03-25T09:00Z', '2027-03-28T07:00Z', BELGRADE, '2 days and 23 hours'],
  ])('from %s to %s in %s: %s', (now, until, zone, words) => {
    expect(describeTimeLeft(at(now), at(until), zone)).toBe(words);
  });

  it('gives the parts', () => {
    expect(timeLeft(at('2026-11-22T15:30Z'), at('2026-11-25T09:00Z'), BELGRADE)).toEqual({ days: 2, hours: 17, minutes: 30 });
    expect(timeLeft(at('2026-11-25T09:00Z'), at('2026-11-22T15:30Z'), BELGRADE)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});
