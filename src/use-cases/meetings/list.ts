import { z } from 'zod';
import { choiceArg } from '../../commands/args';
import { accepted, defineCommand } from '../../commands/registry';
import type { CommandContext } from '../../core/context';
import { deadlinePassed } from '../../domain/notice';
import { formatInZone } from '../../domain/time';
import { formatLongIn } from '../../i18n/dates';
import { currentNotice } from '../../store/meeting-notices';
import { meetingEnd, meetingsOf, type Meeting } from '../../store/meetings';
import { canRead, meetingLabel } from './lookups';
import { offersCoordinatorSteps } from '../shared/hints';
import type { Language } from '../../domain/vocabulary';
import { translate } from '../../i18n/catalogue';

/**
 * Where a meeting stands on its notice, in a few words: "notice sent on time", "notice missed (deadline ...)".
 * `withDeadline: false` leaves the deadline out, for a line that already shows it.
 */
export function noticeState(ctx: CommandContext, m: Meeting, { withDeadline = true, language = 'en' }: { withDeadline?: boolean; language?: Language } = {}): string {
  const zone = ctx.requireExercise().timeZone;
  const say = (key: string, values: Record<string, unknown> = {}) => translate(language, `reply-exercise-status.notice.${key}`, values);
  const deadline = formatInZone(m.noticeDeadline, zone);
  const reason = m.urgentReason;
  switch (m.status) {
    case 'cancelled':
      return say('cancelled', { reason: m.cancelReason ?? say('noReason') });
    case 'notice-missed':
      return `${withDeadline ? say('missedDeadline', { deadline }) : say('missed')}${offersCoordinatorSteps(ctx) ? say('missedHint') : ''}`;
    case 'scheduled':
      if (reason) return say('urgentNotSent', { reason });
      if (!withDeadline) return say(deadlinePassed(m.noticeDeadline, ctx.now) ? 'notSentPassed' : 'notSent');
      return say(deadlinePassed(m.noticeDeadline, ctx.now) ? 'notSentDeadlinePassed' : 'notSentDeadline', { deadline });
    case 'noticed':
    case 'held': {
      const current = currentNotice(ctx.db, m.id);
      const plain = current ? say(current.late ? 'sentLate' : 'sentOnTime') : say('sent');
      const sent = current && reason ? say('shortNotice', { sent: plain, reason }) : plain;
      if (m.status === 'held') return say('held', { sent });
      return m.sentAgendaVersion !== m.agendaVersion ? say('agendaChanged', { sent }) : sent;
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
    const say = ctx.sayFrom('reply-meetings');
    const Which = which === 'all' ? 'All' : which === 'upcoming' ? 'Upcoming' : 'Past';
    if (meetings.length === 0) return accepted(say(`none${Which}`));
    const lines = [say(`head${Which}`, { exercise: exercise.name, count: meetings.length })];
    for (const m of which === 'past' ? [...meetings].reverse() : meetings) {
      const values = { id: meetingLabel(m), group: m.group, when: formatLongIn(m.startsAt, exercise.timeZone, ctx.language), title: m.title, milestone: m.milestone };
      lines.push(say(m.milestone ? 'lineKey' : 'line', values));
      lines.push(`    ${noticeState(ctx, m, { language: ctx.language })}`);
    }
    return accepted(lines.join('\n'));
  },
});
