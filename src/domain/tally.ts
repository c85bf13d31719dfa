/**
 * Endorsement tallies (SPEC 2.3). Pure: the votes and the electorate are arguments.
 *
 * - One vote per member organisation of the group: `endorse`, `object` or `abstain`.
 * - Quorum: how many organisations must have voted (an abstention is a vote); by default more
 *   than half of the group's organisations.
 * - `consensus`: endorsed when a quorum voted, at least one organisation endorses and none objects
 *   (abstentions alone endorse nothing).
 * - `majority`: endorsed when a quorum voted and more organisations endorse than object.
 */

import { CHOICES, RULES, type Choice, type Rule } from './vocabulary';

export { CHOICES, RULES, type Choice, type Rule };

/** How a request ended. The first three come from the tally; the others from what happened to it. */
export type Outcome = 'endorsed' | 'not-endorsed' | 'no-quorum' | 'superseded' | 'withdrawn';

export interface Tally {
  endorse: number;
  object: number;
  abstain: number;
  /** Organisations that voted. */
  voted: number;
  /** Organisations that may vote and have not. */
  waiting: number;
  quorum: number;
  quorumReached: boolean;
  /** The outcome if the request closed now. */
  outcome: 'endorsed' | 'not-endorsed' | 'no-quorum';
}

/** More than half of the group's organisations: 10 → 6, 5 → 3, 4 → 3. */
export function defaultQuorum(organisations: number): number {
  return Math.floor(organisations / 2) + 1;
}

/**
 * Counts the current votes of the organisations that may vote.
 * @example tally({ rule: 'consensus', quorum: 3, electorate: 5, votes: ['endorse', 'endorse', 'abstain'] }).outcome // 'endorsed'
 */
export function tally(input: { rule: Rule; quorum: number; electorate: number; votes: readonly Choice[] }): Tally {
  const count = (c: Choice) => input.votes.filter((v) => v === c).length;
  const endorse = count('endorse');
  const object = count('object');
  const abstain = count('abstain');
  const voted = input.votes.length;
  const quorumReached = voted >= input.quorum;
  const carried = input.rule === 'consensus' ? endorse > 0 && object === 0 : endorse > object;
  return {
    endorse,
    object,
    abstain,
    voted,
    waiting: Math.max(0, input.electorate - voted),
    quorum: input.quorum,
    quorumReached,
    outcome: !quorumReached ? 'no-quorum' : carried ? 'endorsed' : 'not-endorsed',
  };
}

/**
 * Whether the request closes now, before its deadline, because "the outcome can no longer change".
 *
 * A vote can be replaced until the request closes, so taken strictly no open request is ever
 * final. Nor do we close when the votes still to come cannot tip the result: under consensus that
 * would close on the first objection once a quorum voted, leaving no time to withdraw it, which is
 * what a consensus rule invites. Our reading: the outcome is final when no organisation is left to
 * vote, that is every organisation of the group has voted; the request then closes, which also ends
 * replacements. Until then, a vote still to come, or a change of mind, may decide it.
 */
export function isFinal(t: Pick<Tally, 'waiting' | 'voted'>): boolean {
  return t.voted > 0 && t.waiting === 0;
}

export const OUTCOME_TEXT: Record<Outcome, string> = {
  endorsed: 'endorsed',
  'not-endorsed': 'not endorsed',
  'no-quorum': 'no quorum',
  superseded: 'superseded',
  withdrawn: 'withdrawn',
};

export const RULE_TEXT: Record<Rule, string> = {
  consensus: 'consensus (endorsed when a quorum voted, at least one organisation endorses and none objects)',
  majority: 'majority (endorsed when a quorum voted and more organisations endorse than object)',
};
