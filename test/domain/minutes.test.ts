import { describe, expect, it } from 'vitest';
import {
  actionReminders,
  daysPastDue,
  isOverdue,
  minutesDueDate,
  nextOverdueReminder,
  overdueFrom,
  reminderAt,
} from '../../src/domain/minutes';
import { formatDate } from '../../src/domain/time';

const BELGRADE = 'Europe/Belgrade';
const d = (s: string) => {
  const [year, month, day] = s.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

describe('when minutes fall due', () => {
  it('counts the minutes days from the date the meeting ends, in the exercise zone', () => {
    // Ends 12:00 Belgrade on 1 Dec → due 8 Dec.
    expect(formatDate(minutesDueDate(new Date('2026-12-01T11:00:00Z'), BELGRADE, 7))).toBe('2026-12-08');
    // Ends 00:30 Belgrade on 2 Dec (23:30 UTC on 1 Dec): the Belgrade date counts.
    expect(formatDate(minutesDueDate(new Date('2026-12-01T23:30:00Z'), BELGRADE, 7))).toBe('2026-12-09');
    expect(formatDate(minutesDueDate(new Date('2028-02-22T10:00:00Z'), BELGRADE, 7))).toBe('2028-02-29');
    expect(formatDate(minutesDueDate(new Date('2026-12-01T11:00:00Z'), BELGRADE, 0))).toBe('2026-12-01');
  });

  it('are on time through the due date and overdue from the midnight after it', () => {
    const due = d('2026-12-08');
    expect(overdueFrom(due, BELGRADE).toISOString()).toBe('2026-12-08T23:00:00.000Z');
    expect(isOverdue(due, BELGRADE, new Date('2026-12-08T22:59:59Z'))).toBe(false);
    expect(isOverdue(due, BELGRADE, new Date('2026-12-08T23:00:00Z'))).toBe(true);
    expect(daysPastDue(due, BELGRADE, new Date('2026-12-08T22:59:00Z'))).toBe(0);
    expect(daysPastDue(due, BELGRADE, new Date('2026-12-11T09:00:00Z'))).toBe(3);
    expect(daysPastDue(due, BELGRADE, new Date('2026-12-06T09:00:00Z'))).toBe(-2);
  });
});

describe('reminder times', () => {
  it('are 09:00 on the wall clock, across a DST change', () => {
    expect(reminderAt(d('2027-03-27'), BELGRADE).toISOString()).toBe('2027-03-27T08:00:00.000Z'); // CET
    expect(reminderAt(d('2027-03-29'), BELGRADE).toISOString()).toBe('2027-03-29T07:00:00.000Z'); // CEST
  });

  it('repeat every two days after the due date, and skip the ones missed during downtime', () => {
    const due = d('2026-12-08');
    expect(nextOverdueReminder(due, BELGRADE, new Date('2026-12-08T08:00:00Z')).toISOString()).toBe('2026-12-10T08:00:00.000Z');
    expect(nextOverdueReminder(due, BELGRADE, new Date('2026-12-10T08:00:00Z')).toISOString()).toBe('2026-12-12T08:00:00.000Z');
    // Down from the 9th to the 15th, 10:00: the reminders of the 10th, 12th and 14th are gone; next is the 16th.
    expect(nextOverdueReminder(due, BELGRADE, new Date('2026-12-15T09:00:00Z')).toISOString()).toBe('2026-12-16T08:00:00.000Z');
    // Run late but on the day of a slot, after 09:00: the next slot, two days on.
    expect(nextOverdueReminder(due, BELGRADE, new Date('2026-12-12T15:00:00Z')).toISOString()).toBe('2026-12-14T08:00:00.000Z');
  });

  it('of an action item fall two days before its due date and on it', () => {
    expect(actionReminders(d('2026-12-10'), BELGRADE).map((r) => [r.daysBefore, r.at.toISOString()])).toEqual([
      [2, '2026-12-08T08:00:00.000Z'],
      [0, '2026-12-10T08:00:00.000Z'],
    ]);
    expect(actionReminders(d('2027-03-01'), BELGRADE).map((r) => r.at.toISOString())).toEqual(['2027-02-27T08:00:00.000Z', '2027-03-01T08:00:00.000Z']);
  });
});
