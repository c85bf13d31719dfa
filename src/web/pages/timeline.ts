import { formatDate, localPartsAt } from '../../domain/time';
import type { Language } from '../../domain/vocabulary';
import { translate } from '../../i18n/catalogue';
import { formatLongIn, formatMonthIn } from '../../i18n/dates';
import { currentNotice } from '../../store/meeting-notices';
import { MILESTONES, type Meeting, type Milestone } from '../../store/meetings';
import type { Db } from '../../store/db';

const DAY_MS = 86_400_000;

/** One key meeting's row on the drawn timeline: everything as coordinates and words, for the template. */
interface Row {
  label: string;
  /** The second line: the meeting, its date and its notice deadline. */
  detail: string;
  /** On a phone the notice deadline gets a line of its own, so no line runs past the picture's edge. */
  deadline: { text: string; y: number } | false;
  labelY: number;
  detailY: number;
  lineY: number;
  span: { x1: number; x2: number; y: number } | false;
  tick: { x: number; y1: number; y2: number } | false;
  dot: { cx: number; cy: number; cls: string } | false;
  missing: { cx: number; cy: number } | false;
}

export interface TimelineDrawing {
  cls: 'wide' | 'narrow';
  width: number;
  height: number;
  rows: Row[];
  now: { x: number; y1: number; y2: number; labelX: number };
  /** "today", in the page's language. */
  today: string;
  /** A label near the right edge ends at its tick (`anchor: end`), so it is not cut off. */
  months: { x: number; y1: number; y2: number; labelY: number; label: string; anchor: 'start' | 'end' }[];
  axisY: number;
  left: number;
  right: number;
}

export interface KeyMeeting {
  milestone: Milestone;
  meeting: Meeting | null;
  /** Whether its notice went out late (or not at all before the deadline). */
  late: boolean;
}

/** The four key meetings of the TOR: the live meeting carrying each milestone (the latest), or none. */
export function keyMeetings(db: Db, meetings: Meeting[], now: Date): KeyMeeting[] {
  return MILESTONES.map((milestone) => {
    const m = meetings.filter((x) => x.milestone === milestone && x.status !== 'cancelled').at(-1) ?? null;
    const notice = m ? currentNotice(db, m.id) : undefined;
    const late = m !== null && (m.status === 'notice-missed' || (notice ? notice.late : m.noticeDeadline < now));
    return { milestone, meeting: m, late };
  });
}

/**
 * Draws the key meetings on a time axis: one row each, the notice deadline as a tick, the stretch
 * from deadline to meeting as a band, the meeting as a dot (green held, amber late, blue planned),
 * a hollow dot when not scheduled, and today as a dashed line. Two widths: phone and desktop.
 * Its words are in `language` (`web-overview` in the catalogues); dates in `zone`, the reader's.
 */
export function drawTimeline(keys: KeyMeeting[], zone: string, now: Date, cls: 'wide' | 'narrow', language: Language = 'en'): TimelineDrawing {
  const t = (key: string, values: Record<string, unknown> = {}) => translate(language, `web-overview.${key}`, values);
  const width = cls === 'wide' ? 900 : 360;
  const left = 12;
  const right = width - 16;
  const rowH = cls === 'wide' ? 66 : 79;
  const top = 26;
  const times = keys.flatMap((k) => (k.meeting ? [k.meeting.noticeDeadline.getTime(), k.meeting.startsAt.getTime()] : []));
  const from = Math.min(now.getTime(), ...times) - 4 * DAY_MS;
  const to = Math.max(now.getTime() + 30 * DAY_MS, ...times) + 4 * DAY_MS;
  const x = (t: number) => Math.round(left + ((t - from) / (to - from)) * (right - left));
  const rows: Row[] = keys.map((k, i) => {
    const labelY = top + i * rowH + 14;
    const detailY = labelY + 15;
    const lineY = detailY + (cls === 'wide' ? 16 : 29);
    const m = k.meeting;
    const label = `${i + 1}. ${t(`milestone.${k.milestone}`)}`;
    if (!m) return { label, detail: t('notScheduled'), deadline: false, labelY, detailY, lineY, span: false, tick: false, dot: false, missing: { cx: right - 8, cy: lineY } };
    const when = cls === 'wide' ? formatLongIn(m.startsAt, zone, language) : formatDate(localPartsAt(m.startsAt, zone));
    const deadline = formatDate(localPartsAt(m.noticeDeadline, zone));
    const state = t(`state.${m.status === 'held' ? 'held' : m.status === 'notice-missed' ? 'noticeMissed' : k.late ? 'lateNotice' : m.status === 'noticed' ? 'noticed' : 'notSent'}`);
    const dotClass = m.status === 'held' ? (k.late ? 'm-late' : 'm-held') : k.late ? 'm-late' : 'm-planned';
    return {
      label,
      detail: cls === 'wide' ? t('detail', { id: `M${m.id}`, when, deadline, state }) : t('detailNarrow', { id: `M${m.id}`, when, state }),
      deadline: cls === 'wide' ? false : { text: t('noticeBy', { deadline }), y: detailY + 13 },
      labelY,
      detailY,
      lineY,
      span: { x1: x(m.noticeDeadline.getTime()), x2: x(m.startsAt.getTime()), y: lineY },
      tick: { x: x(m.noticeDeadline.getTime()), y1: lineY - 9, y2: lineY + 9 },
      dot: { cx: x(m.startsAt.getTime()), cy: lineY, cls: dotClass },
      missing: false,
    };
  });
  const axisY = top + keys.length * rowH + 6;
  const months: TimelineDrawing['months'] = [];
  const start = localPartsAt(new Date(from), zone);
  for (let y = start.year, mo = start.month + 1; ; mo++) {
    if (mo > 12) {
      mo = 1;
      y++;
    }
    const t = Date.UTC(y, mo - 1, 1);
    if (t > to) break;
    const label = formatMonthIn(y, mo, language, cls === 'wide' || mo === 1);
    months.push({ x: x(t), y1: axisY - 4, y2: axisY + 4, labelY: axisY + 18, label, anchor: x(t) + label.length * 7 > width ? 'end' : 'start' });
  }
  return { cls, width, height: axisY + 26, rows, today: t('today'), now: { x: x(now.getTime()), y1: 14, y2: axisY, labelX: Math.min(x(now.getTime()) + 4, right - 40) }, months, axisY, left, right };
}
