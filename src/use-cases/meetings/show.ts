import { z } from 'zod';
import { idArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { formatInZone, formatTime, localPartsAt } from '../../domain/time';
import { formatLongIn } from '../../i18n/dates';
import { jobsFor } from '../../store/jobs';
import { noticesOf } from '../../store/meeting-notices';
import { agendaOf, meetingEnd, meetingRef } from '../../store/meetings';
import { personById } from '../../store/members';
import { noticeState } from './list';
import { findMeeting, meetingLabel } from './lookups';
import { MEETING_JOBS } from './plan';
import { reachOf, reachSummary } from './reach';
import { offersCoordinatorSteps } from '../shared/hints';

/** The planned jobs shown, by their catalogue name (`reply-meetings.jobs.<name>`). */
const JOB_NAMES: Record<string, string> = Object.fromEntries(Object.entries(MEETING_JOBS).map(([name, kind]) => [kind, name]));

export const showMeeting = defineCommand({
  path: 'meeting show',
  params: [{ name: 'id', lookup: 'meeting' }],
  schema: z.object({ id: idArg('M', 'meeting') }),
  summary: 'Show a meeting, its agenda and where its notice stands.',
  access: 'member',
  changes: false,
  run(ctx, args) {
    const zone = ctx.requireExercise().timeZone;
    const found = findMeeting(ctx, args.id);
    if (!found.ok) return refused('not-found', found.message);
    const m = found.value;
    const id = meetingLabel(m);
    const own = ctx.actor.person?.timeZone;
    const { language } = ctx;
    const say = ctx.sayFrom('reply-meetings');
    const until = formatTime(localPartsAt(meetingEnd(m), zone));
    const lines = [
      say('title', { id, group: m.group, title: m.title }),
      say('when', { when: formatLongIn(m.startsAt, zone, language), until, count: m.durationMinutes }),
    ];
    if (own && own !== zone) lines.push(say('yourTime', { when: formatLongIn(m.startsAt, own, language) }));
    if (m.place) lines.push(say('where', { place: m.place }));
    if (m.milestone) lines.push(say('keyMeeting', { milestone: m.milestone, purpose: ctx.say(`purposes.${m.milestone}`) }));
    const organizer = personById(ctx.db, m.organizerPersonId);
    if (organizer) lines.push(say('calledBy', { name: organizer.name, email: organizer.email }));
    lines.push(say('deadline', { deadline: formatLongIn(m.noticeDeadline, zone, language) }));
    lines.push(say('status', { state: noticeState(ctx, m, { language }) }));

    const agenda = agendaOf(ctx.db, m.id).map((i) => i.text);
    lines.push('', agenda.length ? say('agenda') : say('agendaNone', { hint: offersCoordinatorSteps(ctx) ? ` (/meeting agenda ${id} add <text>)` : '' }));
    agenda.forEach((text, i) => lines.push(`${i + 1}. ${text.replace(/\n/g, '\n   ')}`));

    const notices = noticesOf(ctx.db, m.id);
    if (notices.length) {
      lines.push('', say('noticesSent'));
      for (const n of notices) {
        const how = say(n.kind === 'cancellation' ? 'calendarCancelled' : n.late ? 'afterDeadline' : 'onTime');
        lines.push(say('notice', { version: n.version, kind: say(`kinds.${n.kind}`), at: formatInZone(n.sentAt, zone), how, why: n.reason ? ` (${n.reason})` : '' }));
      }
      if (m.status !== 'cancelled') lines.push(say('reach', { reach: reachSummary(reachOf(ctx, m), language), id }));
    }
    const planned = jobsFor(ctx.db, meetingRef(m.id)).filter((j) => j.status === 'pending' && JOB_NAMES[j.kind]);
    if (planned.length) {
      lines.push('', say('planned'));
      for (const j of planned) lines.push(say('job', { at: formatInZone(new Date(j.dueAt), zone), job: say(`jobs.${JOB_NAMES[j.kind]}`) }));
    }
    return accepted(lines.join('\n'));
  },
});
