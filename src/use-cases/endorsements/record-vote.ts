import type { CommandContext } from '../../core/context';
import { castVote, currentVoteOf, type Endorsement } from '../../store/endorsements';
import { refreshChannelPosts } from './channel-tally';
import { activeFocalPoints, type Organisation, type Person } from '../../store/members';
import { isFinal, type Choice } from '../../domain/tally';
import { readerTime, sayIn, type Say } from '../../i18n/say';
import { votingClosed } from '../../domain/endorsement-deadline';
import { formatInZone } from '../../domain/time';
import { messageLanguage, translate } from '../../i18n/catalogue';
import { closedSentence, closeRequest } from './close-request';
import { outcomeIn } from './result-words';
import { documentName, refOf, requestView, shortId, standingOf } from './request';

export interface Ballot {
  endorsement: Endorsement;
  organisation: Organisation;
  choice: Choice;
  comment: string | null;
  /** The person who cast it: a focal point of the organisation, or the coordinator for a proxy. */
  castBy: Person;
  proxy: boolean;
}

/** Why no vote can be taken on this request now, or null. Checked again at every vote. */
export function whyVotingIsClosed(ctx: CommandContext, e: Endorsement): string | null {
  const zone = ctx.requireExercise().timeZone;
  if (e.status === 'closed') return ctx.say('reply-vote.closed', { id: shortId(e), closed: closedSentence(ctx.db, e, zone, ctx.language, ctx.actor.person) });
  if (votingClosed(new Date(e.deadlineAt), ctx.now)) return ctx.say('reply-vote.deadlinePassed', { id: shortId(e), deadline: ctx.when(e.deadlineAt) });
  return null;
}

/** Why this organisation may not vote on this request, or null. */
export function whyOrganisationCannotVote(e: Endorsement, org: Organisation, say: Say = sayIn('en')): string | null {
  if (e.group === 'PMG' && !org.inPmg) return say('reply-vote.pmgOnly', { id: shortId(e), org: org.acronym });
  return null;
}

/**
 * Records the organisation's vote (replacing its earlier one, which stays in the history), sends a
 * receipt to every focal point of the organisation, and closes the request when that was the last
 * organisation to vote. Returns the reply and the audit detail, from which the tally can be recomputed.
 */
export function recordVote(ctx: CommandContext, b: Ballot): { reply: string; detail: Record<string, unknown> } {
  const exercise = ctx.requireExercise();
  const e = b.endorsement;
  const zone = exercise.timeZone;
  const org = b.organisation.acronym;
  const previous = currentVoteOf(ctx.db, e.id, b.organisation.id);
  const base = { endorsement: shortId(e), organisation: org, choice: b.choice, comment: b.comment, proxy: b.proxy, castBy: b.castBy.email };
  if (previous && previous.choice === b.choice && previous.comment === b.comment && previous.proxy === b.proxy) {
    return {
      reply: ctx.say('reply-vote.unchanged', { org, id: shortId(e), choice: b.choice, name: previous.castBy.name, at: ctx.when(previous.castAt) }),
      detail: { ...base, unchanged: true, vote: previous.id },
    };
  }
  const voteId = castVote(ctx.db, {
    endorsementId: e.id, organisationId: b.organisation.id, choice: b.choice, comment: b.comment, castByPersonId: b.castBy.id, proxy: b.proxy, at: ctx.nowIso,
  });
  const asksReason = b.choice === 'object' && !b.comment;
  const focalPoints = activeFocalPoints(ctx.db, b.organisation.id);
  const standing = standingOf(ctx.db, e);
  for (const fp of focalPoints) {
    const language = messageLanguage('endorsement-receipt', fp, exercise);
    ctx.deliver({
      kind: 'endorsement-receipt',
      ref: refOf(e),
      to: fp,
      organisationId: b.organisation.id,
      renderWhenSent: true,
      view: {
        ...requestView(e, standing.electorate.length, zone, fp, language),
        organisation: org,
        choice: b.choice,
        comment: b.comment,
        castBy: `${b.castBy.name} <${b.castBy.email}>`,
        castAt: readerTime(ctx.nowIso, zone, fp, language),
        proxy: b.proxy,
        previous: previous
          ? translate(language, previous.proxy ? 'votes.previousProxy' : 'votes.previous', { choice: previous.choice, name: previous.castBy.name, at: formatInZone(new Date(previous.castAt), zone) })
          : null,
        asksReason,
        youCastIt: fp.id === b.castBy.id,
      },
    });
  }
  const detail: Record<string, unknown> = {
    ...base,
    vote: voteId,
    replaces: previous ? { vote: previous.id, choice: previous.choice, proxy: previous.proxy, castBy: previous.castBy.email } : null,
  };
  // The reply is the actor's, in their language (ctx.say); the receipts above are each reader's.
  const say = ctx.say;
  const recorded = `reply-vote.recorded${b.proxy ? 'Proxy' : ''}${previous ? 'Replacing' : ''}`;
  const lines = [
    say(recorded, { org, id: shortId(e), document: documentName(e, ctx.language), choice: b.choice, previous: previous?.choice, at: previous ? ctx.when(previous.castAt) : undefined }),
  ];
  if (asksReason) lines.push(say('reply-vote.asksReason', { command: `/endorse ${b.proxy ? `proxy ${shortId(e)} ${org}` : `vote ${shortId(e)}`}` }));
  lines.push(focalPoints.length === 0 ? say('reply-vote.noFocalPoint', { org }) : say('reply-vote.receipt', { org, count: focalPoints.length }));
  if (isFinal(standing.tally)) {
    const closed = closeRequest(ctx, e, { how: 'all-voted' });
    if (closed) {
      detail['closed'] = closed.detail;
      lines.push(say('reply-vote.lastVote', { id: shortId(e), outcome: outcomeIn(standing.tally.outcome, ctx.language), group: e.group }));
    }
  } else {
    refreshChannelPosts(ctx, e, standing);
    lines.push(say('reply-vote.votedSoFar', { voted: standing.tally.voted, count: standing.electorate.length, org, deadline: ctx.when(e.deadlineAt) }));
  }
  return { reply: lines.join(' '), detail };
}
