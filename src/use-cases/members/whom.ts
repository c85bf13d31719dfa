import { z } from 'zod';
import { emailArg } from '../../commands/args';
import type { CommandContext } from '../../core/context';
import { membershipOf, personByEmail, type Member } from '../../store/members';

/** `me`, or a member's e-mail address. */
export const whomArg = z.union([z.string().refine((s) => s.trim().toLowerCase() === 'me').transform(() => 'me' as const), emailArg]);

/**
 * The member a personal setting is about: `me` is the acting member; anyone else's setting is
 * the coordinator's to change. A refusal is the sentence to say.
 */
export function settingTarget(ctx: CommandContext, whom: string, setting: 'language' | 'zone'): { ok: true; member: Member } | { ok: false; code: 'not-found' | 'forbidden'; message: string } {
  const exercise = ctx.requireExercise();
  const self = ctx.actor.member;
  const which = setting === 'language' ? 'Language' : 'Zone';
  if (whom === 'me' || whom === self?.email) {
    if (!self) return { ok: false, code: 'not-found', message: ctx.say(`reply-members.notMember${which}`, { exercise: exercise.name }) };
    return { ok: true, member: self };
  }
  if (self?.role !== 'coordinator') return { ok: false, code: 'forbidden', message: ctx.say(`reply-members.others${which}`) };
  const person = personByEmail(ctx.db, whom);
  const member = person ? membershipOf(ctx.db, exercise.id, person.id) : undefined;
  if (!member || !member.active) return { ok: false, code: 'not-found', message: ctx.say('reply-members.notAMember', { whom, exercise: exercise.name }) };
  return { ok: true, member };
}
