import type { CommandContext } from '../../core/context';
import { DOCUMENT_KINDS, endorsementsOf, type Endorsement } from '../../store/endorsements';
import { outcomeIn } from './result-words';
import { documentName, mayRead, openState, shortId, standingOf } from './request';
import { commandIn, offersCoordinatorSteps } from '../shared/hints';

/** The documents the TOR asks the group to endorse, each with its key meeting: `reply-exercise-status.documents` in the catalogue. */
const say = (ctx: CommandContext, key: string, values: Record<string, unknown> = {}) => ctx.say(`reply-exercise-status.${key}`, values);

function state(ctx: CommandContext, e: Endorsement): string {
  const zone = ctx.requireExercise().timeZone;
  const name = `${shortId(e)} ${e.group} ${documentName(e, ctx.language)}`;
  if (e.status === 'closed') return say(ctx, 'requestClosed', { name, outcome: outcomeIn(e.outcome!, ctx.language), at: ctx.when(e.closedAt!) });
  const s = standingOf(ctx.db, e);
  return say(ctx, 'requestOpen', { name, state: openState(e, zone, ctx.now, ctx.actor.person, ctx.language), voted: s.tally.voted, count: s.electorate.length });
}

/** `/exercise status`: for each document of the key meetings, whether the group endorsed it (the latest request decides). */
export function endorsementsSection(ctx: CommandContext): string[] {
  const exercise = ctx.requireExercise();
  const all = endorsementsOf(ctx.db, exercise.id, 'all').filter((e) => mayRead(ctx, e));
  const lines = [say(ctx, 'endorsementsHead')];
  for (const kind of DOCUMENT_KINDS) {
    const latest = all.find((e) => e.document === kind);
    const hint = offersCoordinatorSteps(ctx) ? ` ${commandIn(ctx, `/endorse open PWG <title> document:${kind}`)}` : '';
    lines.push(say(ctx, 'document', { document: say(ctx, `documents.${kind}`), state: latest ? state(ctx, latest) : say(ctx, 'notSought', { hint }) }));
  }
  const other = all.filter((e) => e.document === null && e.status === 'open');
  if (other.length) lines.push(say(ctx, 'otherOpen', { list: other.map((e) => state(ctx, e)).join('; ') }));
  return lines;
}
