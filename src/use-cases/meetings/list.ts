import { z } from 'zod';
import { choiceArg } from '../../commands/args';
import { accepted, defineCommand } from '../../commands/registry';
import type { CommandContext } from '../../core/context';
import { deadlinePassed } from '../../domain/notice';
import { formatInZone, formatLong } from '../../domain/time';
import { currentNotice } from '../../store/meeting-notices';
import { meetingEnd, meetingsOf, type Meeting } from '../../store/meetings';
import { canRead, meetingLabel } from './lookups';
import { offersCoordinatorSteps } from '../shared/hints';

/**
 * Where a meeting stands on its notice, in a few words: "notice sent on time", "notice missed (deadline ...)".
 * `withDeadline: false` leaves the deadline out, for a line that already shows it.
 */
export function noticeState(ctx: CommandContext, m: Meeting, { withDeadline = true }: { withDeadline?: boolean } = {}): string {
  const zone = ctx.requireExercise().timeZone;
  const deadline = withDeadline ? ` ${formatInZone(m.noticeDeadline, zone)}` : '';
  const shortNotice = m.urgentReason ? `, short notice: ${m.urgentReason}` : '';
  switch (m.status) {
    case 'cancelled':
      return `cancelled (${m.cancelReason ?? 'no reason given'})`;
    case 'notice-missed':
      return `notice missed${withDeadline ? ` (deadline${deadline})` : ''}${offersCoordinatorSteps(ctx) ? '; postpone it or send it with urgent:"<reason>"' : ''}`;
    case 'scheduled':
      if (m.urgentReason) return `scheduled, notice not sent yet${shortNotice}`;
      if (!withDeadline) return deadlinePassed(m.noticeDeadline, ctx.now) ? 'scheduled, notice not sent, deadline passed' : 'scheduled, notice not sent yet';
      return deadlinePassed(m.noticeDeadline, ctx.now) ? `scheduled, notice not sent, deadline${deadline} passed` : `scheduled, notice not sent yet, deadline${deadline}`;
    case 'noticed':
    case 'held': {
      const current = currentNotice(ctx.db, m.id);
      const sent = current ? `notice sent ${current.late ? 'late' : 'on time'}${shortNotice}` : 'notice sent';
      const changed = m.status === 'noticed' && m.sentAgendaVersion !== m.agendaVersion ? ', agenda changed since (not sent)' : '';
      return m.status === 'held' ? `held; ${sent}` : `${sent}${changed}`;
    }
  }
}

export const listMeetings = defineCommand({
  path: 'meeting list',
  params: [{ name: 'which', choices: ['upcoming', 'past', 'all'], optional: true }],
  schema: z.object({ which: choiceArg('list', ['upcoming', 'past', 'all'] as const).optional() }),
  summary: 'List meetings: upcoming (default; not yet over), past, or all.',
  access: 'member',
  changes: false,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const which = args.which ?? 'upcoming';
    const now = ctx.now.getTime();
    const meetings = meetingsOf(ctx.db, exercise.id)
      .filter((m) => canRead(ctx, m))
      .filter((m) => which === 'all' || (which === 'upcoming') === meetingEnd(m).getTime() > now);
    if (meetings.length === 0) {
      const none = which === 'all' ? 'No meetings yet.' : `No ${which} meetings.`;
      return accepted(`${none} The coordinator schedules one with /meeting schedule <PWG|PMG> <date> <time> <title>.`);
    }
    const title = which === 'all' ? 'Meetings' : which === 'upcoming' ? 'Upcoming meetings' : 'Past meetings';
    const lines = [`${title} of ${exercise.name} (${meetings.length}):`];
    for (const m of which === 'past' ? [...meetings].reverse() : meetings) {
      lines.push(`${meetingLabel(m)}  ${m.group}  ${formatLong(m.startsAt, exercise.timeZone)}  "${m.title}"${m.milestone ? ` [key meeting: ${m.milestone}]` : ''}`);
      lines.push(`    ${noticeState(ctx, m)}`);
    }
    return accepted(lines.join('\n'));
  },
});
