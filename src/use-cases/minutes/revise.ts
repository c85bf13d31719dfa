import { z } from 'zod';
import { freeText, idArg } from '../../commands/args';
import { accepted, defineCommand, refused, type UseCaseResult } from '../../commands/registry';
import type { CommandContext } from '../../core/context';
import type { Meeting } from '../../store/meetings';
import { versionsOf } from '../../store/minutes';
import { short } from '../meetings/agenda';
import { meetingLabel } from '../meetings/lookups';
import { ENTRY_MAX, ITEM_HELP, capitalised, findItem, readItemRef, reviseItem, unreadableRef, type MinutesItem } from './items';
import { findMeetingForMinutes } from './lookups';

/** Published minutes are never edited in place: the refusal names the correction that would do it. */
function publishedRefusal(ctx: CommandContext, m: Meeting, instead: (label: string) => string, text: string): UseCaseResult | null {
  const versions = versionsOf(ctx.db, m.id);
  if (versions.length === 0) return null;
  const id = meetingLabel(m);
  const read = readItemRef(text);
  const label = read ? (read.ref.kind === 'action' ? `A${read.ref.id}` : `${read.ref.kind} ${read.ref.n}`) : 'note 2';
  const when = ctx.when(versions[0]!.publishedAt);
  return refused('rule', ctx.say('reply-minutes-admin.publishedNoEdit', { id, when, version: versions.at(-1)!.version, instead: instead(label) }));
}

/** The meeting and the item a revision is about, or the refusal. */
function target(ctx: CommandContext, meetingId: number, text: string, instead: (label: string) => string): { ok: true; m: Meeting; found: MinutesItem; rest: string } | { ok: false; refusal: UseCaseResult } {
  const meeting = findMeetingForMinutes(ctx, meetingId);
  if (!meeting.ok) return meeting;
  const m = meeting.value;
  const published = publishedRefusal(ctx, m, instead, text);
  if (published) return { ok: false, refusal: published };
  const read = readItemRef(text);
  if (!read) return { ok: false, refusal: refused('bad-argument', unreadableRef(ctx, m)) };
  const found = findItem(ctx, m, read.ref);
  if (!found.ok) return found;
  return { ok: true, m, found: found.value, rest: read.rest };
}

export const editMinutesItem = defineCommand({
  path: 'minutes edit',
  usage: '/minutes edit <meeting-id> <n> <text...>',
  params: [{ name: 'meeting-id', lookup: 'meeting' }, { name: 'text', rest: true }],
  schema: z.object({ 'meeting-id': idArg('M', 'meeting'), text: freeText('new text', ENTRY_MAX + 40, 'reply-minutes-admin.args') }),
  summary: 'Before the minutes are published: replace the text of a note, a decision or an action item.',
  details: [
    'Examples: /minutes edit M1 note 2 KAS asked about the 2011 census sampling frame.     /minutes edit M1 A3 Share the sampling frame with the PMG',
    `<n> is ${ITEM_HELP}. What was captured stays on record beside the new text.`,
    'Published minutes are never edited in place: after publication, /minutes correct <meeting-id> Note 2: <corrected text> publishes a corrected version.',
  ].join('\n'),
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const t = target(ctx, args['meeting-id'], args.text, (label) => `${capitalised(label)}: <corrected text>.`);
    if (!t.ok) return t.refusal;
    const id = meetingLabel(t.m);
    if (t.rest === '') return refused('bad-argument', ctx.say('reply-minutes-admin.missingNewText', { id }));
    const refusal = reviseItem(ctx, t.m, t.found, t.rest);
    if (refusal) return refusal;
    return accepted(ctx.say('reply-minutes-admin.edited', { item: capitalised(t.found.said), id, text: t.rest }), {
      meeting: id, item: t.found.label, before: t.found.text, after: t.rest,
    });
  },
});

export const removeMinutesItem = defineCommand({
  path: 'minutes remove',
  usage: '/minutes remove <meeting-id> <n>',
  params: [{ name: 'meeting-id', lookup: 'meeting' }, { name: 'item', hint: 'n', rest: true }],
  schema: z.object({ 'meeting-id': idArg('M', 'meeting'), item: freeText('item', 40, 'reply-minutes-admin.args') }),
  summary: 'Before the minutes are published: remove a note, a decision or an action item (its reminders stop).',
  details: [
    'Examples: /minutes remove M1 note 2     /minutes remove M1 D1     /minutes remove M1 A3',
    `<n> is ${ITEM_HELP}; the later items of that list move up one number. What was captured stays on record.`,
    'Published minutes are never edited in place: after publication, /minutes correct <meeting-id> Remove note 2 publishes a corrected version without it.',
  ].join('\n'),
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const t = target(ctx, args['meeting-id'], args.item, (label) => `Remove ${label}.`);
    if (!t.ok) return t.refusal;
    const id = meetingLabel(t.m);
    if (t.rest !== '') return refused('bad-argument', ctx.say('reply-minutes-admin.removeOnlyItem', { id }));
    const refusal = reviseItem(ctx, t.m, t.found, null);
    if (refusal) return refusal;
    const removed = 'actionItemId' in t.found.item ? 'removedAction' : 'removedItem';
    return accepted(ctx.say(`reply-minutes-admin.${removed}`, { item: t.found.said, text: short(t.found.text), id }), {
      meeting: id, item: t.found.label, removed: t.found.text,
    });
  },
});
