import { z } from 'zod';
import { acronymArg, lineText } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { insertOrganisation, organisationByAcronym } from '../../store/members';

export const addOrganisation = defineCommand({
  path: 'members add-org',
  params: [{ name: 'acronym' }, { name: 'name', rest: true }],
  flags: ['pmg'],
  schema: z.object({ acronym: acronymArg, name: lineText('organisation name', 200), pmg: z.boolean() }),
  summary: 'Add a member organisation to the PWG; with "pmg" it is also in the Profiling Management Group.',
  details: 'Example: /members add-org MCR Ministry of Communities and Return pmg',
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const existing = organisationByAcronym(ctx.db, exercise.id, args.acronym);
    if (existing) return refused('rule', ctx.say('reply-members-admin.orgAlready', { org: existing.acronym, name: existing.name }));
    const org = insertOrganisation(ctx.db, { exerciseId: exercise.id, acronym: args.acronym, name: args.name, inPmg: args.pmg, at: ctx.nowIso });
    return accepted(ctx.say(org.inPmg ? 'reply-members-admin.orgAddedPmg' : 'reply-members-admin.orgAdded', { org: org.acronym, name: org.name }), {
      organisation: org.acronym,
      name: org.name,
      pmg: org.inPmg,
    });
  },
});
