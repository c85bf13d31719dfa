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
    const say = ctx.sayFrom('reply-exercise-admin');
    if (shown.length === 0) return accepted(say(mine === null ? 'listNone' : 'listNotMember'));
    const current = shown.length > 1 ? ctx.exercise?.id : undefined;
    const lines = shown.map((e) =>
      say(e.id === current ? 'listLineInUse' : 'listLine', {
        slug: e.slug,
        name: e.name,
        zone: e.timeZone,
        state: e.status === 'dissolved' ? say('listDissolved', { date: e.dissolvedAt?.slice(0, 10) }) : say('listActive'),
      }),
    );
    const hint = shown.length > 1 ? [say('listPick')] : [];
    return accepted([say('listHead', { count: shown.length }), ...lines, ...hint].join('\n'));
  },
});
