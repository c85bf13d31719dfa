import { describe, expect, it } from 'vitest';
import { daysBefore, deadlinePassed, earliestCompliantDateNow, isOnTime, lateFrom } from '../../src/domain/notice';
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
