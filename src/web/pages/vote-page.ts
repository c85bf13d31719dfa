import { CHOICES, type Choice } from '../../domain/tally';
import { sayIn } from '../../i18n/say';
import type { Db } from '../../store/db';
import { currentVoteOf, endorsementById, type Endorsement } from '../../store/endorsements';
import { awaitingResult, shortId, standingOf } from '../../use-cases/endorsements/request';
import { whyOrganisationCannotVote } from '../../use-cases/endorsements/record-vote';
import type { LinkHolder } from '../open-link';
import { readsGroup, refusal, whoView, type PageResult } from './page';
import { outcomeIn, voteIn } from './states';

/** The request a vote link names, if its holder may still vote on it (a refusal page otherwise). */
export function votableRequest(db: Db, h: LinkHolder): { ok: true; e: Endorsement } | { ok: false; result: PageResult } {
  const e = endorsementById(db, h.exercise.id, h.claim.target);
  if (!e || !readsGroup(h, e.group)) return { ok: false, result: refusal(h, 404, 'noRequest') };
  const org = h.member.organisation;
  if (h.member.role !== 'focal' || !org) return { ok: false, result: refusal(h, 403, 'noLongerVotes', { name: h.person.name, exercise: h.exercise.name }) };
  const ineligible = whyOrganisationCannotVote(e, org, sayIn(h.words.language));
  if (ineligible) return { ok: false, result: refusal(h, 403, 'orgDoesNotVote', { why: ineligible }) };
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
  const w = h.words;
  const org = h.member.organisation!;
  const standing = standingOf(db, e);
  const current = currentVoteOf(db, e.id, org.id);
  const open = e.status === 'open' && !awaitingResult(e, now);
  const state =
    e.status === 'closed'
      ? w.t('web-vote.closed', { at: w.at(e.closedAt!), outcome: outcomeIn(w, e.outcome!) })
      : open
        ? w.t('web-vote.open', { deadline: w.at(e.deadlineAt) })
        : w.t('web-vote.awaitingResult', { deadline: w.at(e.deadlineAt) });
  const t = standing.tally;
  return {
    ok: true,
    page: {
      template: 'vote',
      status: problem ? 422 : 200,
      language: w.language,
      view: {
        ...whoView(h),
        title: `${shortId(e)}: ${e.title}`,
        id: shortId(e),
        group: e.group,
        document: e.title,
        version: e.version ? w.t('web-common.version', { version: e.version }) : false,
        link: e.link ?? false,
        rule: w.t(`rules.${e.rule}`),
        state,
        open,
        acronym: org.acronym,
        current: current
          ? {
              text: w.t(current.comment ? 'web-vote.currentWithComment' : 'web-vote.current', {
                choice: voteIn(w, current.choice, current.proxy),
                name: current.castBy.name,
                at: w.at(current.castAt),
                comment: current.comment ?? '',
              }),
            }
          : false,
        tally: w.t('web-vote.tally', { count: standing.electorate.length, voted: t.voted, endorse: t.endorse, object: t.object, abstain: t.abstain, quorum: t.quorum }),
        choices: CHOICES.map((c) => ({ value: c, label: w.t(`web-vote.choose.${c}`), checked: c === (chosen ?? current?.choice ?? null) })),
        intent: chosen ? w.t('web-vote.intentChosen', { acronym: org.acronym, choice: w.t(`web-vote.choose.${chosen}`) }) : w.t('web-vote.intent', { acronym: org.acronym }),
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
