import { messageLanguage, translate } from '../../i18n/catalogue';
import type { CommandContext } from '../../core/context';
import { groupAddressee } from '../../i18n/say';
import type { Endorsement } from '../../store/endorsements';
import { channelPostsOf, enqueue } from '../../store/outbox';
import { IN_PLACE_UPDATE } from '../../store/outbox-claim';
import { voteButtons } from './buttons';
import { refOf, requestView, standingOf, tallyLine, type Standing } from './request';

/**
 * Keeps the request's posts in the group's chat channels current: after each vote, each post that
 * the platform accepted is updated in place (`replaces` its provider id) with the tally by
 * organisation, never by person. A closed request keeps its final tally and loses its buttons.
 * `known`: the standing the caller has just computed after the change, if any.
 */
export function refreshChannelPosts(ctx: CommandContext, e: Endorsement, known?: Standing): number {
  const posts = channelPostsOf(ctx.db, refOf(e), 'endorsement-request');
  if (posts.length === 0) return 0;
  const exercise = ctx.requireExercise();
  const standing = known ?? standingOf(ctx.db, e);
  const language = messageLanguage('endorsement-request', null, exercise);
  // Rendered when the sender claims it (src/render/deferred.ts), not in the vote's transaction.
  const says = { template: 'endorsement-request', language, html: false, view: {
    exercise: exercise.name,
    ...requestView(e, standing.electorate.length, exercise.timeZone, null, language),
    inChannel: e.status === 'open',
    closedNow: e.status === 'closed',
    recipientName: groupAddressee(language, e.group),
    tally: tallyLine(standing.tally, language),
    votedOrgs: standing.votes.map((v) => (v.proxy ? translate(language, 'tally.proxy', { acronym: v.acronym, choice: v.choice }) : `${v.acronym}: ${v.choice}`)),
    waitingOrgs: standing.waiting.map((o) => o.acronym).join(', '),
  } };
  for (const post of posts) {
    enqueue(
      ctx.db,
      {
        exerciseId: exercise.id,
        kind: IN_PLACE_UPDATE,
        ref: refOf(e),
        medium: post.medium,
        address: post.address,
        payload: {
          deferred: says,
          replaces: post.providerId,
          ...(e.status === 'open' ? { actions: voteButtons(e) } : {}),
        },
      },
      ctx.nowIso,
    );
  }
  return posts.length;
}
