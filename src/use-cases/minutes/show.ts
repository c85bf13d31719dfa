import { z } from 'zod';
import { idArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { daysPastDue, formatDate, isOverdue } from '../../domain/minutes';
import { formatInZone } from '../../domain/time';
import { formatLongIn } from '../../i18n/dates';
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
    const { language } = ctx;
    const say = ctx.sayFrom('reply-minutes');
    const head = say('head', { id, group: m.group, title: m.title, when: formatLongIn(m.startsAt, zone, language) });
    if (m.status === 'cancelled') return accepted(`${head}\n${say('cancelled', { id, reason: m.cancelReason ?? ctx.say('reply-exercise-status.notice.noReason') })}`);
    if (m.startsAt.getTime() > ctx.now.getTime()) return accepted(`${head}\n${say('notStarted', { id })}`);

    const due = dueDateOf(exercise, m);
    const versions = versionsOf(ctx.db, m.id);
    const content = currentContent(ctx.db, exercise, m);
    const lines = [head];
    if (versions.length === 0) {
      // The next step only for whoever may take it (a coordinator, in an exercise not dissolved).
      const next = offersCoordinatorSteps(ctx) ? say('next', { id }) : '';
      const values = { due: formatDate(due), count: daysPastDue(due, zone, ctx.now), next };
      lines.push(say(isOverdue(due, zone, ctx.now) ? 'draftOverdue' : 'draft', values));
    } else {
      lines.push(say(versions[0]!.late ? 'publishedLate' : 'published', { version: versions.at(-1)!.version, due: versions[0]!.dueDate }));
    }
    const latestContent = versions.at(-1)?.content as MinutesContent | undefined;
    const fresh = latestContent
      ? {
          entries: new Set([...content.notes, ...content.decisions].map((e) => e.entryId).filter((e) => ![...latestContent.notes, ...latestContent.decisions].some((p) => p.entryId === e))),
          actions: new Set(content.actions.map((a) => a.id).filter((a) => !latestContent.actions.some((p) => p.id === a))),
        }
      : undefined;
    const actions = new Map(actionsOfMeeting(ctx.db, m.id).map((a) => [actionLabel(a), a]));
    const stateOf = (a: string) => actionState(actions.get(a)!, zone, ctx.now, language, ctx.actor.person);
    lines.push('', ...contentLines(content, { ...(fresh ? { fresh } : {}), stateOf, say: ctx.say }));
    if (offersCoordinatorSteps(ctx) && latestContent && (latestContent.attendance?.present.join(',') ?? null) !== (content.attendance?.present.join(',') ?? null))
      lines.push('', say('attendanceChanged', { version: versions.at(-1)!.version, id }));

    if (versions.length) {
      lines.push('', say('versions'));
      for (const v of versions) {
        const by = v.publishedByPersonId ? personById(ctx.db, v.publishedByPersonId)?.name : undefined;
        const d = versionDelivery(ctx.db, v.id);
        const what = v.correction ? say('correction', { text: v.correction.replace(/\s*\n\s*/g, ' ') }) : say(v.late ? 'late' : 'onTime', { due: v.dueDate });
        const delivery = [say('delivered', { count: d.sent }), ...(d.waiting ? [say('waiting', { count: d.waiting })] : []), ...(d.failed ? [say('notDelivered', { count: d.failed })] : [])].join(', ');
        const values = { version: v.version, at: formatInZone(new Date(v.publishedAt), zone), by: by ? say('by', { name: by }) : '', what, people: say('people', { count: d.people }), messages: say('messages', { count: d.messages }), delivery };
        lines.push(say('version', values));
      }
    }
    return accepted(lines.join('\n'));
  },
});
