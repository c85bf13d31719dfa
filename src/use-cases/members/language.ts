import { z } from 'zod';
import { languageArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { LANGUAGE_NAMES, LANGUAGES } from '../../domain/vocabulary';
import { setPersonLanguage } from '../../store/members';
import { translate } from '../../i18n/catalogue';
import { settingTarget, whomArg } from './whom';

export const setMemberLanguage = defineCommand({
  path: 'members language',
  params: [{ name: 'email', hint: 'email or me' }, { name: 'language', choices: LANGUAGES }],
  schema: z.object({ email: whomArg, language: languageArg }),
  summary: "Set the language a member's messages are written in: me for your own, or (coordinator) a member's e-mail.",
  details: `Languages: ${LANGUAGES.map((l) => `${l} (${LANGUAGE_NAMES[l]})`).join(', ')}. The next message they receive is in it; messages already sent stay as they were. Command words stay the same in every language.`,
  access: 'member',
  changes: true,
  run(ctx, args) {
    const target = settingTarget(ctx, args.email, 'language');
    if (!target.ok) return refused(target.code, target.message);
    const m = target.member;
    if (m.language === args.language) return refused('rule', ctx.say('reply-members.languageAlready', { email: m.email, language: ctx.say(`reply-members.languages.${args.language}`) }));
    setPersonLanguage(ctx.db, m.id, args.language);
    // Said in the language just chosen when it is the actor's own: the first words they read in it.
    const language = m.id === ctx.actor.person?.id ? args.language : ctx.language;
    const reply = translate(language, 'reply-members.languageSet', { name: m.name, email: m.email, language: translate(language, `reply-members.languages.${args.language}`) });
    return accepted(reply, {
      email: m.email,
      from: m.language,
      to: args.language,
    });
  },
});
