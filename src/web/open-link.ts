import type { Db } from '../store/db';
import { exerciseById, type Exercise } from '../store/exercises';
import { latestRevocation, linkSecret } from '../store/links';
import { membershipOf, personById, type Member, type Person } from '../store/members';
import type { Language } from '../domain/vocabulary';
import { checkLink, type LinkClaim } from './links';
import { installationLanguage } from '../store/exercises';
import { wordsFor, type PageWords } from './pages/words';

/** A verified link: who it acts as, in which exercise, and their current membership. */
export interface LinkHolder {
  token: string;
  claim: LinkClaim;
  exercise: Exercise;
  person: Person;
  member: Member;
  /** The person's language and zone, for everything the page says. */
  words: PageWords;
}

/** Why a link is refused, with the HTTP status a page shows it with, in the language it is written in. */
export type LinkRefusal = { status: 400 | 403 | 404 | 405 | 410 | 422; title: string; message: string; language: Language };

export type OpenedLink = { ok: true; holder: LinkHolder } | { ok: false; refusal: LinkRefusal };

/** A refusal page's title and message (`web-refusal.<key>`), in the words given. */
export function refusalIn(words: PageWords, status: LinkRefusal['status'], key: string, values: Record<string, unknown> = {}): LinkRefusal {
  return { status, title: words.t(`web-refusal.${key}.title`, values), message: words.t(`web-refusal.${key}.message`, values), language: words.language };
}

/**
 * Checks a personal link against the record: its signature and expiry, then whether it was
 * revoked, and whether its person is still a member of its exercise. Reads only.
 *
 * A refused link acts as no one, so its page is not in the person's language: an expired,
 * withdrawn or former member's link (signed by us, so its exercise is known) is answered in the
 * exercise's language, with dates in the exercise's zone; a tampered one names nothing we can
 * trust and is answered in the installation's language (`installationLanguage`).
 */
export function openLink(db: Db, token: string, now: Date): OpenedLink {
  const checked = checkLink(linkSecret(db, now.toISOString()), token, now);
  const tampered = (): OpenedLink => ({ ok: false, refusal: refusalIn(wordsFor(null, { language: installationLanguage(db), timeZone: 'UTC' }), 403, 'tampered') });
  if (!checked.ok && checked.reason === 'tampered') return tampered();
  const claim = checked.claim!;
  const exercise = exerciseById(db, claim.exerciseId);
  const person = personById(db, claim.personId);
  if (!exercise || !person) return tampered();
  const theirs = wordsFor(null, exercise);
  if (!checked.ok) return { ok: false, refusal: refusalIn(theirs, 410, 'expired', { until: theirs.at(claim.expiresAt) }) };
  const revoked = latestRevocation(db, exercise.id, person.id);
  if (revoked && claim.issuedAt.getTime() <= new Date(revoked.at).getTime())
    return { ok: false, refusal: refusalIn(theirs, 403, 'withdrawn', { name: person.name, exercise: exercise.name, at: theirs.at(revoked.at), reason: revoked.reason }) };
  const member = membershipOf(db, exercise.id, person.id);
  if (!member || !member.active) return { ok: false, refusal: refusalIn(theirs, 403, 'notMember', { name: person.name, exercise: exercise.name }) };
  return { ok: true, holder: { token, claim, exercise, person, member, words: wordsFor(person, exercise) } };
}

/** The zone a person reads times in: their own when set, else the exercise's. */
export function readerZone(h: Pick<LinkHolder, 'person' | 'exercise'>): string {
  return h.person.timeZone ?? h.exercise.timeZone;
}

/** "Besa Gashi, focal point of MCR", "Profiling Coordinator, coordinator", "JIPS, observer", in the page's language. */
export function actingAs(h: Pick<LinkHolder, 'person' | 'member' | 'words'>): string {
  const m = h.member;
  if (m.role === 'focal' && m.organisation) return h.words.t('web-layout.asFocal', { name: h.person.name, acronym: m.organisation.acronym });
  return h.words.t(m.role === 'coordinator' ? 'web-layout.asCoordinator' : 'web-layout.asObserver', { name: h.person.name });
}
