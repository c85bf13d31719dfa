import { z } from 'zod';
import { choiceArg, idArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { doneIntent, encodeIntent } from '../../chat/intent';
import type { ChatAction } from '../../core/ports';
import { daysPastDue, isOverdue, storedDate } from '../../domain/minutes';
import type { Language } from '../../domain/vocabulary';
import { translate } from '../../i18n/catalogue';
import { readerTime } from '../../i18n/say';
import { actionById, actionRef, actionsOf, markActionDone, type ActionItem } from '../../store/action-items';
import { cancelJobs } from '../../store/jobs';
import { meetingById } from '../../store/meetings';
import { canRead, meetingLabel } from '../meetings/lookups';
import { actionLabel } from './lookups';
import { MINUTES_JOBS } from './plan';

/**
 * "done on 2026-12-05 10:00 Europe/Belgrade by Valon Morina", "open, 3 days overdue", "open, due today", "open";
 * in the reader's language, and the time of "done" in their own zone beside the exercise's when `reader` has one.
 */
export function actionState(a: ActionItem, zone: string, now: Date, language: Language = 'en', reader?: { timeZone: string | null } | null): string {
  const say = (key: string, values: Record<string, unknown> = {}) => translate(language, `reply-actions.${key}`, values);
  if (a.status === 'done') return say(a.doneBy ? 'doneBy' : 'done', { at: readerTime(a.doneAt!, zone, reader, language), name: a.doneBy?.name });
  const due = storedDate(a.dueDate);
  if (isOverdue(due, zone, now)) return say('overdue', { count: daysPastDue(due, zone, now) });
  return daysPastDue(due, zone, now) === 0 ? say('dueToday') : say('open');
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
      if (hidden) return accepted(ctx.say(which === 'open' ? 'reply-actions.noneOpenYouSee' : 'reply-actions.noneYouSee'));
      if (which === 'all') return accepted(ctx.say('reply-actions.noneYet'));
      return accepted(ctx.say(exercise.status === 'dissolved' ? 'reply-actions.noneOpen' : 'reply-actions.noneOpenHint'));
    }
    const owners = [...new Set(items.map((a) => a.organisation.acronym))].sort();
    const lines = [ctx.say(which === 'open' ? 'reply-actions.headOpen' : 'reply-actions.head', { exercise: exercise.name, count: items.length })];
    for (const owner of owners) {
      lines.push(`${owner}:`);
      for (const a of items.filter((x) => x.organisation.acronym === owner)) {
        const m = meetingById(ctx.db, a.meetingId)!;
        const state = actionState(a, exercise.timeZone, ctx.now, ctx.language, ctx.actor.person);
        lines.push(ctx.say('reply-actions.item', { id: actionLabel(a), due: a.dueDate, state, meeting: meetingLabel(m), title: m.title, text: a.text.replace(/\n/g, '\n    ') }));
      }
    }
    if (which === 'open' && exercise.status !== 'dissolved') lines.push('', ctx.say('reply-actions.markDone'));
    // A focal point gets a Done button for each open item of their own organisation.
    const ours = ctx.actor.member?.role === 'focal' && exercise.status !== 'dissolved' ? ctx.actor.member.organisation : null;
    const actions: ChatAction[] = ours
      ? items.filter((a) => a.status === 'open' && a.organisation.id === ours.id).map((a) => ({
          id: `done-${actionLabel(a)}`,
          label: ctx.say('reply-actions.doneButton', { id: actionLabel(a) }),
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
      return refused('not-found', ctx.say('reply-actions.notFound', { id: args['action-id'], exercise: exercise.name }));
    const id = actionLabel(a);
    const owner = a.organisation.acronym;
    const member = ctx.actor.member;
    const isOwner = member?.role === 'focal' && member.organisation?.id === a.organisation.id;
    if (member?.role !== 'coordinator' && !isOwner) {
      const focal = member?.role === 'focal';
      return refused('forbidden', ctx.say(focal ? 'reply-actions.ownerOnlyFocal' : 'reply-actions.ownerOnlyObserver', { owner, id, org: member?.organisation?.acronym }));
    }
    if (a.status === 'done') return refused('rule', ctx.say('reply-actions.already', { id, state: actionState(a, exercise.timeZone, ctx.now, ctx.language, ctx.actor.person) }));
    markActionDone(ctx.db, a.id, ctx.nowIso, ctx.actor.person?.id ?? null);
    const stopped = cancelJobs(ctx.db, actionRef(a.id), [MINUTES_JOBS.actionReminder]);
    const values = { id, owner, due: a.dueDate, meeting: meetingLabel(m), text: a.text.split('\n')[0], count: stopped };
    return accepted(ctx.say(stopped ? 'reply-actions.markedStopped' : 'reply-actions.marked', values), {
      action: id,
      organisation: owner,
      dueDate: a.dueDate,
      remindersStopped: stopped,
    });
  },
});
