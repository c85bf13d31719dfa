import { z } from 'zod';
import { freeText, idArg } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import type { CommandContext } from '../../core/context';
import type { Medium } from '../../core/ports';
import type { Language } from '../../domain/vocabulary';
import { messageLanguage, translate } from '../../i18n/catalogue';
import { formatDateIn, formatForReader } from '../../i18n/dates';
import { formatDate, isOverdue, storedDate } from '../../domain/minutes';
import { cancelJobs } from '../../store/jobs';
import type { Meeting } from '../../store/meetings';
import { recipientsOf, type Person } from '../../store/members';
import { insertVersion, linkMinutesMessages, versionsOf, type MinutesVersion } from '../../store/minutes';
import { outboxEntry } from '../../store/outbox';
import { meetingLabel } from '../meetings/lookups';
import { describeMedia } from '../meetings/dispatch';
import { currentContent, hasCapturedItems, minutesView, type MinutesContent } from './content';
import { capitalised, findItem, ITEM_HELP, readItemRef, reviseItem, type ItemRef } from './items';
import { dueDateOf, findMeetingForMinutes, minutesRef } from './lookups';
import { MINUTES_JOBS } from './plan';

/**
 * Sends one published version to the group: a post in the group's bound channels and, to every
 * member of the meeting's group (focal points of its organisations, coordinators, observers), an
 * e-mail with plain text and HTML plus each linked chat identity. Every outbox row is tied to the
 * version. Returns "14 people, 14 messages (14 e-mail)", in the actor's language.
 */
function distribute(ctx: CommandContext, m: Meeting, version: MinutesVersion, content: MinutesContent, kind: string, extra: (language: Language, person: Person | null) => Record<string, unknown>): string {
  const exercise = ctx.requireExercise();
  const ref = minutesRef(m.id);
  // Each reader's copy in their language, its dates in the exercise's zone and their own beside it.
  const common = (person: Person | null) => {
    const language = messageLanguage(kind, person, exercise);
    const published = formatForReader(new Date(version.publishedAt), exercise.timeZone, person?.timeZone, language);
    return { language, view: { version: version.version, dueDate: formatDateIn(storedDate(version.dueDate), language), late: version.late, published, ...extra(language, person) } };
  };
  const channel = common(null);
  const posted = ctx.announce({ kind, ref, group: m.group, view: { ...minutesView(exercise, m, content, undefined, channel.language), ...channel.view, toGroup: true } });
  linkMinutesMessages(ctx.db, version.id, null, posted);
  const byMedium = new Map<Medium, number>();
  const recipients = recipientsOf(ctx.db, exercise.id, m.group);
  let messages = 0;
  for (const r of recipients) {
    const own = common(r);
    const ids = ctx.deliver({
      kind,
      ref,
      to: r,
      organisationId: r.role === 'focal' ? (r.organisation?.id ?? null) : null,
      view: { ...minutesView(exercise, m, content, r, own.language), ...own.view },
      links: { minutes: m.id },
    });
    linkMinutesMessages(ctx.db, version.id, r.id, ids);
    messages += ids.length;
    for (const id of ids) {
      const medium = outboxEntry(ctx.db, id)!.medium;
      byMedium.set(medium, (byMedium.get(medium) ?? 0) + 1);
    }
  }
  return ctx.say('reply-minutes-admin.sent', {
    people: ctx.say('reply-meeting-admin.people', { count: recipients.length }),
    messages: ctx.say('reply-meeting-admin.messages', { count: messages }),
    media: describeMedia(byMedium, ctx.say),
    channels: posted.length ? ctx.say('reply-minutes-admin.channels', { count: posted.length }) : '',
  });
}

export const publishMinutes = defineCommand({
  path: 'minutes publish',
  params: [{ name: 'meeting-id', lookup: 'meeting' }],
  schema: z.object({ 'meeting-id': idArg('M', 'meeting') }),
  summary: "Publish a meeting's minutes, once: posted in the group's channels and e-mailed to every member of the meeting's group.",
  details: [
    'The minutes show attendance (if recorded), the agenda, the notes and decisions in the order captured, and the action items by owner organisation.',
    "A PMG meeting's minutes go to the PMG only. Published minutes are never edited: /minutes correct <meeting-id> <what changed> publishes a new version.",
  ].join('\n'),
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const found = findMeetingForMinutes(ctx, args['meeting-id']);
    if (!found.ok) return found.refusal;
    const m = found.value;
    const id = meetingLabel(m);
    const say = ctx.sayFrom('reply-minutes-admin', { id });
    const published = versionsOf(ctx.db, m.id);
    if (published.length > 0) {
      const when = ctx.when(published[0]!.publishedAt);
      const corrections = published.length - 1;
      return refused('rule', corrections ? say('alreadyPublishedCorrected', { when, count: corrections }) : say('alreadyPublished', { when }));
    }
    const content = currentContent(ctx.db, exercise, m);
    if (!hasCapturedItems(content))
      return refused('rule', say('nothingCaptured'));
    const due = dueDateOf(exercise, m);
    const late = isOverdue(due, exercise.timeZone, ctx.now);
    const version = insertVersion(ctx.db, { meetingId: m.id, correction: null, content, at: ctx.nowIso, byPersonId: ctx.actor.person?.id ?? null, dueDate: formatDate(due), late });
    cancelJobs(ctx.db, minutesRef(m.id), [MINUTES_JOBS.minutesReminder]);
    const sent = distribute(ctx, m, version, content, 'minutes', () => ({}));
    return accepted(say(late ? 'publishedLate' : 'publishedOnTime', { group: m.group, due: formatDate(due), sent }), {
      meeting: id,
      version: 1,
      late,
      dueDate: formatDate(due),
    });
  },
});

/** What the new version holds that the previous one did not: counts, and whether the attendance was first recorded or changed. */
export interface MinutesChanges {
  notes: number;
  decisions: number;
  actions: number;
  attendance: 'recorded' | 'changed' | null;
}

export function changesOf(previous: MinutesContent, next: MinutesContent): MinutesChanges {
  const had = new Set([...previous.notes, ...previous.decisions].map((e) => e.entryId));
  const hadActions = new Set(previous.actions.map((a) => a.id));
  const present = (c: MinutesContent) => c.attendance?.present.join(',') ?? null;
  return {
    notes: next.notes.filter((e) => !had.has(e.entryId)).length,
    decisions: next.decisions.filter((e) => !had.has(e.entryId)).length,
    actions: next.actions.filter((a) => !hadActions.has(a.id)).length,
    attendance: present(previous) === present(next) ? null : previous.attendance ? 'changed' : 'recorded',
  };
}

/** The changes in a few words of `language` (catalogue section `minutesChanges`): "2 notes", "the attendance changed". */
export function describeChanges(c: MinutesChanges, language: Language = 'en'): string[] {
  const words: string[] = [];
  for (const what of ['notes', 'decisions', 'actions'] as const) if (c[what]) words.push(translate(language, `minutesChanges.${what}`, { count: c[what] }));
  if (c.attendance) words.push(translate(language, `minutesChanges.attendance${c.attendance === 'changed' ? 'Changed' : 'Recorded'}`));
  return words;
}

/** What the new version holds that the previous one did not, in a few English words (the coordinator's reply). */
export function additions(previous: MinutesContent, next: MinutesContent): string[] {
  return describeChanges(changesOf(previous, next));
}

/**
 * A correction that names an item: "Decision 1: <corrected text>" replaces its text, "Remove note 2"
 * leaves it out (`text: null`). Anything else is a statement of what changed (null here).
 */
export function readCorrection(text: string): { ref: ItemRef; text: string | null } | null {
  const removal = /^remove\s+/i.exec(text.trim());
  if (removal) {
    const read = readItemRef(text.trim().slice(removal[0].length));
    return read ? { ref: read.ref, text: null } : null;
  }
  const read = readItemRef(text);
  return read?.colon ? { ref: read.ref, text: read.rest } : null;
}

export const correctMinutes = defineCommand({
  path: 'minutes correct',
  params: [{ name: 'meeting-id', lookup: 'meeting' }, { name: 'text', rest: true }],
  schema: z.object({ 'meeting-id': idArg('M', 'meeting'), text: freeText('correction', 2000, 'reply-minutes-admin.args') }),
  summary: 'Publish a corrected version of published minutes, stating what changed; every version stays on record.',
  details: [
    'Example: /minutes correct M1 Decision 2: The methodology workshop is on 15 January.     /minutes correct M1 Remove note 3',
    `Starting with an item and a colon (${ITEM_HELP}) replaces that item's text in the new version; "Remove" and the item leaves it out. Any other text is a statement of what changed.`,
    'The new version shows the corrected minutes in full with what changed, and everything captured since the last version (notes, decisions, action items, attendance). It goes to the same group as the minutes.',
  ].join('\n'),
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const found = findMeetingForMinutes(ctx, args['meeting-id']);
    if (!found.ok) return found.refusal;
    const m = found.value;
    const id = meetingLabel(m);
    const say = ctx.sayFrom('reply-minutes-admin', { id });
    const published = versionsOf(ctx.db, m.id);
    const previous = published.at(-1);
    if (!previous) return refused('rule', say('notPublished'));
    const same = (a: string | null) => a !== null && a.replace(/\s+/g, ' ').trim() === args.text.replace(/\s+/g, ' ').trim();
    const revision = readCorrection(args.text);
    let revised: string[] = [];
    let revisedSaid: string[] = [];
    if (revision) {
      // Repeating "Remove note 2" would remove the next note 2: the same revision twice in a row is refused.
      if (same(previous.correction))
        return refused('rule', say('alreadyCorrected', { version: previous.version }));
      const found = findItem(ctx, m, revision.ref);
      if (!found.ok) return found.refusal;
      if (revision.text === '') return refused('bad-argument', say('missingCorrection', { item: capitalised(found.value.label) }));
      const refusal = reviseItem(ctx, m, found.value, revision.text);
      if (refusal) return refusal;
      revised = [`${found.value.label} ${revision.text === null ? 'removed' : 'corrected'}`];
      revisedSaid = [say(revision.text === null ? 'itemRemoved' : 'itemCorrected', { item: found.value.said })];
    }
    const content = currentContent(ctx.db, exercise, m);
    const added = additions(previous.content as MinutesContent, content);
    if (!revision && added.length === 0 && same(previous.correction))
      return refused('rule', say('alreadyStated', { version: previous.version }));
    const version = insertVersion(ctx.db, {
      meetingId: m.id, correction: args.text, content, at: ctx.nowIso, byPersonId: ctx.actor.person?.id ?? null,
      dueDate: published[0]!.dueDate, late: published[0]!.late,
    });
    const change = changesOf(previous.content as MinutesContent, content);
    const sent = distribute(ctx, m, version, content, 'minutes-correction', (language, person) => ({
      correction: args.text,
      previousVersion: previous.version,
      previousPublished: formatForReader(new Date(previous.publishedAt), exercise.timeZone, person?.timeZone, language),
      added: added.length ? describeChanges(change, language).join(', ') : false,
    }));
    const changes = [...revisedSaid, ...(added.length ? [say('added', { list: describeChanges(change, ctx.language).join(', ') })] : [])];
    return accepted(
      say('corrected', { version: version.version, previous: previous.version, changes: changes.length ? say('changes', { list: changes.join('; ') }) : '', sent }),
      { meeting: id, version: version.version, corrects: previous.version, correction: args.text, revised, added },
    );
  },
});
