import type { CommandContext } from '../../core/context';
import { formatInZone } from '../../domain/time';
import { currentNotice } from '../../store/meeting-notices';
import type { Meeting } from '../../store/meetings';
import { organisationsOf } from '../../store/members';
import { reachOf } from '../../use-cases/meetings/reach';

type CellState = 'ontime' | 'late' | 'missed' | 'pending' | 'none';

const TEXT: Record<CellState, string> = { ontime: 'on time', late: 'late', missed: 'not reached', pending: 'not due yet', none: 'not in group' };

/**
 * Proof of notice as a grid: one row per organisation of the PWG, one column per meeting, each
 * cell coloured by whether the notice reached the organisation by the deadline, late, or not at
 * all, and why (no focal point, bounced, failed, not sent).
 */
export function noticeMatrix(ctx: CommandContext, meetings: Meeting[], zone: string) {
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
        why = `first handed over ${formatInZone(r.firstReachedAt, zone)}`;
      } else if (!sent && m.noticeDeadline > ctx.now) {
        state = 'pending';
        why = `notice deadline ${formatInZone(m.noticeDeadline, zone)}`;
      } else {
        state = 'missed';
        const failed = r.people.flatMap((p) => p.messages).find((msg) => msg.status === 'failed');
        why = !r.hasFocalPoint ? 'no focal point' : !sent ? 'the notice was not sent' : failed ? `delivery failed: ${failed.lastError ?? 'refused'}` : 'waiting to be delivered';
      }
      return { cls: `cell-${state}`, text: TEXT[state], why, title: `${o.acronym}, M${m.id}: ${TEXT[state]}${why ? ` (${why})` : ''}` };
    }),
  }));
  return {
    columns: columns.map((m) => ({ id: `M${m.id}`, group: m.group, title: m.title })),
    rows,
    hasColumns: columns.length > 0,
  };
}
