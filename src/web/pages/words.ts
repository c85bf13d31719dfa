import { clockWithOffsetIfAmbiguous, formatInZone } from '../../domain/time';
import { localPartsAt } from '../../domain/time-zones';
import type { Language } from '../../domain/vocabulary';
import { languageOf, translate } from '../../i18n/catalogue';
import { formatDateIn, formatLongIn } from '../../i18n/dates';
import { storedDate } from '../../domain/minutes';
import type { Exercise } from '../../store/exercises';
import type { Person } from '../../store/members';

/**
 * How a page speaks to the person its link names: their language (else the exercise's), and every
 * date in their own zone with the exercise's beside it when the two differ.
 */
export interface PageWords {
  language: Language;
  /** The person's zone (the exercise's when they set none). */
  zone: string;
  /** One message of the catalogue (`web-vote.open`), in the page's language. */
  t(key: string, values?: Record<string, unknown>): string;
  /** "уторак, 24. новембар 2026, 08:00 (America/New_York) = 14:00 (Europe/Belgrade)". */
  at(instant: Date | string): string;
  /** The compact form for a cell of a table: "2026-11-10 04:00 America/New_York = 10:00 Europe/Belgrade". */
  short(instant: Date | string): string;
  /** A stored calendar date (`2026-12-15`, an action item's due date) as the reader writes it. */
  day(date: string): string;
}

export function wordsFor(person: Pick<Person, 'language' | 'timeZone'> | null, exercise: Pick<Exercise, 'language' | 'timeZone'>): PageWords {
  const language = languageOf(person, exercise);
  const zone = person?.timeZone ?? exercise.timeZone;
  return {
    language,
    zone,
    t: (key, values = {}) => translate(language, key, values),
    at: (instant) => atBoth(typeof instant === 'string' ? new Date(instant) : instant, zone, exercise.timeZone, language),
    short: (instant) => shortBoth(typeof instant === 'string' ? new Date(instant) : instant, zone, exercise.timeZone, language),
    day: (date) => dayIn(date, language),
  };
}

/** The words of a page that has no trustworthy person: in `language`, dates in UTC. */
export function plainWords(language: Language): PageWords {
  return wordsFor(null, { language, timeZone: 'UTC' });
}

/** The reader's time first; the exercise's beside it, as the clock alone when it falls on the same day. */
function atBoth(instant: Date, own: string, exerciseZone: string, language: Language): string {
  const mine = formatLongIn(instant, own, language);
  if (own === exerciseZone) return mine;
  const a = localPartsAt(instant, own);
  const b = localPartsAt(instant, exerciseZone);
  if (a.hour === b.hour && a.minute === b.minute && a.day === b.day) return mine;
  const there = a.year === b.year && a.month === b.month && a.day === b.day
    ? `${clockWithOffsetIfAmbiguous(b, exerciseZone)} (${exerciseZone})`
    : formatLongIn(instant, exerciseZone, language);
  return translate(language, 'web-common.atBoth', { own: mine, there });
}

function shortBoth(instant: Date, own: string, exerciseZone: string, language: Language): string {
  const mine = formatInZone(instant, own);
  if (own === exerciseZone) return mine;
  const there = localPartsAt(instant, exerciseZone);
  return translate(language, 'web-common.atBoth', { own: mine, there: `${clockWithOffsetIfAmbiguous(there, exerciseZone)} ${exerciseZone}` });
}

/** A calendar date without a time (an action item's due date): "2026-12-15", "utorak, 15. decembar 2026". */
function dayIn(date: string, language: Language): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDateIn(storedDate(date), language) : date;
}
