import { z } from 'zod';
import { choiceArg } from '../../commands/args';
import { accepted, defineCommand } from '../../commands/registry';
import type { ChatAction } from '../../core/ports';
import { voteButtons } from './buttons';
import type { CommandContext } from '../../core/context';
import { endorsementsOf, type Endorsement } from '../../store/endorsements';
import type { Organisation } from '../../store/members';
import { OUTCOME_TEXT } from '../../domain/tally';
import { formatInZone } from '../../domain/time';
import { awaitingResult, documentName, mayRead, openState, shortId, standingOf, timeFor, type Standing } from './request';

/** A comment longer than this is cut in the list; /endorse status shows it whole. */
const COMMENT_IN_LIST = 140;

export const listEndorsements = defineCommand({
  path: 'endorse list',
  params: [{ name: 'which', choices: ['open', 'closed', 'all'], optional: true }],
  schema: z.object({ which: choiceArg('list', ['open', 'closed', 'all'] as const).optional() }),
  summary: 'List endorsement requests: open ones by default, newest first.',
  details: "A focal point sees, under each request, their organisation's current vote (by whom and when), or how to cast it.",
  access: 'member',
  changes: false,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const zone = exercise.timeZone;
    const which = args.which ?? 'open';
    const requests = endorsementsOf(ctx.db, exercise.id, which).filter((e) => mayRead(ctx, e));
    if (requests.length === 0)
      return accepted(which === 'all' ? `No endorsement has been sought in ${exercise.name} yet.` : `No ${which} endorsement requests in ${exercise.name}. /endorse list all shows every request.`);
    const member = ctx.actor.member;
    const ours = member?.role === 'focal' ? member.organisation : null;
    const actions: ChatAction[] = [];
    const lines = requests.flatMap((e) => {
      const s = standingOf(ctx.db, e);
      const state =
        e.status === 'open'
          ? `${openState(e, zone, ctx.now)}; ${s.tally.voted} of ${s.electorate.length} voted`
          : `closed ${formatInZone(new Date(e.closedAt!), zone)}: ${OUTCOME_TEXT[e.outcome!]}`;
      const vote = ours ? ourVote(ctx, e, s, ours) : null;
      if (ours && votesNow(ctx, e, s, ours)) actions.push(...voteButtons(e, { named: true }));
      return [`${shortId(e)} ${e.group} ${documentName(e)}: ${state}`, ...(vote ? [`  ${vote}`] : [])];
    });
    const reply = `${which === 'all' ? 'Endorsement requests' : `${which[0]!.toUpperCase()}${which.slice(1)} endorsement requests`} in ${exercise.name}:\n${lines.join('\n')}`;
    return { ok: true, reply, actions };
  },
});

/** Whether the organisation can vote on the request now (it is in the group, and voting is open): it gets the buttons. */
function votesNow(ctx: CommandContext, e: Endorsement, s: Standing, org: Organisation): boolean {
  return e.status === 'open' && !awaitingResult(e, ctx.now) && s.electorate.some((o) => o.id === org.id) && ctx.exercise?.status !== 'dissolved';
}

/**
 * The acting focal point's organisation's vote on the request: "MCR: object, cast by Besa Gashi on
 * …", or how to cast it while voting is open. Null when the organisation does not vote on it.
 */
function ourVote(ctx: CommandContext, e: Endorsement, s: Standing, org: Organisation): string | null {
  if (!s.electorate.some((o) => o.id === org.id)) return null;
  const zone = ctx.requireExercise().timeZone;
  const v = s.votes.find((x) => x.organisationId === org.id);
  if (v) {
    const at = timeFor(v.castAt, zone, ctx.actor.person);
    const by = v.proxy ? `recorded by ${v.castBy.name} as a proxy on ${at}` : `cast by ${v.castBy.name} on ${at}`;
    const said = v.comment?.replace(/\s+/g, ' ').trim();
    const comment = said ? `: "${said.length > COMMENT_IN_LIST ? `${said.slice(0, COMMENT_IN_LIST - 1).trimEnd()}…` : said}"` : '';
    return `${org.acronym}: ${v.choice}, ${by}${comment}`;
  }
  if (e.status === 'open' && !awaitingResult(e, ctx.now)) return `${org.acronym} has not voted yet — /endorse vote ${shortId(e)} endorse|object|abstain`;
  return `${org.acronym} did not vote.`;
}
