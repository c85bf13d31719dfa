import { z } from 'zod';
import { choiceArg, freeText, idArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { CHOICES } from '../../domain/tally';
import { recordVote, whyOrganisationCannotVote, whyVotingIsClosed } from './record-vote';
import { findEndorsement } from './request';

export const castVoteCommand = defineCommand({
  path: 'endorse vote',
  params: [{ name: 'id', lookup: 'endorsement' }, { name: 'choice', choices: CHOICES }, { name: 'comment', rest: true, optional: true }],
  schema: z.object({ id: idArg('E', 'request'), choice: choiceArg('choice', CHOICES), comment: freeText('comment', 1000).optional() }),
  summary: "Cast your organisation's vote on an endorsement request: endorse, object or abstain, with an optional comment.",
  details: [
    'Example: /endorse vote E3 object The sampling section needs the Serbian Commissariat\'s figures.',
    "The vote counts for your organisation: any of its focal points may cast it, and a later vote from any of them replaces it until the request closes (every vote stays on record). An objection should say why. A receipt goes to you and your organisation's other focal points.",
    'Voting closes at the deadline: a vote in the deadline minute or later is refused. The request also closes as soon as the last organisation of the group has voted, and then no vote can change: withdraw an objection before that. In Slack and Discord the buttons under the request do the same.',
  ].join('\n'),
  access: 'focal',
  changes: true,
  run(ctx, args) {
    const found = findEndorsement(ctx, args.id, true);
    if (!found.ok) return refused(found.code, found.message);
    const e = found.value;
    // The core has checked that the verified person is an active focal point, so both are there.
    const person = ctx.actor.person!;
    const organisation = ctx.actor.member!.organisation!;
    const ineligible = whyOrganisationCannotVote(e, organisation, ctx.say);
    if (ineligible) return refused('forbidden', ineligible);
    const closed = whyVotingIsClosed(ctx, e);
    if (closed) return refused('rule', closed);
    const r = recordVote(ctx, { endorsement: e, organisation, choice: args.choice, comment: args.comment ?? null, castBy: person, proxy: false });
    return accepted(r.reply, r.detail);
  },
});
