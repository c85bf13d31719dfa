import { z } from 'zod';
import { languageArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { LANGUAGE_NAMES, LANGUAGES } from '../../domain/vocabulary';
import { setExerciseLanguage } from '../../store/exercises';

export const setExerciseLanguageCommand = defineCommand({
  path: 'exercise language',
  params: [{ name: 'language', choices: LANGUAGES }],
  schema: z.object({ language: languageArg }),
  summary: "Set the exercise's default language: for members who chose none, and for the groups' chat channels.",
  details: 'A member chooses their own with /members language me <language>.',
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    if (exercise.language === args.language) return refused('rule', `${exercise.name} already speaks ${LANGUAGE_NAMES[args.language]} by default; nothing changed.`);
    setExerciseLanguage(ctx.db, exercise.id, args.language);
    return accepted(`${exercise.name} now speaks ${LANGUAGE_NAMES[args.language]} to members who chose no language, and in its group channels.`, {
      from: exercise.language,
      to: args.language,
    });
  },
});
