import type { CommandContext } from '../../core/context';
import type { Db } from '../../store/db';
import { endorsementById, currentVotes, type Endorsement, type Vote } from '../../store/endorsements';
import { organisationsOf, type Organisation, type Person } from '../../store/members';
import { tally, type Tally } from '../../domain/tally';
import { votingClosed } from '../../domain/endorsement-deadline';
import type { Language } from '../../domain/vocabulary';
import { translate } from '../../i18n/catalogue';
import { readerTime } from '../../i18n/say';

/** The outbox and jobs name a request this way. */
export const refOf = (e: { id: number }): string => `endorsement:${e.id}`;
export const shortId = (e: { id: number }): string => `E${e.id}`;

export type FoundEndorsement = { ok: true; value: Endorsement } | { ok: false; code: 'not-found' | 'forbidden'; message: string };

/** The request E<id> of the exercise acted on; unless `anyGroup`, only if the acting person may read it. */
export function findEndorsement(ctx: CommandContext, id: number, anyGroup = false): FoundEndorsement {
  const exercise = ctx.requireExercise();
  const e = endorsementById(ctx.db, exercise.id, id);
  if (!e) return { ok: false, code: 'not-found', message: ctx.say('reply-vote.notFound', { id, exercise: exercise.name }) };
  if (!anyGroup && !mayRead(ctx, e)) return { ok: false, code: 'forbidden', message: ctx.say('reply-vote.pmgRecord', { id }) };
  return { ok: true, value: e };
}

/** Focal points read the requests of their groups: a PWG-only organisation does not see PMG requests. */
export function mayRead(ctx: CommandContext, e: Endorsement): boolean {
  const m = ctx.actor.member;
  return e.group === 'PWG' || !m || m.role !== 'focal' || m.organisation?.inPmg === true;
}

/** Where a request stands: the organisations that may vote, their current votes, the tally. */
export interface Standing {
  electorate: Organisation[];
  votes: Vote[];
  waiting: Organisation[];
  tally: Tally;
}

/** Every organisation of the request's group may vote, including one added after it opened. */
export function standingOf(db: Db, e: Endorsement): Standing {
  const electorate = organisationsOf(db, e.exerciseId, e.group);
  const ids = new Set(electorate.map((o) => o.id));
  const votes = currentVotes(db, e.id).filter((v) => ids.has(v.organisationId));
  const voted = new Set(votes.map((v) => v.organisationId));
  return {
    electorate,
    votes,
    waiting: electorate.filter((o) => !voted.has(o.id)),
    tally: tally({ rule: e.rule, quorum: e.quorum, electorate: electorate.length, votes: votes.map((v) => v.choice) }),
  };
}

/** `"Terms of Reference" (version v2)` */
export function documentName(e: Endorsement, language: Language = 'en'): string {
  return translate(language, e.version ? 'common.documentVersion' : 'common.document', { title: e.title, version: e.version });
}

/**
 * Still open in the record, but its deadline has passed: voting is closed and the close job, which
 * publishes the result, has not run yet (it runs at the next tick).
 */
export function awaitingResult(e: Endorsement, now: Date): boolean {
  return e.status === 'open' && votingClosed(new Date(e.deadlineAt), now);
}

/** An open request's state: "open until <deadline>", or "voting closed at <deadline>; the result is published at the next tick". */
export function openState(e: Endorsement, zone: string, now: Date, reader?: Pick<Person, 'timeZone'> | null, language: Language = 'en'): string {
  const deadline = readerTime(e.deadlineAt, zone, reader, language);
  return translate(language, awaitingResult(e, now) ? 'endorsement-state.awaiting' : 'endorsement-state.open', { deadline });
}

export function tallyLine(t: Tally, language: Language = 'en'): string {
  return translate(language, t.quorumReached ? 'tally.reached' : 'tally.notReached', { ...t });
}

/** The fields every endorsement message shows, for the templates. */
export function requestView(e: Endorsement, electorate: number, zone: string, person?: Person | null, language: Language = 'en'): Record<string, unknown> {
  return {
    id: shortId(e),
    group: e.group,
    title: e.title,
    version: e.version,
    link: e.link,
    document: documentName(e, language),
    rule: translate(language, `rules.${e.rule}`),
    quorum: e.quorum,
    organisations: electorate,
    deadline: readerTime(e.deadlineAt, zone, person, language),
    urgent: e.urgentReason,
  };
}
