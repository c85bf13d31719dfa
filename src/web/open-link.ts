import type { Db } from '../store/db';
import { exerciseById, type Exercise } from '../store/exercises';
import { latestRevocation, linkSecret } from '../store/links';
import { membershipOf, personById, type Member, type Person } from '../store/members';
import { formatInZone } from '../domain/time';
import { checkLink, type LinkClaim } from './links';

/** A verified link: who it acts as, in which exercise, and their current membership. */
export interface LinkHolder {
  token: string;
  claim: LinkClaim;
  exercise: Exercise;
  person: Person;
  member: Member;
}

/** Why a link is refused, with the HTTP status a page shows it with. */
export type LinkRefusal = { status: 400 | 403 | 404 | 405 | 410 | 422; title: string; message: string };

export type OpenedLink = { ok: true; holder: LinkHolder } | { ok: false; refusal: LinkRefusal };

const TAMPERED: LinkRefusal = {
  status: 403,
  title: 'This link is not valid',
  message: 'The link was changed or cut short, so it does not match any link the bot sent. Open it exactly as it is in your e-mail; nothing was recorded.',
};

/**
 * Checks a personal link against the record: its signature and expiry, then whether it was
 * revoked, and whether its person is still a member of its exercise. Reads only.
 */
export function openLink(db: Db, token: string, now: Date): OpenedLink {
  const checked = checkLink(linkSecret(db, now.toISOString()), token, now);
  if (!checked.ok && checked.reason === 'tampered') return { ok: false, refusal: TAMPERED };
  const claim = checked.claim!;
  const exercise = exerciseById(db, claim.exerciseId);
  const person = personById(db, claim.personId);
  if (!exercise || !person) return { ok: false, refusal: TAMPERED };
  const zone = person.timeZone ?? exercise.timeZone;
  if (!checked.ok)
    return {
      ok: false,
      refusal: {
        status: 410,
        title: 'This link has expired',
        message: `It worked until ${formatInZone(claim.expiresAt, zone)}. Nothing was recorded. A newer e-mail from the bot carries a fresh link; or ask the Profiling Coordinator.`,
      },
    };
  const revoked = latestRevocation(db, exercise.id, person.id);
  if (revoked && claim.issuedAt.getTime() <= new Date(revoked.at).getTime())
    return {
      ok: false,
      refusal: {
        status: 403,
        title: 'This link was withdrawn',
        message: `The links sent to ${person.name} for ${exercise.name} were withdrawn on ${formatInZone(new Date(revoked.at), zone)} (${revoked.reason}). Nothing was recorded.`,
      },
    };
  const member = membershipOf(db, exercise.id, person.id);
  if (!member || !member.active)
    return {
      ok: false,
      refusal: {
        status: 403,
        title: 'You are no longer a member',
        message: `${person.name} is no longer a member of ${exercise.name}, so this link no longer works. Nothing was recorded. Ask the Profiling Coordinator if this is a mistake.`,
      },
    };
  return { ok: true, holder: { token, claim, exercise, person, member } };
}

/** The zone a person reads times in: their own when set, else the exercise's. */
export function readerZone(h: Pick<LinkHolder, 'person' | 'exercise'>): string {
  return h.person.timeZone ?? h.exercise.timeZone;
}

/** "Besa Gashi, focal point of MCR", "Profiling Coordinator, coordinator", "JIPS, observer". */
export function actingAs(h: Pick<LinkHolder, 'person' | 'member'>): string {
  const m = h.member;
  if (m.role === 'focal') return `${h.person.name}, focal point of ${m.organisation?.acronym ?? 'no organisation'}`;
  return `${h.person.name}, ${m.role === 'coordinator' ? 'coordinator' : 'observer'}`;
}
