import { describe, expect, it } from 'vitest';
import { defaultQuorum, isFinal, tally, type Choice, type Rule } from '../../src/domain/tally';
import {
  deadlineOn, defaultDeadline, earliestFullNoticeDate, givesFullNotice, reminderTimes, tooFarAhead, votingClosed,
} from '../../src/domain/endorsement-deadline';

const E: Choice = 'endorse';
const O: Choice = 'object';
const A: Choice = 'abstain';

describe('defaultQuorum: more than half of the group', () => {
  it.each([
    [1, 1], [2, 2], [3, 2], [4, 3], [5, 3], [10, 6], [11, 6], [50, 26],
  ])('%i organisations → %i', (n, q) => expect(defaultQuorum(n)).toBe(q));
});

describe('tally', () => {
  const cases: [Rule, number, Choice[], 'endorsed' | 'not-endorsed' | 'no-quorum'][] = [
    // consensus: a quorum voted, at least one organisation endorses and nobody objects
    ['consensus', 3, [E, E, E], 'endorsed'],
    ['consensus', 3, [E, E, A], 'endorsed'],
    ['consensus', 3, [E, A, A], 'endorsed'],
    ['consensus', 3, [A, A, A], 'not-endorsed'],
    ['consensus', 5, [A, A, A, A, A], 'not-endorsed'],
    ['consensus', 3, [E, A, O], 'not-endorsed'],
    ['consensus', 3, [E, E, E, E, O], 'not-endorsed'],
    ['consensus', 3, [E, E], 'no-quorum'],
    ['consensus', 3, [O, O], 'no-quorum'],
    ['consensus', 3, [], 'no-quorum'],
    // majority: a quorum voted and more endorse than object
    ['majority', 3, [E, E, O], 'endorsed'],
    ['majority', 3, [E, O, A], 'not-endorsed'],
    ['majority', 3, [E, O, O], 'not-endorsed'],
    ['majority', 3, [A, A, A], 'not-endorsed'],
    ['majority', 4, [E, E, E], 'no-quorum'],
    ['majority', 3, [E, A, A], 'endorsed'],
  ];
  it.each(cases)('%s, quorum %i, votes %j → %s', (rule, quorum, votes, outcome) => {
    expect(tally({ rule, quorum, electorate: 5, votes }).outcome).toBe(outcome);
  });

  it('counts each choice, who voted and who is awaited; an abstention counts towards the quorum', () => {
    expect(tally({ rule: 'consensus', quorum: 6, electorate: 10, votes: [E, E, O, A, A, A] })).toEqual({
      endorse: 2, object: 1, abstain: 3, voted: 6, waiting: 4, quorum: 6, quorumReached: true, outcome: 'not-endorsed',
    });
  });
});

describe('isFinal: the request closes early only when every organisation has voted', () => {
  it('is not final while any organisation is still to vote, even when the rest cannot tip it', () => {
    expect(isFinal(tally({ rule: 'majority', quorum: 6, electorate: 10, votes: [E, E, E, E, E, E, E, E, E] }))).toBe(false);
    // An objection under consensus does not end the vote: it can still be withdrawn.
    expect(isFinal(tally({ rule: 'consensus', quorum: 6, electorate: 10, votes: [O, E, E, E, E, E, E] }))).toBe(false);
  });
  it('is final once every organisation has voted, whatever the outcome', () => {
    expect(isFinal(tally({ rule: 'consensus', quorum: 3, electorate: 5, votes: [E, E, E, E, O] }))).toBe(true);
    expect(isFinal(tally({ rule: 'majority', quorum: 3, electorate: 5, votes: [A, A, A, A, A] }))).toBe(true);
  });
  it('is never final with nobody to vote', () => {
    expect(isFinal(tally({ rule: 'consensus', quorum: 1, electorate: 0, votes: [] }))).toBe(false);
  });
});

describe('endorsement deadlines', () => {
  const zone = 'Europe/Belgrade';
  const opened = new Date('2026-11-22T09:00:30Z'); // 10:00:30 in Belgrade

  it('default to seven calendar days later at the minute of opening', () => {
    expect(defaultDeadline(opened, zone).toISOString()).toBe('2026-11-29T09:00:00.000Z');
  });

  it('put an explicit date at the time of day the request was opened', () => {
    expect(deadlineOn(opened, zone, { year: 2026, month: 12, day: 1 }).toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('keep the wall-clock time across a DST change', () => {
    const march = new Date('2027-03-22T09:00:00Z'); // 10:00 CET
    expect(defaultDeadline(march, zone).toISOString()).toBe('2027-03-29T08:00:00.000Z'); // 10:00 CEST
  });

  it('give full notice from 72 hours on; the earliest date follows', () => {
    expect(givesFullNotice(opened, new Date('2026-11-25T09:00:00Z'))).toBe(true);
    expect(givesFullNotice(opened, new Date('2026-11-25T08:59:00Z'))).toBe(false);
    expect(earliestFullNoticeDate(opened, zone)).toEqual({ year: 2026, month: 11, day: 25 });
    // Across the spring-forward night three calendar days are 71 hours: the earliest date is a day later.
    expect(earliestFullNoticeDate(new Date('2027-03-26T09:00:00Z'), zone)).toEqual({ year: 2027, month: 3, day: 30 });
  });

  it('close voting from the deadline minute on', () => {
    const deadline = new Date('2026-11-29T09:00:00Z');
    expect(votingClosed(deadline, new Date('2026-11-29T08:59:59.999Z'))).toBe(false);
    expect(votingClosed(deadline, new Date('2026-11-29T09:00:00Z'))).toBe(true);
    expect(votingClosed(deadline, new Date('2026-11-29T09:00:59Z'))).toBe(true);
  });

  it('remind 48 and 24 hours before, but only after the opening', () => {
    const deadline = new Date('2026-11-29T09:00:00Z');
    expect(reminderTimes(opened, deadline).map((r) => [r.hours, r.dueAt.toISOString()])).toEqual([
      [48, '2026-11-27T09:00:00.000Z'],
      [24, '2026-11-28T09:00:00.000Z'],
    ]);
    expect(reminderTimes(opened, new Date('2026-11-23T21:00:00Z')).map((r) => r.hours)).toEqual([24]);
    expect(reminderTimes(opened, new Date('2026-11-23T09:00:00Z'))).toEqual([]);
  });

  it('refuse a date more than a year ahead', () => {
    expect(tooFarAhead(opened, zone, { year: 2027, month: 11, day: 23 })).toBe(false);
    expect(tooFarAhead(opened, zone, { year: 2027, month: 11, day: 24 })).toBe(true);
  });
});
