import { z } from 'zod';
import { idArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { voteHistory, type Endorsement } from '../../store/endorsements';
import { meetingById } from '../../store/meetings';
import { meetingLabel } from '../meetings/lookups';
import { activeFocalPoints } from '../../store/members';
import type { CommandContext } from '../../core/context';
import { closedSentence } from './close-request';
import { outcomeIn, outcomeReasonIn } from './result-words';
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
    return accepted(describeEndorsement(ctx, found.value));
  },
});

/** The whole standing of a request at the command's time, in plain lines, in the reader's language and zone. */
export function describeEndorsement(ctx: CommandContext, e: Endorsement): string {
  const { db, now, say, language } = ctx;
  const zone = ctx.requireExercise().timeZone;
  const s = standingOf(db, e);
  // Past the deadline and before the close job ran, voting is closed though the record still says open.
  const votingOver = e.status === 'closed' || awaitingResult(e, now);
  const state = e.status === 'open' ? openState(e, zone, now, ctx.actor.person, language) : closedSentence(db, e, zone, language, ctx.actor.person);
  const lines = [`${shortId(e)} · ${e.group} · ${documentName(e, language)} · ${state}`];
  if (e.link) lines.push(say('reply-status.document', { link: e.link }));
  const meeting = e.meetingId === null ? undefined : meetingById(db, e.meetingId);
  if (meeting) lines.push(say('reply-status.preparedFor', { group: meeting.group, id: meetingLabel(meeting), title: meeting.title, when: ctx.whenLong(meeting.startsAt) }));
  lines.push(say('reply-status.ruleQuorum', { rule: say(`rules.${e.rule}`), quorum: e.quorum, count: s.electorate.length }));
  if (e.urgentReason) lines.push(say('reply-status.urgent', { reason: e.urgentReason }));
  lines.push(say('reply-status.opened', { at: ctx.when(e.openedAt) }));

  const history = voteHistory(db, e.id);
  lines.push('', say('reply-status.votes', { voted: s.tally.voted, count: s.electorate.length }));
  for (const v of s.votes) {
    const earlier = history.filter((h) => h.organisationId === v.organisationId && !h.current).length;
    const by = v.proxy ? say('reply-status.byProxy', { name: v.castBy.name }) : v.castBy.name;
    const comment = v.comment ? say('reply-status.comment', { comment: v.comment }) : v.choice === 'object' ? say('reply-status.noReason') : '';
    const replaces = earlier ? say('reply-status.earlier', { count: earlier }) : '';
    lines.push(say('reply-status.vote', { org: v.acronym, choice: v.choice, by, at: ctx.when(v.castAt), comment, earlier: replaces }));
  }
  if (s.votes.length === 0) lines.push(say('reply-status.noneYet'));
  if (s.waiting.length) {
    const waiting = s.waiting.map((o) => (activeFocalPoints(db, o.id).length === 0 ? say('reply-status.noFocalPoint', { org: o.acronym }) : o.acronym));
    lines.push(say(votingOver ? 'reply-status.didNotVote' : 'reply-status.notVotedYet', { list: waiting.join(', ') }));
  }
  lines.push(say('reply-status.tally', { tally: tallyLine(s.tally, language) }));
  const outcome = e.status === 'open' ? s.tally.outcome : e.outcome!;
  const key = e.status === 'open' ? (votingOver ? 'reply-status.outcomeAtDeadline' : 'reply-status.ifClosedNow') : 'reply-status.outcome';
  lines.push(say(key, { outcome: outcomeIn(outcome, language), reason: outcomeReasonIn(e, s, outcome, language) }));
  return lines.join('\n');
}
