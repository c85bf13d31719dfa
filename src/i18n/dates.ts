import { format } from 'date-fns';
import { sq, sr, srLatn, type Locale } from 'date-fns/locale';
import { TZDate } from '@date-fns/tz';
import { clockWithOffsetIfAmbiguous, formatDate, formatLong, type LocalDate } from '../domain/time';
import { localPartsAt } from '../domain/time-zones';
import type { Language } from '../domain/vocabulary';
import { describeTimeLeft, timeLeft } from '../domain/notice';
import { translate } from './catalogue';
import { readerTime } from './say';

/** date-fns locales and day patterns; English keeps `formatLong`, built by hand so its output never moves. */
const LOCALES: Record<Exclude<Language, 'en'>, { locale: Locale; day: string }> = {
  sq: { locale: sq, day: 'EEEE, d MMMM yyyy' },
  'sr-Latn': { locale: srLatn, day: 'EEEE, d. MMMM yyyy' },
  'sr-Cyrl': { locale: sr, day: 'EEEE, d. MMMM yyyy' },
};

/**
 * A date and time as a reader of `language` writes it, in `zone`, with the zone named:
 * "уторак, 24. новембар 2026, 08:00 (America/New_York)". The wall clock and the offset of a
 * repeated hour come from the strict rules in src/domain/ (the same as in English).
 */
export function formatLongIn(instant: Date, zone: string, language: Language): string {
  if (language === 'en') return formatLong(instant, zone);
  const { locale, day } = LOCALES[language];
  const local = localPartsAt(instant, zone);
  return `${format(new TZDate(instant, zone), day, { locale })}, ${clockWithOffsetIfAmbiguous(local, zone)} (${zone})`;
}

/** The day of an instant for "meets on …": "Tue 1 Dec 2026", "Martë, 1 Dhjetor 2026", "1. 12. 2026." (Serbian says "dana 1. 12. 2026."). */
const DAY_PATTERNS: Record<Exclude<Language, 'en'>, string> = { sq: 'EEEE, d MMMM yyyy', 'sr-Latn': 'd. M. yyyy.', 'sr-Cyrl': 'd. M. yyyy.' };

export function formatDayIn(instant: Date, zone: string, language: Language): string {
  if (language === 'en') return formatLong(instant, zone).replace(/, .*$/, '');
  return format(new TZDate(instant, zone), DAY_PATTERNS[language], { locale: LOCALES[language].locale });
}

/**
 * "2 days and 3 hours", "2 дана и 3 сата": the time left, counted by the strict rules of
 * src/domain/notice.ts, its units in the reader's plural forms. English is the domain's own text.
 */
export function describeTimeLeftIn(now: Date, until: Date, zone: string, language: Language): string {
  if (language === 'en') return describeTimeLeft(now, until, zone);
  const { days, hours, minutes } = timeLeft(now, until, zone);
  const n = (unit: 'days' | 'hours' | 'minutes', count: number) => translate(language, `timeLeft.${unit}`, { count });
  const and = (a: string, b: string) => translate(language, 'timeLeft.and', { a, b });
  if (days > 0) return hours > 0 ? and(n('days', days), n('hours', hours)) : n('days', days);
  if (hours > 0) return minutes > 0 ? and(n('hours', hours), n('minutes', minutes)) : n('hours', hours);
  return minutes > 0 ? n('minutes', minutes) : translate(language, 'timeLeft.lessThanAMinute');
}

/**
 * One instant for one reader: in the exercise's zone, with their own beside it when their clock
 * shows another time ("Tue 1 Dec 2026, 10:00 (Europe/Belgrade) (Tue 1 Dec 2026, 04:00
 * (America/New_York) for you)"): say.ts's readerTime with the day written out.
 */
export function formatForReader(instant: Date, exerciseZone: string, ownZone: string | null | undefined, language: Language): string {
  return readerTime(instant, exerciseZone, { timeZone: ownZone ?? null }, language, formatLongIn);
}

/**
 * A calendar day with no time (an action item's due date, the day minutes are due by), as a reader
 * of `language` writes it: "четвртак, 10. децембар 2026"; English keeps the bot's "2026-12-10".
 * A day is the same day in every zone, so no zone is named.
 */
export function formatDateIn(date: LocalDate, language: Language): string {
  if (language === 'en') return formatDate(date);
  const { locale, day } = LOCALES[language];
  return format(new Date(date.year, date.month - 1, date.day, 12), day, { locale });
}

/** A month on an axis: "Dec 2026", "dhj 2026", "дец 2026" (`withYear` false: the month alone). */
export function formatMonthIn(year: number, month: number, language: Language, withYear: boolean): string {
  const mid = new TZDate(Date.UTC(year, month - 1, 15, 12), 'UTC');
  if (language === 'en') return `${format(mid, 'MMM')}${withYear ? ` ${year}` : ''}`;
  return format(mid, withYear ? 'LLL yyyy' : 'LLL', { locale: LOCALES[language].locale });
}
