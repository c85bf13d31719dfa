import { z } from 'zod';
import { acronymArg, emailArg, personNameArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { ensurePerson, membershipOf, putMembership } from '../../store/members';
import { findOrganisation } from '../shared/lookups';
import { catchUpNewMember } from '../meetings/plan';

export const addFocalPoint = defineCommand({
  path: 'members add-focal',
  params: [{ name: 'acronym' }, { name: 'email' }, { name: 'name', rest: true }],
  schema: z.object({ acronym: acronymArg, email: emailArg, name: personNameArg }),
  summary: "Name a focal point for a member organisation (they vote for it and receive the group's notices).",
  details: 'Example: /members add-focal KAS focal@kas.example.org Arta Krasniqi',
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const org = findOrganisation(ctx, args.acronym);
    if (!org.ok) return refused('not-found', org.message);
    const person = ensurePerson(ctx.db, { email: args.email, name: args.name, at: ctx.nowIso });
    const current = membershipOf(ctx.db, exercise.id, person.id);
    const say = ctx.sayFrom('reply-members-admin');
    if (current?.active) {
      if (current.role === 'focal' && current.organisation?.id === org.value.id)
        return refused('rule', say('focalAlready', { email: person.email, org: org.value.acronym }));
      if (current.role === 'focal') return refused('rule', say('focalElsewhere', { email: person.email, org: current.organisation?.acronym }));
      return refused('rule', say(current.role === 'coordinator' ? 'focalIsCoordinator' : 'focalIsObserver', { email: person.email }));
    }
    putMembership(ctx.db, { exerciseId: exercise.id, personId: person.id, role: 'focal', organisationId: org.value.id, at: ctx.nowIso });
    catchUpNewMember(ctx);
    const added = say(person.name !== args.name ? 'focalAddedKeptName' : 'focalAdded', { name: person.name, email: person.email, org: org.value.acronym });
    return accepted(added, {
      organisation: org.value.acronym,
      email: person.email,
      name: person.name,
    });
  },
});
