import type { CommandContext } from '../../core/context';
import { activeFocalPoints, organisationsOf } from '../../store/members';
import { addFocalCommand, offersCoordinatorSteps } from '../shared/hints';

/**
 * SPEC 2.2 in `/exercise status`: organisations that have focal points, none of them with a
 * working e-mail (every address bounced). Those with no focal point at all have their own line.
 */
export function bouncedFocalPointsSection(ctx: CommandContext): string[] {
  const exercise = ctx.requireExercise();
  const bounced = organisationsOf(ctx.db, exercise.id, 'PWG').filter((o) => {
    const focal = activeFocalPoints(ctx.db, o.id);
    return focal.length > 0 && focal.every((f) => f.emailStatus === 'bounced');
  });
  if (bounced.length === 0) return [];
  return [
    ctx.say('reply-exercise-status.bounced', { count: bounced.length, list: bounced.map((o) => o.acronym).join(', ') }),
    ...(offersCoordinatorSteps(ctx) ? [ctx.say('reply-exercise-admin.bouncedHint', { command: addFocalCommand(bounced, ctx) })] : []),
  ];
}
