import { z } from 'zod';
import { idArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { voteHistory, type Endorsement } from '../../store/endorsements';
import { meetingById } from '../../store/meetings';
import { describeMeeting } from '../meetings/lookups';
import { activeFocalPoints } from '../../store/members';
import type { Db } from '../../store/db';
import { OUTCOME_TEXT, RULE_TEXT } from '../../domain/tally';
import { formatInZone } from '../../domain/time';
import { closedSentence, outcomeReason } from './close-request';
import { awaitingResult, documentName, findEndorsement, openState, shortId, standingOf, tallyLine } from './request';

export const endorsementStatus = defineCommand({
  path: 'endorse status',
  params: [{ name: 'id', lookup: 'endorsement' }],
  schema: z.object({ id: idArg('E', 'request') }),
  summary: 'Show a request: each organisation\'s vote (by whom, when, comment, proxy), who has not voted, the quorum, and the outcome if it closed now.',
  access: 'member',
  changes: false,
  run(ctx, args) {
    const found = findEndorsement(ctx, args.id);
    if (!found.ok) return refused(found.code, found.message);
    return accepted(describeEndorsement(ctx.db, found.value, ctx.requireExercise().timeZone, ctx.now, ctx.actor.person));
  },
});

/** The whole standing of a request at `now`, in plain lines. */
export function describeEndorsement(db: Db, e: Endorsement, zone: string, now: Date, reader?: { timeZone: string | null } | null): string {
  const s = standingOf(db, e);
  // Past the deadline and before the close job ran, voting is closed though the record still says open.
  const votingOver = e.status === 'closed' || awaitingResult(e, now);
  const state = e.status === 'open' ? openState(e, zone, now, reader) : closedSentence(db, e, zone);
  const lines = [`${shortId(e)} · ${e.group} · ${documentName(e)} · ${state}`];
  if (e.link) lines.push(`Document: ${e.link}`);
  const meeting = e.meetingId === null ? undefined : meetingById(db, e.meetingId);
  if (meeting) lines.push(`Prepared for ${describeMeeting(meeting, zone)}.`);
  lines.push(`Rule: ${RULE_TEXT[e.rule]}. Quorum: ${e.quorum} of ${s.electorate.length} organisations.`);
  if (e.urgentReason) lines.push(`Urgent: ${e.urgentReason}`);
  lines.push(`Opened ${formatInZone(new Date(e.openedAt), zone)}.`);

  const history = voteHistory(db, e.id);
  lines.push('', `Votes (${s.tally.voted} of ${s.electorate.length} organisations):`);
  for (const v of s.votes) {
    const earlier = history.filter((h) => h.organisationId === v.organisationId && !h.current).length;
    const by = v.proxy ? `${v.castBy.name}, by proxy` : v.castBy.name;
    const comment = v.comment ? `: "${v.comment}"` : v.choice === 'object' ? ' (no reason given yet)' : '';
    lines.push(`- ${v.acronym}: ${v.choice} (${by}, ${formatInZone(new Date(v.castAt), zone)})${comment}${earlier ? `; replaces ${earlier} earlier vote${earlier === 1 ? '' : 's'}` : ''}`);
  }
  if (s.votes.length === 0) lines.push('- none yet');
  if (s.waiting.length) {
    const waiting = s.waiting.map((o) => (activeFocalPoints(db, o.id).length === 0 ? `${o.acronym} (no focal point)` : o.acronym));
    lines.push(`${votingOver ? 'Did not vote' : 'Not voted yet'}: ${waiting.join(', ')}.`);
  }
  lines.push(`Tally: ${tallyLine(s.tally)}.`);
  if (e.status === 'open' && votingOver) lines.push(`Outcome at its deadline: ${OUTCOME_TEXT[s.tally.outcome]}. ${outcomeReason(e, s, s.tally.outcome)}`);
  else if (e.status === 'open') lines.push(`If it closed now: ${OUTCOME_TEXT[s.tally.outcome]}. ${outcomeReason(e, s, s.tally.outcome)}`);
  else lines.push(`Outcome: ${OUTCOME_TEXT[e.outcome!]}. ${outcomeReason(e, s, e.outcome!)}`);
  return lines.join('\n');
}
