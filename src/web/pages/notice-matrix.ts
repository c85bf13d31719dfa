import type { CommandContext } from '../../core/context';
import { currentNotice } from '../../store/meeting-notices';
import type { Meeting } from '../../store/meetings';
import { organisationsOf } from '../../store/members';
import { reachOf } from '../../use-cases/meetings/reach';
import type { PageWords } from './words';

type CellState = 'ontime' | 'late' | 'missed' | 'pending' | 'none';

/**
 * Proof of notice as a grid: one row per organisation of the PWG, one column per meeting, each
 * cell coloured by whether the notice reached the organisation by the deadline, late, or not at
 * all, and why (no focal point, bounced, failed, not sent), in the reader's words.
 */
export function noticeMatrix(ctx: CommandContext, meetings: Meeting[], w: PageWords) {
  const t = (key: string, values: Record<string, unknown> = {}) => w.t(`web-overview.${key}`, values);
  const exercise = ctx.requireExercise();
  const organisations = organisationsOf(ctx.db, exercise.id, 'PWG');
  const columns = meetings.filter((m) => m.status !== 'cancelled');
  const reaches = columns.map((m) => ({ m, reach: reachOf(ctx, m), sent: currentNotice(ctx.db, m.id) !== undefined }));
  const rows = organisations.map((o) => ({
    organisation: o.acronym,
    name: o.name,
    cells: reaches.map(({ m, reach, sent }) => {
      const r = reach.organisations.find((x) => x.organisation.id === o.id);
      let state: CellState;
      let why = '';
      if (!r) state = 'none';
      else if (r.firstReachedAt) {
        state = r.onTime ? 'ontime' : 'late';
        why = t('why.reached', { at: w.short(r.firstReachedAt) });
      } else if (!sent && m.noticeDeadline > ctx.now) {
        state = 'pending';
        why = t('why.deadline', { at: w.short(m.noticeDeadline) });
      } else {
        state = 'missed';
        const failed = r.people.flatMap((p) => p.messages).find((msg) => msg.status === 'failed');
        why = !r.hasFocalPoint ? t('why.noFocalPoint') : !sent ? t('why.notSent') : failed ? t('why.failed', { error: failed.lastError ?? '—' }) : t('why.waiting');
      }
      const text = t(`cell.${state}`);
      return { cls: `cell-${state}`, text, why, title: why ? t('cellTitleWhy', { acronym: o.acronym, id: `M${m.id}`, state: text, why }) : t('cellTitle', { acronym: o.acronym, id: `M${m.id}`, state: text }) };
    }),
  }));
  return {
    columns: columns.map((m) => ({ id: `M${m.id}`, group: m.group, title: m.title })),
    rows,
    hasColumns: columns.length > 0,
  };
}
