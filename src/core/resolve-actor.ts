import type { Db } from '../store/db';
import type { Exercise } from '../store/exercises';
import { coordinators, identityOf, linkIdentity, membershipOf, personByEmail, personById, type Person } from '../store/members';
import { appendAudit } from '../store/audit';
import type { ActingPerson } from './context';
import type { Actor } from './ports';

export type ActorResolution = { ok: true; acting: ActingPerson } | { ok: false; message: string };

/**
 * Finds the person behind a command. Chat users are known by their linked identity, or (Slack)
 * by the e-mail the platform itself reports, which links them on first use. Local users (the
 * terminal, the CLI) act as `--as`, or as the exercise's first coordinator.
 */
export function resolveActor(db: Db, actor: Actor, exercise: Exercise | null, nowIso: string): ActorResolution {
  if (actor.kind === 'local') {
    if (actor.email) {
      const person = personByEmail(db, actor.email);
      if (!person) return { ok: false, message: `Nobody with the e-mail ${actor.email} is known here; check --as.` };
      const member = exercise ? membershipOf(db, exercise.id, person.id) ?? null : null;
      return { ok: true, acting: { person, member: member?.active ? member : null, label: `${person.email} (local)`, via: 'console' } };
    }
    const first = exercise ? coordinators(db, exercise.id)[0] : undefined;
    if (!first) return { ok: true, acting: { person: null, member: null, label: 'local operator', via: 'console' } };
    return { ok: true, acting: { person: first, member: first, label: `${first.email} (local)`, via: 'console' } };
  }
  if (actor.kind === 'web') {
    const person = personById(db, actor.personId);
    if (!person) return { ok: false, message: 'This link names nobody known here any more.' };
    const member = exercise ? membershipOf(db, exercise.id, person.id) : undefined;
    return { ok: true, acting: { person, member: member?.active ? member : null, label: `${person.email} (web link)`, via: 'web' } };
  }
  const chat = { medium: actor.medium, userId: actor.userId };
  const address = `${actor.medium}:${actor.userId}`;
  let identity = identityOf(db, actor.medium, actor.userId);
  if (!identity && actor.email) {
    const person = personByEmail(db, actor.email);
    if (person) {
      linkIdentity(db, { medium: actor.medium, userId: actor.userId, personId: person.id, at: nowIso, by: `${actor.medium} profile e-mail` });
      appendAudit(db, {
        exerciseId: exercise?.id ?? null, at: nowIso, actorPersonId: person.id, actor: `${person.email} (${address})`,
        action: 'identity linked', outcome: 'accepted', detail: { medium: actor.medium, userId: actor.userId, by: 'platform-reported e-mail' },
      });
      identity = identityOf(db, actor.medium, actor.userId);
    }
  }
  if (!identity) return { ok: true, acting: { person: null, member: null, label: address, chat, via: actor.medium } };
  const person = personById(db, identity.personId);
  if (!person) return { ok: true, acting: { person: null, member: null, label: address, chat, via: actor.medium } };
  const member = exercise ? membershipOf(db, exercise.id, person.id) : undefined;
  return {
    ok: true,
    acting: { person, member: member?.active ? member : null, label: `${person.email} (${address})`, chat, via: actor.medium },
  };
}

/**
 * The person behind an actor as resolveActor would find them, read only (a chat account is not
 * linked here, but one the platform reports a known e-mail for is that person already).
 */
export function knownPerson(db: Db, actor: Actor, exercise: Exercise | null): Person | undefined {
  if (actor.kind === 'local') return actor.email ? personByEmail(db, actor.email) : exercise ? coordinators(db, exercise.id)[0] : undefined;
  if (actor.kind === 'web') return personById(db, actor.personId);
  const identity = identityOf(db, actor.medium, actor.userId);
  if (identity) return personById(db, identity.personId);
  return actor.email ? personByEmail(db, actor.email) : undefined;
}
