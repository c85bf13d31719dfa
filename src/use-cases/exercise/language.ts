import { z } from 'zod';
import { languageArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { LANGUAGES, type Language } from '../../domain/vocabulary';
import { translate } from '../../i18n/catalogue';
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
    const say = (key: string, language: Language) =>
      translate(language, `reply-exercise-admin.${key}`, { exercise: exercise.name, language: translate(language, `reply-members.languages.${args.language}`) });
    if (exercise.language === args.language) return refused('rule', say('languageAlready', ctx.language));
    setExerciseLanguage(ctx.db, exercise.id, args.language);
    // A coordinator who chose no language of their own reads the exercise's: from this reply on, the new one.
    return accepted(say('languageSet', ctx.actor.person?.language ?? args.language), {
      from: exercise.language,
      to: args.language,
    });
  },
});
