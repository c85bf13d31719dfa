import { z } from 'zod';
import { acronymArg, emailArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { activeFocalPoints, deactivateMembership, personByEmail, membershipOf } from '../../store/members';
import { revokeLinks } from '../../store/links';
import { findOrganisation } from '../shared/lookups';
import { withNoFocalLeft } from '../shared/hints';
import { translate } from '../../i18n/catalogue';

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
      return refused('not-found', ctx.say('reply-members-admin.notFocalOf', { email: args.email, org: org.value.acronym }));
    deactivateMembership(ctx.db, member.membershipId, ctx.nowIso);
    // The personal links in every e-mail they were sent stop working now, not at their expiry. The
    // reason is shown on a withdrawn link's page, which speaks the exercise's language: said in it.
    const reason = translate(exercise.language, 'reply-members-admin.revokedReason', { org: org.value.acronym });
    revokeLinks(ctx.db, { exerciseId: exercise.id, personId: member.id, at: ctx.nowIso, reason });
    const left = activeFocalPoints(ctx.db, org.value.id).length;
    const removed = ctx.say('reply-members-admin.removed', { name: member.name, email: member.email, org: org.value.acronym });
    return accepted(withNoFocalLeft(ctx, removed, left === 0 ? org.value.acronym : null), {
      organisation: org.value.acronym,
      email: member.email,
      focalPointsLeft: left,
      linksRevoked: true,
    });
  },
});
