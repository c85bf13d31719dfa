import { z } from 'zod';
import { choiceArg, idArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { doneIntent, encodeIntent } from '../../chat/intent';
import type { ChatAction } from '../../core/ports';
import { daysPastDue, isOverdue, storedDate } from '../../domain/minutes';
import { formatInZone } from '../../domain/time';
import { actionById, actionRef, actionsOf, markActionDone, type ActionItem } from '../../store/action-items';
import { cancelJobs } from '../../store/jobs';
import { meetingById } from '../../store/meetings';
import { canRead, meetingLabel } from '../meetings/lookups';
import { actionLabel } from './lookups';
import { MINUTES_JOBS } from './plan';

/** "done on 2026-12-05 10:00 Europe/Belgrade by Valon Morina", "open, 3 days overdue", "open, due today", "open". */
export function actionState(a: ActionItem, zone: string, now: Date): string {
  if (a.status === 'done') return `done on ${formatInZone(new Date(a.doneAt!), zone)}${a.doneBy ? ` by ${a.doneBy.name}` : ''}`;
  const due = storedDate(a.dueDate);
  if (isOverdue(due, zone, now)) {
    const days = daysPastDue(due, zone, now);
    return `open, ${days} day${days === 1 ? '' : 's'} overdue`;
  }
  return daysPastDue(due, zone, now) === 0 ? 'open, due today' : 'open';
}

export const listActions = defineCommand({
  path: 'minutes actions',
  params: [{ name: 'which', choices: ['open', 'all'], optional: true }],
  schema: z.object({ which: choiceArg('list', ['open', 'all'] as const).optional() }),
  summary: 'List action items from the minutes by owner organisation: open ones (default), or all with when they were done.',
  access: 'member',
  changes: false,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const which = args.which ?? 'open';
    const items = actionsOf(ctx.db, exercise.id, which).filter((a) => {
      const m = meetingById(ctx.db, a.meetingId);
      return m !== undefined && canRead(ctx, m);
    });
    if (items.length === 0) {
      // Some exist, of meetings this member does not read (a PWG-only focal point and the PMG's items).
      const hidden = actionsOf(ctx.db, exercise.id, which).length > 0;
      if (hidden) return accepted(which === 'open' ? 'No open action items that you can see.' : 'No action items that you can see.');
      const hint = exercise.status === 'dissolved' ? '' : ' The coordinator captures them with /minutes action <meeting-id> <org> <due-date> <text>.';
      return accepted(which === 'open' ? `No open action items.${hint}` : 'No action items yet.');
    }
    const owners = [...new Set(items.map((a) => a.organisation.acronym))].sort();
    const lines = [`${which === 'open' ? 'Open action items' : 'Action items'} of ${exercise.name} (${items.length}), by owner:`];
    for (const owner of owners) {
      lines.push(`${owner}:`);
      for (const a of items.filter((x) => x.organisation.acronym === owner)) {
        const m = meetingById(ctx.db, a.meetingId)!;
        lines.push(`  ${actionLabel(a)} due ${a.dueDate}, ${actionState(a, exercise.timeZone, ctx.now)} (${meetingLabel(m)} "${m.title}"): ${a.text.replace(/\n/g, '\n    ')}`);
      }
    }
    if (which === 'open' && exercise.status !== 'dissolved') lines.push('', 'Mark one done with /minutes done <action-id> (a focal point of the owner organisation, or the coordinator).');
    // A focal point gets a Done button for each open item of their own organisation.
    const ours = ctx.actor.member?.role === 'focal' && exercise.status !== 'dissolved' ? ctx.actor.member.organisation : null;
    const actions: ChatAction[] = ours
      ? items.filter((a) => a.status === 'open' && a.organisation.id === ours.id).map((a) => ({
          id: `done-${actionLabel(a)}`,
          label: `Done ${actionLabel(a)}`,
          value: encodeIntent(doneIntent(actionLabel(a))),
          style: 'primary' as const,
        }))
      : [];
    return { ok: true, reply: lines.join('\n'), actions };
  },
});

export const completeAction = defineCommand({
  path: 'minutes done',
  params: [{ name: 'action-id', lookup: 'action' }],
  schema: z.object({ 'action-id': idArg('A', 'action item') }),
  summary: "Mark an action item done: a focal point of its owner organisation, or the coordinator. Its reminders stop.",
  details: 'Example: /minutes done A7\nAny member may ask; only a focal point of the organisation that owns the item, or the coordinator, is accepted. Others are told why.',
  access: 'member',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const a = actionById(ctx.db, exercise.id, args['action-id']);
    const m = a ? meetingById(ctx.db, a.meetingId) : undefined;
    if (!a || !m || !canRead(ctx, m))
      return refused('not-found', `There is no action item A${args['action-id']} in ${exercise.name}. /minutes actions all lists them.`);
    const id = actionLabel(a);
    const owner = a.organisation.acronym;
    const member = ctx.actor.member;
    const isOwner = member?.role === 'focal' && member.organisation?.id === a.organisation.id;
    if (member?.role !== 'coordinator' && !isOwner) {
      const you = member?.role === 'focal' ? `a focal point of ${member.organisation?.acronym ?? 'another organisation'}` : 'an observer';
      return refused('forbidden', `Only a focal point of ${owner}, which owns ${id}, or the coordinator can mark it done; you are ${you}.`);
    }
    if (a.status === 'done') return refused('rule', `${id} is already ${actionState(a, exercise.timeZone, ctx.now)}.`);
    markActionDone(ctx.db, a.id, ctx.nowIso, ctx.actor.person?.id ?? null);
    const stopped = cancelJobs(ctx.db, actionRef(a.id), [MINUTES_JOBS.actionReminder]);
    return accepted(
      `${id} (${owner}, due ${a.dueDate}, from ${meetingLabel(m)}) is done ("${a.text.split('\n')[0]}").${stopped ? ` Its ${stopped} pending reminder${stopped === 1 ? '' : 's'} will not be sent.` : ''}`,
      { action: id, organisation: owner, dueDate: a.dueDate, remindersStopped: stopped },
    );
  },
});
