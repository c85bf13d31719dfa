import { formatLong, formatTime, localPartsAt } from '../../domain/time';
import type { Exercise } from '../../store/exercises';
import { meetingEnd, type Meeting } from '../../store/meetings';
import type { Person } from '../../store/members';
import { MILESTONE_PURPOSE, meetingLabel } from './lookups';

const GROUP_NAMES = { PWG: 'Profiling Working Group', PMG: 'Profiling Management Group' } as const;

/** What every meeting template can show (`templates/meeting-*.txt`); values are plain text, escaped by the renderer. */
export function meetingView(exercise: Exercise, m: Meeting, agenda: string[], person?: Pick<Person, 'timeZone'>): Record<string, unknown> {
  const zone = exercise.timeZone;
  const ownZone = person?.timeZone && person.timeZone !== zone ? person.timeZone : null;
  return {
    id: meetingLabel(m),
    group: m.group,
    groupName: GROUP_NAMES[m.group],
    title: m.title,
    when: formatLong(m.startsAt, zone),
    until: formatTime(localPartsAt(meetingEnd(m), zone)),
    durationMinutes: m.durationMinutes,
    place: m.place ?? false,
    yourTime: ownZone ? formatLong(m.startsAt, ownZone) : false,
    deadline: formatLong(m.noticeDeadline, zone),
    noticeDays: exercise.noticeDays,
    milestone: m.milestone ? { name: m.milestone, purpose: MILESTONE_PURPOSE[m.milestone] } : false,
    shortNotice: m.urgentReason ? { reason: m.urgentReason } : false,
    agenda: agendaView(agenda),
    hasAgenda: agenda.length > 0,
  };
}

/**
 * The same view for many recipients: what all of them share is formatted once, a person's own
 * time zone once per zone. Equal to `meetingView(exercise, m, agenda, person)` for each person.
 */
export function meetingViews(exercise: Exercise, m: Meeting, agenda: string[]): (person: Pick<Person, 'timeZone'>) => Record<string, unknown> {
  const shared = meetingView(exercise, m, agenda);
  const inZone = new Map<string, string>();
  return (person) => {
    const zone = person.timeZone && person.timeZone !== exercise.timeZone ? person.timeZone : null;
    if (zone === null) return { ...shared };
    let yourTime = inZone.get(zone);
    if (yourTime === undefined) inZone.set(zone, (yourTime = formatLong(m.startsAt, zone)));
    return { ...shared, yourTime };
  };
}

/** Numbered agenda items; `lines` lets the HTML template break a multi-line item (`more`: a line follows) without raw markup. */
export function agendaView(agenda: string[]): { number: number; text: string; lines: { line: string; more: boolean }[] }[] {
  return agenda.map((text, i) => {
    const parts = text.split('\n');
    return { number: i + 1, text, lines: parts.map((line, k) => ({ line, more: k < parts.length - 1 })) };
  });
}

/** The ICS description: the agenda as plain text, and the short-notice reason when there is one. */
export function calendarDescription(exercise: Exercise, m: Meeting, agenda: string[]): string {
  const lines = [`${m.group} meeting ${meetingLabel(m)} of ${exercise.name}.`];
  if (m.urgentReason) lines.push(`Short notice: ${m.urgentReason}`);
  lines.push('', 'Agenda:', ...agenda.map((a, i) => `${i + 1}. ${a}`));
  return lines.join('\n');
}
