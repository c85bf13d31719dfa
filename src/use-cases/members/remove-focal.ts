import { z } from 'zod';
import { acronymArg, emailArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { activeFocalPoints, deactivateMembership, personByEmail, membershipOf } from '../../store/members';
import { revokeLinks } from '../../store/links';
import { findOrganisation } from '../shared/lookups';

export const removeFocalPoint = defineCommand({
  path: 'members remove-focal',
  params: [{ name: 'acronym' }, { name: 'email' }],
  schema: z.object({ acronym: acronymArg, email: emailArg }),
  summary: 'Remove a focal point from an organisation; their past votes and messages stay on record.',
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const org = findOrganisation(ctx, args.acronym);
    if (!org.ok) return refused('not-found', org.message);
    const person = personByEmail(ctx.db, args.email);
    const member = person ? membershipOf(ctx.db, exercise.id, person.id) : undefined;
    if (!member || !member.active || member.role !== 'focal' || member.organisation?.id !== org.value.id)
      return refused('not-found', `${args.email} is not a focal point of ${org.value.acronym}. See /members list.`);
    deactivateMembership(ctx.db, member.membershipId, ctx.nowIso);
    // The personal links in every e-mail they were sent stop working now, not at their expiry.
    revokeLinks(ctx.db, { exerciseId: exercise.id, personId: member.id, at: ctx.nowIso, reason: `removed as a focal point of ${org.value.acronym}` });
    const left = activeFocalPoints(ctx.db, org.value.id).length;
    const warning =
      left === 0
        ? ` ${org.value.acronym} now has no focal point: it cannot receive notices or vote until you add one (/members add-focal ${org.value.acronym} <email> <name>).`
        : '';
    return accepted(`${member.name} <${member.email}> is no longer a focal point of ${org.value.acronym}; the links in the e-mails they were sent no longer work.${warning}`, {
      organisation: org.value.acronym,
      email: member.email,
      focalPointsLeft: left,
      linksRevoked: true,
    });
  },
});
