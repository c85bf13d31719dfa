import { z } from 'zod';
import { idArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { recipientsOf } from '../../store/members';
import { outcomeIn } from './result-words';
import { votingClosed } from '../../domain/endorsement-deadline';
import { closedSentence, closeRequest } from './close-request';
import { findEndorsement, shortId } from './request';

export const closeEndorsement = defineCommand({
  path: 'endorse close',
  usage: '/endorse close <id> [withdraw]',
  params: [{ name: 'id', lookup: 'endorsement' }],
  flags: ['withdraw'],
  schema: z.object({ id: idArg('E', 'request'), withdraw: z.boolean() }),
  summary: 'Close an endorsement request now; its result, with every organisation\'s vote, goes to the group.',
  details: [
    'The outcome is the tally at that moment. With "withdraw" the request is closed as withdrawn instead (opened by mistake, or the document is pulled): the votes stay on record and decide nothing.',
    'Requests also close by themselves at their deadline, and as soon as every organisation of the group has voted.',
  ].join('\n'),
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const found = findEndorsement(ctx, args.id);
    if (!found.ok) return refused(found.code, found.message);
    const e = found.value;
    const zone = ctx.requireExercise().timeZone;
    if (e.status === 'closed') return refused('rule', ctx.say('reply-endorse-admin.alreadyClosed', { id: shortId(e), closed: closedSentence(ctx.db, e, zone, ctx.language, ctx.actor.person) }));
    // Past the deadline the scheduler has simply not run yet: the request closed at its deadline.
    const how = votingClosed(new Date(e.deadlineAt), ctx.now) ? 'deadline' : 'coordinator';
    const closed = closeRequest(ctx, e, { how, ...(args.withdraw ? { outcome: 'withdrawn' as const } : {}) })!;
    const members = recipientsOf(ctx.db, e.exerciseId, e.group).length;
    return accepted(ctx.say('reply-endorse-admin.closed', { id: shortId(e), outcome: outcomeIn(closed.outcome, ctx.language), group: e.group, count: members }), closed.detail);
  },
});
