import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { refuse } from '../../commands/args';
import { languageOf, translate } from '../../i18n/catalogue';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { linkIdentity, personById } from '../../store/members';
import { LINK_CODE_ATTEMPTS, hashLinkCode } from './link';

interface CodeRow { id: number; person_id: number; code_hash: string; expires_at: string; attempts: number }

export const verifyChatIdentity = defineCommand({
  path: 'members verify',
  params: [{ name: 'code' }],
  schema: z.object({
    code: z.string().superRefine((s, ctx) => {
      if (!/^\d{6}$/.test(s)) refuse(ctx, 'The code is the 6 digits from the e-mail, e.g. /members verify 042917.', 'args.code');
    }),
  }),
  summary: 'Finish linking your chat account with the code from the e-mail.',
  access: 'anyone',
  changes: true,
  scope: 'installation',
  run(ctx, args) {
    const chat = ctx.actor.chat;
    if (!chat) return refused('rule', ctx.say('reply-members.verifyNotChat'));
    const row = ctx.db
      .prepare(`SELECT * FROM link_codes WHERE medium = ? AND user_id = ? AND status = 'open' ORDER BY id DESC LIMIT 1`)
      .get(chat.medium, chat.userId) as CodeRow | undefined;
    if (!row) return refused('not-found', ctx.say('reply-members.verifyNoCode'));
    if (row.expires_at <= ctx.nowIso) {
      ctx.db.prepare(`UPDATE link_codes SET status = 'expired' WHERE id = ?`).run(row.id);
      return { ok: false, code: 'rule', message: ctx.say('reply-members.verifyExpired'), commit: true };
    }
    const given = Buffer.from(hashLinkCode(args.code, chat.medium, chat.userId), 'hex');
    if (!timingSafeEqual(given, Buffer.from(row.code_hash, 'hex'))) {
      const attempts = row.attempts + 1;
      const left = LINK_CODE_ATTEMPTS - attempts;
      ctx.db.prepare(`UPDATE link_codes SET attempts = ?, status = ? WHERE id = ?`).run(attempts, left <= 0 ? 'exhausted' : 'open', row.id);
      const message = left <= 0 ? ctx.say('reply-members.verifyLastTry') : ctx.say('reply-members.verifyWrong', { count: left });
      return { ok: false, code: 'rule', message, commit: true };
    }
    const person = personById(ctx.db, row.person_id);
    if (!person) return refused('not-found', ctx.say('reply-members.verifyGone'));
    ctx.db.prepare(`UPDATE link_codes SET status = 'used' WHERE id = ?`).run(row.id);
    linkIdentity(ctx.db, { medium: chat.medium, userId: chat.userId, personId: person.id, at: ctx.nowIso, by: 'e-mailed code' });
    // The account is now this person's: the confirmation is the first reply in their language.
    const linked = translate(languageOf(person, ctx.exercise), 'reply-members.linked', { name: person.name, email: person.email });
    return accepted(linked, { email: person.email, medium: chat.medium, userId: chat.userId });
  },
});
