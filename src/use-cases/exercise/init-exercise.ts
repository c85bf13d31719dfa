import { z } from 'zod';
import type { Db } from '../../store/db';
import { inTransaction } from '../../store/db';
import { appendAudit } from '../../store/audit';
import { freeSlug, insertExercise, listExercises, type Exercise } from '../../store/exercises';
import { ensurePerson, insertOrganisation, membershipOf, putMembership, setPersonTimeZone, type Organisation } from '../../store/members';
import { parseTimeZone } from '../../domain/time';
import { acronymArg, emailArg, languageArg, lineText, personNameArg } from '../../commands/args';
import { LANGUAGE_NAMES } from '../../domain/vocabulary';

const zone = z.string().transform((s, ctx) => {
  const r = parseTimeZone(s);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.error });
    return z.NEVER;
  }
  return r.value;
});

/** What an exercise is set up from: the CLI's `init` flags, or an example file under data/examples. */
export const exerciseSetupSchema = z.object({
  name: lineText('exercise name', 120),
  timeZone: zone,
  /** The language of members who choose none, and of the group channels; English when absent. */
  language: languageArg.optional(),
  noticeDays: z.number().int().min(0).max(60),
  minutesDays: z.number().int().min(0).max(60),
  coordinator: z.object({ email: emailArg, name: personNameArg, organisation: acronymArg.optional() }),
  organisations: z
    .array(
      z.object({
        acronym: acronymArg,
        name: lineText('organisation name', 200),
        pmg: z.boolean(),
        focalPoints: z.array(z.object({ email: emailArg, name: personNameArg, timeZone: zone.optional() })),
      }),
    )
    .default([]),
  observers: z.array(z.object({ email: emailArg, name: personNameArg, timeZone: zone.optional() })).default([]),
});

export type ExerciseSetup = z.input<typeof exerciseSetupSchema>;

export type SetupResult = { ok: true; exercise: Exercise; summary: string } | { ok: false; message: string };

/** Creates an exercise with its first coordinator (and, from an example, its members) in one transaction. */
export function setUpExercise(db: Db, input: unknown, now: Date, by: string): SetupResult {
  const parsed = exerciseSetupSchema.safeParse(input);
  if (!parsed.success) {
    // Our own messages are sentences; zod's generic ones need the field they are about.
    const say = (i: z.core.$ZodIssue) => (i.code === 'custom' || /^[A-Z"]/.test(i.message) ? i.message : `${i.path.join('.') || 'setup'}: ${i.message}`);
    return { ok: false, message: parsed.error.issues.map(say).join('\n') };
  }
  const s = parsed.data;
  const at = now.toISOString();
  const acronyms = s.organisations.map((o) => o.acronym);
  const dup = acronyms.find((a, i) => acronyms.indexOf(a) !== i);
  if (dup) return { ok: false, message: `The organisation ${dup} is listed twice.` };
  if (s.coordinator.organisation && !acronyms.includes(s.coordinator.organisation) && s.organisations.length > 0)
    return { ok: false, message: `The coordinator's organisation ${s.coordinator.organisation} is not among the organisations.` };

  const same = listExercises(db).find((e) => e.name.toLowerCase() === s.name.toLowerCase());
  if (same)
    return { ok: false, message: `An exercise named "${same.name}" already exists (slug ${same.slug}). Use it with --exercise ${same.slug}, or choose another name.` };

  return inTransaction(db, (): SetupResult => {
    const exercise = insertExercise(db, {
      slug: freeSlug(db, s.name), name: s.name, timeZone: s.timeZone, ...(s.language ? { language: s.language } : {}), noticeDays: s.noticeDays, minutesDays: s.minutesDays, createdAt: at,
    });
    const orgs = new Map<string, Organisation>();
    for (const o of s.organisations) orgs.set(o.acronym, insertOrganisation(db, { exerciseId: exercise.id, acronym: o.acronym, name: o.name, inPmg: o.pmg, at }));
    const coordinator = ensurePerson(db, { email: s.coordinator.email, name: s.coordinator.name, at });
    const host = s.coordinator.organisation ? orgs.get(s.coordinator.organisation) : undefined;
    putMembership(db, { exerciseId: exercise.id, personId: coordinator.id, role: 'coordinator', organisationId: host?.id ?? null, at });
    let focal = 0;
    for (const o of s.organisations) {
      for (const f of o.focalPoints) {
        const person = ensurePerson(db, { email: f.email, name: f.name, at });
        if (membershipOf(db, exercise.id, person.id)) return rollback(`${f.email} is listed twice.`);
        if (f.timeZone) setPersonTimeZone(db, person.id, f.timeZone);
        putMembership(db, { exerciseId: exercise.id, personId: person.id, role: 'focal', organisationId: orgs.get(o.acronym)!.id, at });
        focal++;
      }
    }
    for (const o of s.observers) {
      const person = ensurePerson(db, { email: o.email, name: o.name, at });
      if (membershipOf(db, exercise.id, person.id)) return rollback(`${o.email} is listed twice.`);
      if (o.timeZone) setPersonTimeZone(db, person.id, o.timeZone);
      putMembership(db, { exerciseId: exercise.id, personId: person.id, role: 'observer', organisationId: null, at });
    }
    appendAudit(db, {
      exerciseId: exercise.id, at, actor: by, action: 'exercise init', outcome: 'accepted',
      detail: { slug: exercise.slug, name: exercise.name, timeZone: exercise.timeZone, coordinator: coordinator.email, organisations: acronyms, focalPoints: focal, observers: s.observers.length, ...(s.language ? { language: s.language } : {}) },
    });
    const pmg = s.organisations.filter((o) => o.pmg).length;
    const summary =
      `Created the exercise "${exercise.name}" (slug: ${exercise.slug}) in ${exercise.timeZone}${s.language ? `, in ${LANGUAGE_NAMES[s.language]}` : ''}, notice ${exercise.noticeDays} days, minutes within ${exercise.minutesDays} days.\n` +
      `Coordinator: ${coordinator.name} <${coordinator.email}>${host ? `, hosted by ${host.acronym}` : ''}.` +
      (s.organisations.length ? `\n${s.organisations.length} member organisations (${pmg} in the PMG), ${focal} focal points, ${s.observers.length} observer${s.observers.length === 1 ? '' : 's'}.` : '');
    return { ok: true, exercise, summary };
  });
}

class Rollback extends Error {}
function rollback(message: string): never {
  throw new Rollback(message);
}

/** Like setUpExercise, but a problem found mid-way (a duplicate address) rolls back and is returned as a sentence. */
export function setUpExerciseSafely(db: Db, input: unknown, now: Date, by: string): SetupResult {
  try {
    return setUpExercise(db, input, now, by);
  } catch (err) {
    if (err instanceof Rollback) return { ok: false, message: err.message };
    throw err;
  }
}
