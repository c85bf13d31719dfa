import type { CommandContext } from '../../core/context';
import { organisationByAcronym, organisationsOf, type Organisation } from '../../store/members';

export type Found<T> = { ok: true; value: T } | { ok: false; message: string };

/** The organisation with this acronym in the exercise, or a sentence listing the known ones. */
export function findOrganisation(ctx: CommandContext, acronym: string): Found<Organisation> {
  const exercise = ctx.requireExercise();
  const org = organisationByAcronym(ctx.db, exercise.id, acronym);
  if (org) return { ok: true, value: org };
  const known = organisationsOf(ctx.db, exercise.id, 'PWG').map((o) => o.acronym);
  const values = { acronym, exercise: exercise.name, known: known.join(', ') };
  return { ok: false, message: ctx.say(known.length ? 'reply-members-admin.noOrganisationKnown' : 'reply-members-admin.noOrganisation', values) };
}
