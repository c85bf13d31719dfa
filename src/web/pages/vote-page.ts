import { CHOICES, OUTCOME_TEXT, type Choice } from '../../domain/tally';
import { formatInZone } from '../../domain/time';
import type { Db } from '../../store/db';
import { currentVoteOf, endorsementById, type Endorsement } from '../../store/endorsements';
import { awaitingResult, shortId, standingOf, timeFor } from '../../use-cases/endorsements/request';
import { whyOrganisationCannotVote } from '../../use-cases/endorsements/record-vote';
import type { LinkHolder } from '../open-link';
import { readerZone } from '../open-link';
import { readsGroup, refusal, whoView, type PageResult } from './page';

const LABEL: Record<Choice, string> = { endorse: 'Endorse', object: 'Object', abstain: 'Abstain' };

/** The request a vote link names, if its holder may still vote on it (a refusal page otherwise). */
export function votableRequest(db: Db, h: LinkHolder): { ok: true; e: Endorsement } | { ok: false; result: PageResult } {
  const e = endorsementById(db, h.exercise.id, h.claim.target);
  if (!e || !readsGroup(h, e.group)) return { ok: false, result: refusal(404, 'Nothing to vote on', 'This link names no endorsement request you can see. Nothing was recorded.') };
  const org = h.member.organisation;
  if (h.member.role !== 'focal' || !org)
    return { ok: false, result: refusal(403, 'You no longer vote', `${h.person.name} is no longer a focal point of a member organisation in ${h.exercise.name}, so this link cannot vote. Nothing was recorded.`) };
  const ineligible = whyOrganisationCannotVote(e, org);
  if (ineligible) return { ok: false, result: refusal(403, 'Your organisation does not vote on this', `${ineligible} Nothing was recorded.`) };
  return { ok: true, e };
}

/**
 * The page behind an Endorse / Object / Abstain link: who votes, for which organisation, on what,
 * the organisation's current vote and the tally, and a form that records the chosen vote on POST.
 * Reads only: showing it changes nothing.
 */
export function votePage(db: Db, h: LinkHolder, now: Date, chosen: Choice | null, problem?: { message: string; comment: string }): PageResult {
  const found = votableRequest(db, h);
  if (!found.ok) return found.result;
  const e = found.e;
  const zone = readerZone(h);
  const org = h.member.organisation!;
  const standing = standingOf(db, e);
  const current = currentVoteOf(db, e.id, org.id);
  const open = e.status === 'open' && !awaitingResult(e, now);
  const state =
    e.status === 'closed'
      ? `Closed on ${formatInZone(new Date(e.closedAt!), zone)}: ${OUTCOME_TEXT[e.outcome!]}. Votes are no longer taken.`
      : open
        ? `Open until ${timeFor(e.deadlineAt, h.exercise.timeZone, h.person)}.`
        : `Voting closed at its deadline, ${timeFor(e.deadlineAt, h.exercise.timeZone, h.person)}; the result is published shortly.`;
  return {
    ok: true,
    page: {
      template: 'vote',
      status: problem ? 422 : 200,
      view: {
        ...whoView(h),
        title: `${shortId(e)}: ${e.title}`,
        id: shortId(e),
        group: e.group,
        document: e.title,
        version: e.version ?? false,
        link: e.link ?? false,
        rule: e.rule,
        state,
        open,
        acronym: org.acronym,
        current: current
          ? {
              choice: current.choice,
              by: current.castBy.name,
              at: formatInZone(new Date(current.castAt), zone),
              proxy: current.proxy,
              comment: current.comment ?? false,
            }
          : false,
        tally: `${standing.tally.voted} of ${standing.electorate.length} organisations have voted: ${standing.tally.endorse} endorse, ${standing.tally.object} object, ${standing.tally.abstain} abstain (quorum ${standing.tally.quorum}).`,
        choices: CHOICES.map((c) => ({ value: c, label: LABEL[c], checked: c === (chosen ?? current?.choice ?? null) })),
        intent: chosen ? `You are about to record ${org.acronym}'s vote: ${LABEL[chosen]}.` : `Choose ${org.acronym}'s vote.`,
        objecting: chosen === 'object',
        comment: problem?.comment ?? '',
        problem: problem?.message ?? false,
      },
    },
  };
}

/** Reads a choice from a query or a form; anything else is no choice. */
export function choiceOf(value: string | undefined): Choice | null {
  return (CHOICES as readonly string[]).includes(value ?? '') ? (value as Choice) : null;
}
