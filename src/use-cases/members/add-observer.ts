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
    const say = ctx.sayFrom('reply-members-admin');
    if (current?.active) {
      const key = current.role === 'focal' ? 'observerIsFocal' : current.role === 'coordinator' ? 'observerIsCoordinator' : 'observerAlready';
      return refused('rule', say(key, { email: person.email, org: current.organisation?.acronym }));
    }
    putMembership(ctx.db, { exerciseId: exercise.id, personId: person.id, role: 'observer', organisationId: null, at: ctx.nowIso });
    catchUpNewMember(ctx);
    return accepted(say('observerAdded', { name: person.name, email: person.email }), {
      email: person.email,
      name: person.name,
    });
  },
});
