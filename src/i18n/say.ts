import type { Language } from '../domain/vocabulary';
import { formatInZone } from '../domain/time';
import { CATALOGUES, PLURAL, translate } from './catalogue';

/** One sentence of the catalogue in a language fixed beforehand: `say('reply-vote.recorded', { id })`. */
export type Say = (key: string, values?: Record<string, unknown>) => string;

/** A sentence kept as data (its catalogue key and values), said in the reader's language when it is answered. */
export interface Sentence {
  key: string;
  values?: Record<string, unknown>;
}

/**
 * A group as the addressee of its channel's post ("the PWG"), in the post's language: the group's
 * name from the catalogue with its acronym ("Radna grupa za profilisanje (PWG)").
 */
export function groupAddressee(language: Language, group: string): string {
  return translate(language, 'common.groupAddressee', { group, groupName: translate(language, `groups.${group}`) });
}

export function sayIn(language: Language): Say {
  return (key, values = {}) => translate(language, key, values);
}

/**
 * The word a usage line shows for a parameter (`reason`, `email`) in the reader's language: the
 * catalogue's `hints` section keeps each as it is shown (`<razlog>`); a word it lacks stays as it is.
 * Command, option and choice words are the grammar and never pass through here.
 */
export function hintWord(say: Say): (word: string) => string {
  return (word) => (hasMessage(`hints.${word}`) ? say(`hints.${word}`).replace(/^<(.*)>$/, '$1') : word);
}

/** Whether the English catalogue has this message (a plural one by any of its forms). */
export function hasMessage(key: string): boolean {
  const path = key.split('.');
  const last = path.pop()!;
  let node: unknown = CATALOGUES.en;
  for (const part of path) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== 'object' || node === null) return false;
  return Object.keys(node).some((k) => k === last || (PLURAL.test(k) && k.replace(PLURAL, '') === last));
}

/**
 * An instant in the exercise's zone, and in the reader's own beside it when their clock shows
 * another time: "2026-11-24 14:00 Europe/Belgrade (2026-11-24 08:00 America/New_York for you)".
 */
export function readerTime(
  instant: string | Date,
  zone: string,
  reader?: { timeZone: string | null } | null,
  language: Language = 'en',
  format: (at: Date, zone: string, language: Language) => string = (at, z) => formatInZone(at, z),
): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  const there = format(at, zone, language);
  if (!reader?.timeZone || reader.timeZone === zone) return there;
  const own = format(at, reader.timeZone, language);
  // The same wall clock in both zones (UTC and London in winter) is said once.
  return formatInZone(at, reader.timeZone).slice(0, 16) === formatInZone(at, zone).slice(0, 16) ? there : translate(language, 'common.forYou', { there, own });
}
