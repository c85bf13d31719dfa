import { z } from 'zod';
import { choiceArg, emailArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { activeFocalPoints, coordinators, membershipOf, personByEmail, setRole } from '../../store/members';
import { catchUpNewMember } from '../meetings/plan';
import { withNoFocalLeft } from '../shared/hints';

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
    const say = ctx.sayFrom('reply-members-admin');
    const role = (r: string) => say(`roles.${r}`, {});
    if (!member || !member.active) return refused('not-found', ctx.say('reply-members.notAMember', { whom: args.email, exercise: exercise.name }));
    if (member.role === args.role) return refused('rule', say('roleAlready', { email: member.email, role: role(args.role) }));
    if (member.role === 'coordinator' && coordinators(ctx.db, exercise.id).length === 1) return refused('rule', say('onlyCoordinator', { email: member.email }));
    if (args.role === 'focal' && !member.organisation) return refused('rule', say('noOrganisationToSpeakFor', { email: member.email }));
    // A coordinator or observer keeps the organisation on record (the coordinator is hosted by UNHCR),
    // so a later switch back to focal point restores it.
    setRole(ctx.db, member.membershipId, args.role, member.organisation?.id ?? null);
    catchUpNewMember(ctx);
    const values = { name: member.name, email: member.email, org: member.organisation?.acronym, role: role(args.role), was: role(member.role) };
    const set = say(args.role === 'focal' ? 'roleSetFocal' : 'roleSet', values);
    // Rule 2.2: an organisation left without a focal point is said, never silent.
    const left = member.role === 'focal' && member.organisation ? activeFocalPoints(ctx.db, member.organisation.id).length : 1;
    return accepted(withNoFocalLeft(ctx, set, left === 0 && member.organisation ? member.organisation.acronym : null), {
      email: member.email,
      from: member.role,
      to: args.role,
    });
  },
});
