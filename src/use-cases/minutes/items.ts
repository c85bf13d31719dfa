import { refused, type UseCaseResult } from '../../commands/registry';
import type { CommandContext } from '../../core/context';
import { actionRef, actionsOfMeeting } from '../../store/action-items';
import { cancelJobs } from '../../store/jobs';
import type { Meeting } from '../../store/meetings';
import { entriesOf, insertRevision, type EntryKind, type RevisedItem } from '../../store/minutes';
import { meetingLabel } from '../meetings/lookups';
import { actionLabel } from './lookups';
import { MINUTES_JOBS } from './plan';

export const ENTRY_MAX = 4000;
export const ACTION_MAX = 1000;

/** An item of the minutes as people name it: note 2 and decision 1 by their number in the list, action items by their id. */
export type ItemRef = { kind: EntryKind; n: number } | { kind: 'action'; id: number };

/** A captured item found in a meeting's minutes, with its current text. */
export interface MinutesItem {
  /** "note 2", "decision 1", "action item A3" (the audit log's words). */
  label: string;
  /** The same in the actor's language, for replies. */
  said: string;
  item: RevisedItem;
  text: string;
  max: number;
}

// "note 2", "N2", "decision 1", "D1", "A3", "action A3", "action item 3": what /minutes show and the capture replies name.
const REF = /^(?:(note|n|decision|d)\s*(\d{1,4})|(?:action(?:\s+item)?\s*)?a(\d{1,7})|action(?:\s+item)?\s+(\d{1,7}))(?=$|[\s:.,])/i;

/** Reads an item reference at the start of `text`; `rest` is what follows it, `colon` whether a colon came first. */
export function readItemRef(text: string): { ref: ItemRef; rest: string; colon: boolean } | null {
  const t = text.trim();
  const m = REF.exec(t);
  if (!m) return null;
  const after = t.slice(m[0].length);
  const colon = /^\s*:/.test(after);
  const rest = after.replace(/^\s*[:.,]?\s*/, '');
  if (m[1]) return { ref: { kind: /^n/i.test(m[1]) ? 'note' : 'decision', n: Number(m[2]) }, rest, colon };
  return { ref: { kind: 'action', id: Number(m[3] ?? m[4]) }, rest, colon };
}

export const ITEM_HELP = 'note 2 (or N2), decision 1 (or D1), or an action item by its id (A3), as /minutes show lists them';

/** The sentence for a reference that could not be read, in the actor's language. */
export function unreadableRef(ctx: CommandContext, m: Meeting): string {
  return ctx.say('reply-minutes-admin.unreadableRef', { id: meetingLabel(m) });
}

/** "Note 2" from "note 2": for the start of a sentence or a correction. */
export const capitalised = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

/** The captured item a reference names in the meeting's minutes as they stand, or why there is none. */
export function findItem(ctx: CommandContext, m: Meeting, ref: ItemRef): { ok: true; value: MinutesItem } | { ok: false; refusal: UseCaseResult } {
  const id = meetingLabel(m);
  const say = ctx.sayFrom('reply-minutes-admin', { id });
  if (ref.kind === 'action') {
    const a = actionsOfMeeting(ctx.db, m.id).find((x) => x.id === ref.id);
    if (!a) return { ok: false, refusal: refused('not-found', say('notAnAction', { action: `A${ref.id}` })) };
    const label = actionLabel(a);
    return { ok: true, value: { label: `action item ${label}`, said: say('items.action', { action: label }), item: { actionItemId: a.id }, text: a.text, max: ACTION_MAX } };
  }
  const ofKind = entriesOf(ctx.db, m.id).filter((e) => e.kind === ref.kind);
  const entry = ofKind[ref.n - 1];
  if (!entry) {
    const holds = say(`items.${ref.kind}Holds${ofKind.length === 0 ? 'None' : ofKind.length === 1 ? 'One' : 'Many'}`, { count: ofKind.length });
    return { ok: false, refusal: refused('not-found', say(`items.${ref.kind}Missing`, { n: ref.n, holds })) };
  }
  return { ok: true, value: { label: `${ref.kind} ${ref.n}`, said: say(`items.${ref.kind}`, { n: ref.n }), item: { entryId: entry.id }, text: entry.text, max: ENTRY_MAX } };
}

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * Edits (`text`) or removes (`text: null`) a captured item: a revision row beside what was captured.
 * A removed action item's reminders are cancelled. Refused when an edit would change nothing.
 */
export function reviseItem(ctx: CommandContext, m: Meeting, found: MinutesItem, text: string | null): UseCaseResult | null {
  if (text !== null) {
    if (sameText(text, found.text)) return refused('rule', ctx.say('reply-minutes-admin.alreadyReads', { item: capitalised(found.said), id: meetingLabel(m) }));
    if ([...text].length > found.max) return refused('bad-argument', ctx.say('reply-minutes-admin.textTooLong', { length: [...text].length, max: found.max }));
  }
  insertRevision(ctx.db, { meetingId: m.id, item: found.item, change: text === null ? 'remove' : 'edit', text, at: ctx.nowIso, byPersonId: ctx.actor.person?.id ?? null });
  if (text === null && 'actionItemId' in found.item) cancelJobs(ctx.db, actionRef(found.item.actionItemId), [MINUTES_JOBS.actionReminder]);
  return null;
}
