import { createHash, randomInt } from 'node:crypto';
import { z } from 'zod';
import { emailArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import type { Db } from '../../store/db';
import { exerciseIdsOf, identityOf, personByEmail } from '../../store/members';

export const LINK_CODE_MINUTES = 15;
export const LINK_CODE_ATTEMPTS = 5;
const CODES_PER_HOUR = 3;

export function hashLinkCode(code: string, medium: string, userId: string): string {
  return createHash('sha256').update(`${medium}\u0000${userId}\u0000${code}`).digest('hex');
}

export const PLATFORM_NAMES: Record<string, string> = { slack: 'Slack', discord: 'Discord' };

export const linkChatIdentity = defineCommand({
  path: 'members link',
  params: [{ name: 'email' }],
  schema: z.object({ email: emailArg }),
  summary: 'Link your chat account to your membership: a one-time code is e-mailed to you; then /members verify <code>.',
  access: 'anyone',
  changes: true,
  scope: 'installation',
  run(ctx, args) {
    const chat = ctx.actor.chat;
    if (!chat) return refused('rule', ctx.say('reply-members.linkNotChat'));
    const identity = identityOf(ctx.db, chat.medium, chat.userId);
    const person = personByEmail(ctx.db, args.email);
    if (identity && person && identity.personId === person.id) return refused('rule', ctx.say('reply-members.linkAlready', { email: person.email }));
    const recent = recentCodes(ctx.db, chat.medium, chat.userId, new Date(ctx.now.getTime() - 3600_000).toISOString());
    if (recent >= CODES_PER_HOUR) return refused('rule', ctx.say('reply-members.linkTooMany', { count: CODES_PER_HOUR }));
    const reply = ctx.say('reply-members.linkSent', { email: args.email, count: LINK_CODE_MINUTES });
    // Same answer whether or not the address is known: the bot does not reveal who is a member.
    if (!person || exerciseIdsOf(ctx.db, person.id).length === 0) return accepted(reply, { email: args.email, known: false });
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    ctx.db.prepare(`UPDATE link_codes SET status = 'replaced' WHERE medium = ? AND user_id = ? AND status = 'open'`).run(chat.medium, chat.userId);
    ctx.db
      .prepare('INSERT INTO link_codes (medium, user_id, person_id, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(chat.medium, chat.userId, person.id, hashLinkCode(code, chat.medium, chat.userId), ctx.nowIso,
        new Date(ctx.now.getTime() + LINK_CODE_MINUTES * 60_000).toISOString());
    ctx.deliver({
      kind: 'verification-code',
      ref: `link:${chat.medium}:${chat.userId}`,
      to: person,
      emailOnly: true,
      view: {
        name: person.name,
        email: person.email,
        code,
        minutes: LINK_CODE_MINUTES,
        medium: PLATFORM_NAMES[chat.medium] ?? chat.medium,
        exercise: ctx.exercise?.name ?? 'Convene',
      },
    });
    return { ok: true, reply, audience: 'person', detail: { email: person.email, known: true, medium: chat.medium, userId: chat.userId } };
  },
});

function recentCodes(db: Db, medium: string, userId: string, since: string): number {
  const r = db.prepare('SELECT COUNT(*) AS n FROM link_codes WHERE medium = ? AND user_id = ? AND created_at >= ?').get(medium, userId, since) as { n: number };
  return r.n;
}
