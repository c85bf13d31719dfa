import { z } from 'zod';
import { idArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { daysPastDue, formatDate, isOverdue } from '../../domain/minutes';
import { formatInZone, formatLong } from '../../domain/time';
import { actionsOfMeeting } from '../../store/action-items';
import { personById } from '../../store/members';
import { versionDelivery, versionsOf } from '../../store/minutes';
import { findMeeting, meetingLabel } from '../meetings/lookups';
import { contentLines, currentContent, type MinutesContent } from './content';
import { actionLabel, dueDateOf } from './lookups';
import { actionState } from './actions';
import { offersCoordinatorSteps } from '../shared/hints';

export const showMinutes = defineCommand({
  path: 'minutes show',
  params: [{ name: 'meeting-id', lookup: 'meeting' }],
  schema: z.object({ 'meeting-id': idArg('M', 'meeting') }),
  summary: "Show a meeting's minutes: attendance, agenda, notes, decisions, action items by owner, and every published version.",
  access: 'member',
  changes: false,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const zone = exercise.timeZone;
    const found = findMeeting(ctx, args['meeting-id']);
    if (!found.ok) return refused('not-found', found.message);
    const m = found.value;
    const id = meetingLabel(m);
    const head = `Minutes of ${id}: ${m.group} meeting "${m.title}", ${formatLong(m.startsAt, zone)}.`;
    if (m.status === 'cancelled') return accepted(`${head}\n${id} was cancelled (${m.cancelReason ?? 'no reason given'}); it has no minutes.`);
    if (m.startsAt.getTime() > ctx.now.getTime())
      return accepted(`${head}\n${id} has not started yet; its minutes are captured from its start (/minutes note ${id} <text>).`);

    const due = dueDateOf(exercise, m);
    const versions = versionsOf(ctx.db, m.id);
    const content = currentContent(ctx.db, exercise, m);
    const lines = [head];
    if (versions.length === 0) {
      const days = daysPastDue(due, zone, ctx.now);
      const overdue = isOverdue(due, zone, ctx.now) ? `: ${days} day${days === 1 ? '' : 's'} overdue` : '';
      // The next step only for whoever may take it (a coordinator, in an exercise not dissolved).
      const next = offersCoordinatorSteps(ctx) ? ` When ready: /minutes publish ${id}.` : '';
      lines.push(`Draft, not published; due by ${formatDate(due)}${overdue}.${next}`);
    } else {
      const latest = versions.at(-1)!;
      lines.push(`Published: version ${latest.version} is the current one${versions[0]!.late ? `; version 1 was late (due by ${versions[0]!.dueDate})` : ''}.`);
    }
    const latestContent = versions.at(-1)?.content as MinutesContent | undefined;
    const fresh = latestContent
      ? {
          entries: new Set([...content.notes, ...content.decisions].map((e) => e.entryId).filter((e) => ![...latestContent.notes, ...latestContent.decisions].some((p) => p.entryId === e))),
          actions: new Set(content.actions.map((a) => a.id).filter((a) => !latestContent.actions.some((p) => p.id === a))),
        }
      : undefined;
    const actions = new Map(actionsOfMeeting(ctx.db, m.id).map((a) => [actionLabel(a), a]));
    lines.push('', ...contentLines(content, { ...(fresh ? { fresh } : {}), stateOf: (a) => actionState(actions.get(a)!, zone, ctx.now) }));
    if (offersCoordinatorSteps(ctx) && latestContent && (latestContent.attendance?.present.join(',') ?? null) !== (content.attendance?.present.join(',') ?? null))
      lines.push('', `The attendance changed since version ${versions.at(-1)!.version}; it goes out with /minutes correct ${id} <what changed>.`);

    if (versions.length) {
      lines.push('', 'Versions:');
      for (const v of versions) {
        const by = v.publishedByPersonId ? personById(ctx.db, v.publishedByPersonId)?.name : undefined;
        const d = versionDelivery(ctx.db, v.id);
        const what = v.correction ? `correction: "${v.correction.replace(/\s*\n\s*/g, ' ')}"` : v.late ? `late (due by ${v.dueDate})` : `on time (due by ${v.dueDate})`;
        lines.push(`v${v.version} published ${formatInZone(new Date(v.publishedAt), zone)}${by ? ` by ${by}` : ''}, ${what}; ${d.people} people, ${d.messages} messages (${[`${d.sent} delivered`, ...(d.waiting ? [`${d.waiting} waiting`] : []), ...(d.failed ? [`${d.failed} not delivered`] : [])].join(', ')}).`);
      }
    }
    return accepted(lines.join('\n'));
  },
});
