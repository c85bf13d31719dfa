import { formatTime, localPartsAt } from '../../domain/time';
import type { Language } from '../../domain/vocabulary';
import { translate } from '../../i18n/catalogue';
import { formatLongIn } from '../../i18n/dates';
import type { Exercise } from '../../store/exercises';
import { meetingEnd, type Meeting } from '../../store/meetings';
import type { Person } from '../../store/members';
import { meetingLabel } from './lookups';

/**
 * What every meeting template can show (`templates/meeting-*.txt`); values are plain text, escaped
 * by the renderer. Dates are in the exercise's zone and, when the reader's own zone differs, in
 * theirs too (`yourTime`), written in `language` (the reader's, for a translated template).
 */
export function meetingView(
  exercise: Exercise,
  m: Meeting,
  agenda: string[],
  person?: Pick<Person, 'timeZone'>,
  language: Language = 'en',
): Record<string, unknown> {
  const zone = exercise.timeZone;
  const ownZone = person?.timeZone && person.timeZone !== zone ? person.timeZone : null;
  return {
    id: meetingLabel(m),
    group: m.group,
    groupName: translate(language, `groups.${m.group}`),
    title: m.title,
    when: formatLongIn(m.startsAt, zone, language),
    until: formatTime(localPartsAt(meetingEnd(m), zone)),
    durationMinutes: m.durationMinutes,
    place: m.place ?? false,
    yourTime: ownZone ? formatLongIn(m.startsAt, ownZone, language) : false,
    deadline: formatLongIn(m.noticeDeadline, zone, language),
    noticeDays: exercise.noticeDays,
    milestone: m.milestone ? { name: m.milestone, purpose: translate(language, `purposes.${m.milestone}`) } : false,
    shortNotice: m.urgentReason ? { reason: m.urgentReason } : false,
    agenda: agendaView(agenda),
    hasAgenda: agenda.length > 0,
  };
}

/**
 * The same view for many recipients: what all of them share is formatted once per language, a
 * person's own time zone once per zone and language. Equal to
 * `meetingView(exercise, m, agenda, person, language)` for each person.
 */
export function meetingViews(exercise: Exercise, m: Meeting, agenda: string[]): (person: Pick<Person, 'timeZone'>, language?: Language) => Record<string, unknown> {
  const shared = new Map<Language, Record<string, unknown>>();
  const inZone = new Map<string, string>();
  return (person, language = 'en') => {
    let view = shared.get(language);
    if (view === undefined) shared.set(language, (view = meetingView(exercise, m, agenda, undefined, language)));
    const zone = person.timeZone && person.timeZone !== exercise.timeZone ? person.timeZone : null;
    if (zone === null) return { ...view };
    const key = `${language} ${zone}`;
    let yourTime = inZone.get(key);
    if (yourTime === undefined) inZone.set(key, (yourTime = formatLongIn(m.startsAt, zone, language)));
    return { ...view, yourTime };
  };
}

/** Numbered agenda items; `lines` lets the HTML template break a multi-line item (`more`: a line follows) without raw markup. */
export function agendaView(agenda: string[]): { number: number; text: string; lines: { line: string; more: boolean }[] }[] {
  return agenda.map((text, i) => {
    const parts = text.split('\n');
    return { number: i + 1, text, lines: parts.map((line, k) => ({ line, more: k < parts.length - 1 })) };
  });
}

/** The ICS SUMMARY the bot writes: "PWG meeting: Agree the TOR", in the reader's language. */
export function calendarSummary(m: Meeting, language: Language = 'en'): string {
  return translate(language, 'calendar.summary', { group: m.group, title: m.title });
}

/** The ICS description: the agenda as plain text, and the short-notice reason when there is one. */
export function calendarDescription(exercise: Exercise, m: Meeting, agenda: string[], language: Language = 'en'): string {
  const lines = [translate(language, 'calendar.description', { group: m.group, id: meetingLabel(m), exercise: exercise.name })];
  if (m.urgentReason) lines.push(translate(language, 'calendar.shortNotice', { reason: m.urgentReason }));
  lines.push('', translate(language, 'calendar.agenda'), ...agenda.map((a, i) => `${i + 1}. ${a}`));
  return lines.join('\n');
}
