import { z } from 'zod';
import { acronymArg, choiceArg, freeText, idArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { CHOICES } from '../../domain/tally';
import { findOrganisation } from '../shared/lookups';
import { recordVote, whyOrganisationCannotVote, whyVotingIsClosed } from './record-vote';
import { findEndorsement } from './request';

export const castProxyVote = defineCommand({
  path: 'endorse proxy',
  params: [{ name: 'id', lookup: 'endorsement' }, { name: 'org' }, { name: 'choice', choices: CHOICES }, { name: 'comment', rest: true, optional: true }],
  schema: z.object({ id: idArg('E', 'request'), org: acronymArg, choice: choiceArg('choice', CHOICES), comment: freeText('comment', 1000).optional() }),
  summary: 'Record a vote an organisation gave by phone or in a meeting, when its focal point cannot reach chat.',
  details: [
    'Example: /endorse proxy E3 SCR endorse given by phone by Milica Jovanovic on 2026-11-24',
    "It is marked as a proxy in the result and the audit log, and a receipt goes to the organisation's focal points. The organisation can still change it itself with /endorse vote until the request closes.",
  ].join('\n'),
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const found = findEndorsement(ctx, args.id);
    if (!found.ok) return refused(found.code, found.message);
    const e = found.value;
    const org = findOrganisation(ctx, args.org);
    if (!org.ok) return refused('not-found', org.message);
    const ineligible = whyOrganisationCannotVote(e, org.value, ctx.say);
    if (ineligible) return refused('rule', ineligible);
    const closed = whyVotingIsClosed(ctx, e);
    if (closed) return refused('rule', closed);
    const r = recordVote(ctx, { endorsement: e, organisation: org.value, choice: args.choice, comment: args.comment ?? null, castBy: ctx.actor.person!, proxy: true });
    return accepted(r.reply, r.detail);
  },
});
