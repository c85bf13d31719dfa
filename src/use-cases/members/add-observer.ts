import { z } from 'zod';
import { emailArg, personNameArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { ensurePerson, membershipOf, putMembership } from '../../store/members';
import { catchUpNewMember } from '../meetings/plan';

export const addObserver = defineCommand({
  path: 'members add-observer',
  params: [{ name: 'email' }, { name: 'name', rest: true }],
  schema: z.object({ email: emailArg, name: personNameArg }),
  summary: 'Add an observer (technical support such as JIPS, or a guest): reads everything, does not vote.',
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const person = ensurePerson(ctx.db, { email: args.email, name: args.name, at: ctx.nowIso });
    const current = membershipOf(ctx.db, exercise.id, person.id);
    if (current?.active) {
      const as = current.role === 'focal' ? `a focal point of ${current.organisation?.acronym}` : current.role === 'coordinator' ? 'a coordinator' : 'an observer';
      return refused('rule', `${person.email} is already ${as}.${current.role === 'observer' ? '' : ` To make them an observer: /members role ${person.email} observer.`}`);
    }
    putMembership(ctx.db, { exerciseId: exercise.id, personId: person.id, role: 'observer', organisationId: null, at: ctx.nowIso });
    catchUpNewMember(ctx);
    return accepted(`${person.name} <${person.email}> is now an observer: they receive the group's notices and can read everything, but do not vote.`, {
      email: person.email,
      name: person.name,
    });
  },
});
