import type { CommandContext } from '../../core/context';
import { daysPastDue, isOverdue, storedDate } from '../../domain/minutes';
import { formatDateIn } from '../../i18n/dates';
import { actionsOf } from '../../store/action-items';
import { meetingById, type Meeting } from '../../store/meetings';
import { entriesOf, versionsOf } from '../../store/minutes';
import { canRead, meetingLabel } from '../../use-cases/meetings/lookups';
import { reachOf } from '../../use-cases/meetings/reach';
import { dueDateOf } from '../../use-cases/minutes/lookups';
import type { KeyMeeting } from './timeline';
import type { PageWords } from './words';

/*
 * The overview's lists in the reader's words, by the same rules as the sections of `/exercise
 * status` (src/use-cases/meetings/status-sections.ts, src/use-cases/minutes/status-section.ts),
 * which speak to whoever typed the command in chat.
 */

/** Each key meeting: when, whether its notice reached the organisations by the deadline, whether it was held. */
export function keyMeetingLines(ctx: CommandContext, keys: KeyMeeting[], w: PageWords): string[] {
  const t = (key: string, values: Record<string, unknown> = {}) => w.t(`web-overview.${key}`, values);
  return keys.map((k) => {
    const name = t(`milestone.${k.milestone}`);
    const m = k.meeting;
    if (!m) return t('keyNotScheduled', { name });
    let notice: string;
    if (m.status === 'scheduled' && m.noticeDeadline > ctx.now) notice = t('noticeDue', { deadline: w.at(m.noticeDeadline) });
    else if (m.status === 'scheduled' || m.status === 'notice-missed') notice = t('noticeMissed');
    else {
      const reach = reachOf(ctx, m);
      const onTime = reach.organisations.filter((o) => o.onTime).length;
      notice = t('noticeReached', { count: reach.organisations.length, onTime });
    }
    const held = m.status === 'held' ? t('held') : m.startsAt > ctx.now ? t('notHeldYet') : t('notRecordedHeld');
    return t('keyLine', { name, id: meetingLabel(m), title: m.title, when: w.at(m.startsAt), notice, held });
  });
}

/** Where each meeting's minutes stand that owes them, the overdue ones first. */
export function minutesLines(ctx: CommandContext, meetings: Meeting[], w: PageWords): string[] {
  const exercise = ctx.requireExercise();
  const t = (key: string, values: Record<string, unknown> = {}) => w.t(`web-overview.${key}`, values);
  const lines: { overdue: boolean; text: string }[] = [];
  for (const m of meetings.filter((x) => canRead(ctx, x) && x.status !== 'cancelled' && x.startsAt <= ctx.now)) {
    const versions = versionsOf(ctx.db, m.id);
    const due = dueDateOf(exercise, m);
    const values = { id: meetingLabel(m), group: m.group, title: m.title, due: formatDateIn(due, w.language) };
    if (versions.length) {
      const first = versions[0]!;
      const latest = versions.at(-1)!;
      const key = first.late ? 'minutesPublishedLate' : 'minutesPublished';
      const corrected = versions.length > 1 ? ` ${t('minutesCorrected', { version: latest.version })}` : '';
      lines.push({ overdue: false, text: t(key, { ...values, at: w.at(first.publishedAt) }) + corrected });
    } else if (m.status !== 'held' && entriesOf(ctx.db, m.id).length === 0) {
      continue;
    } else if (isOverdue(due, exercise.timeZone, ctx.now)) {
      lines.push({ overdue: true, text: t('minutesOverdue', { ...values, count: daysPastDue(due, exercise.timeZone, ctx.now) }) });
    } else {
      lines.push({ overdue: false, text: t('minutesDue', values) });
    }
  }
  return [...lines.filter((l) => l.overdue), ...lines.filter((l) => !l.overdue)].map((l) => l.text);
}

/** Open action items: how many, and each overdue one. */
export function actionLines(ctx: CommandContext, w: PageWords): { summary: string | false; overdue: string[] } {
  const exercise = ctx.requireExercise();
  const zone = exercise.timeZone;
  const open = actionsOf(ctx.db, exercise.id, 'open').filter((a) => {
    const m = meetingById(ctx.db, a.meetingId);
    return m !== undefined && canRead(ctx, m);
  });
  if (open.length === 0) return { summary: false, overdue: [] };
  const overdue = open.filter((a) => isOverdue(storedDate(a.dueDate), zone, ctx.now));
  return {
    summary: w.t('web-overview.actionsSummary', { count: open.length, overdue: overdue.length }),
    overdue: overdue.map((a) =>
      w.t('web-overview.actionOverdue', {
        id: `A${a.id}`,
        owner: a.organisation.acronym,
        due: w.day(a.dueDate),
        count: daysPastDue(storedDate(a.dueDate), zone, ctx.now),
        text: a.text.split('\n')[0],
      }),
    ),
  };
}
