import { z } from 'zod';
import { accepted, defineCommand } from '../../commands/registry';
import { listExercises } from '../../store/exercises';
import { exerciseIdsOf } from '../../store/members';

export const listExercisesCommand = defineCommand({
  path: 'exercise list',
  params: [],
  schema: z.object({}),
  summary: 'The exercises set up here, with their slugs: pick one with --exercise <slug>, or /exercise use <slug> in the console.',
  access: 'anyone',
  changes: false,
  scope: 'installation',
  run(ctx) {
    // Whoever runs the bot (terminal, CLI) sees every exercise; a chat user sees those they belong to.
    const mine = ctx.actor.chat ? (ctx.actor.person ? exerciseIdsOf(ctx.db, ctx.actor.person.id) : []) : null;
    const shown = listExercises(ctx.db).filter((e) => mine === null || mine.includes(e.id));
    if (shown.length === 0) return accepted(mine === null ? 'No exercise is set up yet.' : 'You are not a member of any exercise here. To link your chat account: /members link <your e-mail>.');
    const current = shown.length > 1 ? ctx.exercise?.id : undefined;
    const lines = shown.map(
      (e) => `- ${e.slug}: ${e.name}, ${e.timeZone}, ${e.status === 'dissolved' ? `dissolved on ${e.dissolvedAt?.slice(0, 10)}` : 'active'}${e.id === current ? ' (in use here)' : ''}`,
    );
    const hint = shown.length > 1 ? ['Pick one with --exercise <slug>, or in the console with /exercise use <slug>.'] : [];
    return accepted([`${shown.length === 1 ? '1 exercise' : `${shown.length} exercises`}:`, ...lines, ...hint].join('\n'));
  },
});
