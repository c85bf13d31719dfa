import { z } from 'zod';
import { idArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { formatInZone, formatLong, formatTime, localPartsAt } from '../../domain/time';
import { jobsFor } from '../../store/jobs';
import { noticesOf } from '../../store/meeting-notices';
import { agendaOf, meetingEnd, meetingRef } from '../../store/meetings';
import { personById } from '../../store/members';
import { noticeState } from './list';
import { MILESTONE_PURPOSE, findMeeting, meetingLabel } from './lookups';
import { NOTICE_KIND_NAMES } from './notices';
import { MEETING_JOBS } from './plan';
import { reachOf, reachSummary } from './reach';
import { offersCoordinatorSteps } from '../shared/hints';

const JOB_NAMES: Record<string, string> = {
  [MEETING_JOBS.noticeReminder]: 'reminder to the coordinators to send the notice',
  [MEETING_JOBS.noticeMissed]: 'notice deadline check',
  [MEETING_JOBS.memberReminder]: 'reminder to members',
  [MEETING_JOBS.held]: 'recorded as held',
};

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
    const lines = [
      `${id}: ${m.group} meeting "${m.title}"`,
      `When: ${formatLong(m.startsAt, zone)} to ${formatTime(localPartsAt(meetingEnd(m), zone))} (${m.durationMinutes} minutes)`,
    ];
    if (own && own !== zone) lines.push(`      ${formatLong(m.startsAt, own)} in your time zone`);
    if (m.place) lines.push(`Where: ${m.place}`);
    if (m.milestone) lines.push(`Key meeting of the TOR: ${m.milestone} (${MILESTONE_PURPOSE[m.milestone]})`);
    const organizer = personById(ctx.db, m.organizerPersonId);
    if (organizer) lines.push(`Called by: ${organizer.name} <${organizer.email}>`);
    lines.push(`Notice deadline: ${formatLong(m.noticeDeadline, zone)}`);
    lines.push(`Status: ${noticeState(ctx, m)}`);

    const agenda = agendaOf(ctx.db, m.id).map((i) => i.text);
    lines.push('', agenda.length ? 'Agenda:' : `Agenda: none yet${offersCoordinatorSteps(ctx) ? ` (/meeting agenda ${id} add <text>)` : ''}.`);
    agenda.forEach((text, i) => lines.push(`${i + 1}. ${text.replace(/\n/g, '\n   ')}`));

    const notices = noticesOf(ctx.db, m.id);
    if (notices.length) {
      lines.push('', 'Notices sent:');
      for (const n of notices) {
        const why = n.reason ? ` (${n.reason})` : '';
        lines.push(`v${n.version} ${NOTICE_KIND_NAMES[n.kind]}: ${formatInZone(n.sentAt, zone)}, ${n.kind === 'cancellation' ? 'calendar cancelled' : n.late ? 'after the deadline' : 'on time'}${why}`);
      }
      if (m.status !== 'cancelled') lines.push(`${reachSummary(reachOf(ctx, m))}; details: /meeting notices ${id}.`);
    }
    const planned = jobsFor(ctx.db, meetingRef(m.id)).filter((j) => j.status === 'pending' && JOB_NAMES[j.kind]);
    if (planned.length) {
      lines.push('', 'Planned:');
      for (const j of planned) lines.push(`${formatInZone(new Date(j.dueAt), zone)}: ${JOB_NAMES[j.kind]}`);
    }
    return accepted(lines.join('\n'));
  },
});
