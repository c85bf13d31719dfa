import { z } from 'zod';
import { choiceArg, emailArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { activeFocalPoints, coordinators, membershipOf, personByEmail, setRole } from '../../store/members';
import { catchUpNewMember } from '../meetings/plan';

export const setMemberRole = defineCommand({
  path: 'members role',
  params: [{ name: 'email' }, { name: 'role', choices: ['coordinator', 'observer', 'focal'] }],
  schema: z.object({ email: emailArg, role: choiceArg('role', ['coordinator', 'observer', 'focal'] as const) }),
  summary: "Change a member's role. A focal point keeps their organisation; a new focal point is added with /members add-focal.",
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const person = personByEmail(ctx.db, args.email);
    const member = person ? membershipOf(ctx.db, exercise.id, person.id) : undefined;
    if (!member || !member.active) return refused('not-found', `${args.email} is not a member of ${exercise.name}. See /members list.`);
    if (member.role === args.role) return refused('rule', `${member.email} is already ${article(args.role)}.`);
    if (member.role === 'coordinator' && coordinators(ctx.db, exercise.id).length === 1)
      return refused('rule', `${member.email} is the only coordinator; name another coordinator first, so the group is never without one.`);
    if (args.role === 'focal' && !member.organisation)
      return refused('rule', `${member.email} has no organisation to speak for. Use /members add-focal <acronym> ${member.email} <name> instead.`);
    // A coordinator or observer keeps the organisation on record (the coordinator is hosted by UNHCR),
    // so a later switch back to focal point restores it.
    setRole(ctx.db, member.membershipId, args.role, member.organisation?.id ?? null);
    catchUpNewMember(ctx);
    const org = args.role === 'focal' ? ` of ${member.organisation?.acronym}` : '';
    // Rule 2.2: an organisation left without a focal point is said, never silent.
    const left = member.role === 'focal' && member.organisation ? activeFocalPoints(ctx.db, member.organisation.id).length : 1;
    const warning =
      left === 0 && member.organisation
        ? ` ${member.organisation.acronym} now has no focal point: it cannot receive notices or vote until you add one (/members add-focal ${member.organisation.acronym} <email> <name>).`
        : '';
    return accepted(`${member.name} <${member.email}> is now ${article(args.role)}${org} (was ${article(member.role)}).${warning}`, {
      email: member.email,
      from: member.role,
      to: args.role,
    });
  },
});

function article(role: string): string {
  return role === 'coordinator' ? 'a coordinator' : role === 'observer' ? 'an observer' : 'a focal point';
}
