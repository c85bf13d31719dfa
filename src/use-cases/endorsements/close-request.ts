import type { CommandContext } from '../../core/context';
import type { Db } from '../../store/db';
import { endorsementById, markClosed, type ClosedHow, type Endorsement } from '../../store/endorsements';
import { cancelJobs } from '../../store/jobs';
import { recipientsOf, type Person } from '../../store/members';
import type { Outcome } from '../../domain/tally';
import type { Language } from '../../domain/vocabulary';
import { messageLanguage, translate } from '../../i18n/catalogue';
import { refreshChannelPosts } from './channel-tally';
import { refOf, requestView, shortId, standingOf, tallyLine, type Standing } from './request';
import { readerTime } from '../../i18n/say';
import { howClosedIn, outcomeIn, outcomeReasonIn } from './result-words';

export interface Closing {
  how: ClosedHow;
  /** Only for a request withdrawn by the coordinator or replaced by a new version; otherwise the tally decides. */
  outcome?: 'withdrawn' | 'superseded';
  supersededBy?: Endorsement;
}

/** How a request closed, and what the audit log keeps of it (the tally and every organisation's vote). */
export interface Closed {
  outcome: Outcome;
  detail: Record<string, unknown>;
}

/**
 * Closes an open request once: records the outcome, cancels its reminders and its deadline job,
 * and publishes the result with each organisation's vote to the group's channels and, by e-mail
 * and chat, to every member of the group. Returns null when the request was already closed.
 */
export function closeRequest(ctx: CommandContext, e: Endorsement, closing: Closing): Closed | null {
  const standing = standingOf(ctx.db, e);
  const outcome: Outcome = closing.outcome ?? standing.tally.outcome;
  const supersededBy = closing.supersededBy?.id;
  if (!markClosed(ctx.db, e.id, { outcome, at: ctx.nowIso, how: closing.how, ...(supersededBy ? { supersededBy } : {}) })) return null;
  cancelJobs(ctx.db, refOf(e));
  publishResult(ctx, e, standing, outcome, closing);
  refreshChannelPosts(ctx, endorsementById(ctx.db, e.exerciseId, e.id)!);
  const t = standing.tally;
  const detail = {
    endorsement: shortId(e),
    outcome,
    how: closing.how,
    ...(closing.supersededBy ? { supersededBy: shortId(closing.supersededBy) } : {}),
    tally: { endorse: t.endorse, object: t.object, abstain: t.abstain, voted: t.voted, quorum: t.quorum, quorumReached: t.quorumReached },
    votes: standing.votes.map((v) => ({ organisation: v.acronym, choice: v.choice, proxy: v.proxy })),
    notVoted: standing.waiting.map((o) => o.acronym),
  };
  return { outcome, detail };
}

/** One sentence on how it closed, for replies (in English; the result message says it in the reader's language). */
export function howClosed(e: Pick<Endorsement, 'deadlineAt'>, how: ClosedHow, at: string, zone: string, supersededBy?: Endorsement): string {
  return howClosedIn(e, how, at, zone, 'en', supersededBy);
}

/**
 * "closed at its deadline, 2026-11-29 10:00 Europe/Belgrade: endorsed", for a closed request;
 * "closed on 2026-11-22 11:00 Europe/Belgrade as superseded by E3 (version v2)" for a replaced one.
 */
export function closedSentence(db: Db, e: Endorsement, zone: string, language: Language = 'en', reader?: Pick<Person, 'timeZone'> | null): string {
  const by = e.supersededBy ? endorsementById(db, e.exerciseId, e.supersededBy) : undefined;
  const how = howClosedIn(e, e.closedHow!, e.closedAt!, zone, language, by, reader);
  return e.closedHow === 'new-version' && e.outcome === 'superseded'
    ? translate(language, 'endorsement-state.closed', { how })
    : translate(language, 'endorsement-state.closedWith', { how, outcome: outcomeIn(e.outcome!, language) });
}

/** Why the tally gave what it gave, in the group's words (English: replies). */
export function outcomeReason(e: Endorsement, s: Standing, outcome: Outcome): string {
  return outcomeReasonIn(e, s, outcome, 'en');
}

function publishResult(ctx: CommandContext, e: Endorsement, s: Standing, outcome: Outcome, closing: Closing): void {
  const exercise = ctx.requireExercise();
  const zone = exercise.timeZone;
  // What every copy says, in the reader's language and (for times) their own zone beside the exercise's.
  const wordsFor = (language: Language, person: Person | null) => ({
    outcome: outcomeIn(outcome, language),
    how: howClosedIn(e, closing.how, ctx.nowIso, zone, language, closing.supersededBy, person),
    reason: outcomeReasonIn(e, s, outcome, language),
    tally: tallyLine(s.tally, language),
    votes: s.votes.map((v) => ({
      organisation: v.acronym,
      choice: v.choice,
      by: v.proxy ? translate(language, 'endorsement-result.proxyBy', { name: v.castBy.name }) : v.castBy.name,
      at: readerTime(v.castAt, zone, person, language),
      comment: v.comment,
    })),
    notVoted: s.waiting.map((o) => o.acronym).join(', '),
  });
  const ref = refOf(e);
  const channel = messageLanguage('endorsement-result', null, exercise);
  ctx.announce({ kind: 'endorsement-result', ref, group: e.group, view: { ...requestView(e, s.electorate.length, zone, null, channel), ...wordsFor(channel, null), inChannel: true } });
  for (const member of recipientsOf(ctx.db, exercise.id, e.group)) {
    const language = messageLanguage('endorsement-result', member, exercise);
    ctx.deliver({
      kind: 'endorsement-result',
      ref,
      to: member,
      organisationId: member.role === 'focal' ? (member.organisation?.id ?? null) : null,
      view: { ...requestView(e, s.electorate.length, zone, member, language), ...wordsFor(language, member), closedAt: readerTime(ctx.nowIso, zone, member, language) },
    });
  }
}
