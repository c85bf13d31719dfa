import { z } from 'zod';
import { languageArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { LANGUAGE_NAMES, LANGUAGES } from '../../domain/vocabulary';
import { setPersonLanguage } from '../../store/members';
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
    if (m.language === args.language) return refused('rule', `${m.email} already reads Convene in ${LANGUAGE_NAMES[args.language]}; nothing changed.`);
    setPersonLanguage(ctx.db, m.id, args.language);
    return accepted(`${m.name} <${m.email}> now receives messages in ${LANGUAGE_NAMES[args.language]}, from the next one on.`, {
      email: m.email,
      from: m.language,
      to: args.language,
    });
  },
});
