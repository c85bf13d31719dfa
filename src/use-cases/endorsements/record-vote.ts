import type { CommandContext } from '../../core/context';
import { castVote, currentVoteOf, type Endorsement } from '../../store/endorsements';
import { refreshChannelPosts } from './channel-tally';
import { activeFocalPoints, type Organisation, type Person } from '../../store/members';
import { isFinal, OUTCOME_TEXT, type Choice } from '../../domain/tally';
import { votingClosed } from '../../domain/endorsement-deadline';
import { formatInZone } from '../../domain/time';
import { messageLanguage, translate } from '../../i18n/catalogue';
import { closedSentence, closeRequest } from './close-request';
import { documentName, refOf, requestView, shortId, standingOf, timeFor } from './request';

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
  if (e.status === 'closed')
    return `${shortId(e)} was ${closedSentence(ctx.db, e, zone)}; votes are no longer taken.`;
  if (votingClosed(new Date(e.deadlineAt), ctx.now))
    return `Voting on ${shortId(e)} closed at its deadline, ${formatInZone(new Date(e.deadlineAt), zone)}; the result is published at the next tick.`;
  return null;
}

/** Why this organisation may not vote on this request, or null. */
export function whyOrganisationCannotVote(e: Endorsement, org: Organisation): string | null {
  if (e.group === 'PMG' && !org.inPmg) return `${shortId(e)} is a PMG request: only the PMG's member organisations vote on it, and ${org.acronym} is in the PWG only.`;
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
      reply: `${org}'s vote on ${shortId(e)} is already ${b.choice}, cast by ${previous.castBy.name} on ${formatInZone(new Date(previous.castAt), zone)}; nothing changed.`,
      detail: { ...base, unchanged: true, vote: previous.id },
    };
  }
  const vote = castVote(ctx.db, {
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
      view: {
        ...requestView(e, standing.electorate.length, zone, fp, language),
        organisation: org,
        choice: b.choice,
        comment: b.comment,
        castBy: `${b.castBy.name} <${b.castBy.email}>`,
        castAt: timeFor(ctx.nowIso, zone, fp, language),
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
    vote: vote.id,
    replaces: previous ? { vote: previous.id, choice: previous.choice, proxy: previous.proxy, castBy: previous.castBy.email } : null,
  };
  const lines = [
    `Recorded: ${org}'s vote on ${shortId(e)} ${documentName(e)} is now ${b.choice}${b.proxy ? ' (proxy)' : ''}${previous ? `, replacing its earlier ${previous.choice} of ${formatInZone(new Date(previous.castAt), zone)}` : ''}.`,
  ];
  if (asksReason) lines.push(`An objection should say why: add the reason with /endorse ${b.proxy ? `proxy ${shortId(e)} ${org}` : `vote ${shortId(e)}`} object <reason>.`);
  lines.push(
    focalPoints.length === 0
      ? `${org} has no focal point, so no receipt could be sent.`
      : `A receipt goes to ${focalPoints.length === 1 ? `${org}'s focal point` : `${org}'s ${focalPoints.length} focal points`}.`,
  );
  if (isFinal(standing.tally)) {
    const closed = closeRequest(ctx, e, { how: 'all-voted' });
    if (closed) {
      detail['closed'] = closed.detail;
      lines.push(`That was the last organisation to vote: ${shortId(e)} is closed, ${OUTCOME_TEXT[standing.tally.outcome]}. The result goes to the ${e.group}.`);
    }
  } else {
    refreshChannelPosts(ctx, e, standing);
    lines.push(`${standing.tally.voted} of ${standing.electorate.length} organisations have voted. ${org} can change its vote until ${formatInZone(new Date(e.deadlineAt), zone)}.`);
  }
  return { reply: lines.join(' '), detail };
}
