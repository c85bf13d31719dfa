import { z } from 'zod';
import { choiceArg } from '../../commands/args';
import { accepted, defineCommand } from '../../commands/registry';
import type { ChatAction } from '../../core/ports';
import { voteButtons } from './buttons';
import type { CommandContext } from '../../core/context';
import { endorsementsOf, type Endorsement } from '../../store/endorsements';
import type { Organisation } from '../../store/members';
import { awaitingResult, documentName, mayRead, openState, shortId, standingOf, type Standing } from './request';
import { outcomeIn } from './result-words';

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
    const say = ctx.sayFrom('reply-list', { exercise: exercise.name });
    if (requests.length === 0) return accepted(say(which === 'all' ? 'noneAll' : which === 'open' ? 'noneOpen' : 'noneClosed'));
    const member = ctx.actor.member;
    const ours = member?.role === 'focal' ? member.organisation : null;
    const actions: ChatAction[] = [];
    const lines = requests.flatMap((e) => {
      const s = standingOf(ctx.db, e);
      const state =
        e.status === 'open'
          ? say('stateOpen', { state: openState(e, zone, ctx.now, ctx.actor.person, ctx.language), voted: s.tally.voted, count: s.electorate.length })
          : say('stateClosed', { at: ctx.when(e.closedAt!), outcome: outcomeIn(e.outcome!, ctx.language) });
      const vote = ours ? ourVote(ctx, e, s, ours) : null;
      if (ours && votesNow(ctx, e, s, ours)) actions.push(...voteButtons(e, { named: true }));
      return [`${shortId(e)} ${e.group} ${documentName(e, ctx.language)}: ${state}`, ...(vote ? [`  ${vote}`] : [])];
    });
    const reply = `${say(which === 'all' ? 'headAll' : which === 'open' ? 'headOpen' : 'headClosed')}\n${lines.join('\n')}`;
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
  const say = ctx.sayFrom('reply-list');
  const v = s.votes.find((x) => x.organisationId === org.id);
  if (v) {
    const at = ctx.when(v.castAt);
    const by = say(v.proxy ? 'byProxy' : 'by', { name: v.castBy.name, at });
    const said = v.comment?.replace(/\s+/g, ' ').trim();
    const comment = said ? say('comment', { comment: said.length > COMMENT_IN_LIST ? `${said.slice(0, COMMENT_IN_LIST - 1).trimEnd()}…` : said }) : '';
    return say('ourVote', { org: org.acronym, choice: v.choice, by, comment });
  }
  if (e.status === 'open' && !awaitingResult(e, ctx.now)) return say('notVotedYet', { org: org.acronym, id: shortId(e) });
  return say('didNotVote', { org: org.acronym });
}
