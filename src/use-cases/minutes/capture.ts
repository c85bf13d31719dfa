import { z } from 'zod';
import { acronymArg, dateArg, freeText, idArg, refuse } from '../../commands/args';
import { accepted, defineCommand, refused, type CommandDefinition } from '../../commands/registry';
import type { CommandContext } from '../../core/context';
import { formatDate, isBeforeToday } from '../../domain/minutes';
import { insertAction } from '../../store/action-items';
import { activeFocalPoints, type Organisation } from '../../store/members';
import type { Meeting } from '../../store/meetings';
import { entriesOf, insertEntry, recordAttendance, versionsOf, type EntryKind } from '../../store/minutes';
import { meetingLabel } from '../meetings/lookups';
import { planActionReminders } from './plan';
import { actionLabel, findGroupOrganisation, findMeetingForMinutes } from './lookups';
import { ACTION_MAX, ENTRY_MAX } from './items';

const ENTRIES_PER_MEETING = 500;

/** The replies of the capturing commands (catalogue section `reply-minutes-admin`), in the actor's language. */
const sayMinutes = (ctx: CommandContext) => ctx.sayFrom('reply-minutes-admin');

/** After publication, what is captured goes out with the next version: say so. */
function afterPublication(ctx: CommandContext, m: Meeting): string {
  const versions = versionsOf(ctx.db, m.id);
  if (versions.length === 0) return '';
  return sayMinutes(ctx)('afterPublication', { id: meetingLabel(m), version: versions.at(-1)!.version });
}

function captureEntry(kind: EntryKind): CommandDefinition {
  const what = kind === 'note' ? 'note' : 'decision';
  return defineCommand({
    path: `minutes ${kind}`,
    params: [{ name: 'meeting-id', lookup: 'meeting' }, { name: 'text', rest: true }],
    schema: z.object({ 'meeting-id': idArg('M', 'meeting'), text: freeText(what, ENTRY_MAX, 'reply-minutes-admin.args') }),
    summary: kind === 'note' ? "Capture a note in a meeting's minutes, from the meeting's start." : "Capture a decision in a meeting's minutes, from the meeting's start.",
    details: [
      kind === 'note' ? 'Example: /minutes note M1 UNHCR presented the draft TOR; **KAS** asked about the sampling frame.' : 'Example: /minutes decision M1 The TOR is agreed with the changes to section IV.',
      `Up to ${ENTRY_MAX} characters; it may span lines. In the e-mailed minutes a little Markdown is shown as such: **bold**, *italics*, "- " lists and [links](https://...).`,
      'Who captured it and when is kept with it. Until the minutes are published, /minutes edit and /minutes remove change it (what was captured stays on record); after publication, /minutes correct publishes a new version.',
    ].join('\n'),
    access: 'coordinator',
    changes: true,
    run(ctx, args) {
      const found = findMeetingForMinutes(ctx, args['meeting-id']);
      if (!found.ok) return found.refusal;
      const m = found.value;
      const id = meetingLabel(m);
      const existing = entriesOf(ctx.db, m.id);
      if (existing.length >= ENTRIES_PER_MEETING) return refused('rule', sayMinutes(ctx)('entriesFull', { id, count: ENTRIES_PER_MEETING }));
      const entry = insertEntry(ctx.db, { meetingId: m.id, kind, text: args.text, at: ctx.nowIso, byPersonId: ctx.actor.person?.id ?? null });
      const n = existing.filter((e) => e.kind === kind).length + 1;
      return accepted(sayMinutes(ctx)(kind === 'note' ? 'noteCaptured' : 'decisionCaptured', { n, id, after: afterPublication(ctx, m) }), {
        meeting: id,
        [kind]: n,
        entry: entry.id,
      });
    },
  });
}

export const captureNote = captureEntry('note');
export const captureDecision = captureEntry('decision');

/** "KAS's focal points are reminded ...", or why they cannot be. */
function reminderSentence(ctx: CommandContext, org: Organisation, planned: ReturnType<typeof planActionReminders>): string {
  const say = sayMinutes(ctx);
  if (activeFocalPoints(ctx.db, org.id).length === 0) return say('remindNobody', { org: org.acronym });
  const when = planned.some((r) => r.daysBefore > 0) ? 'remindTwoDaysBefore' : planned.some((r) => r.atOnce) ? 'remindNow' : 'remindOnTheDay';
  return say(when, { org: org.acronym });
}

export const captureAction = defineCommand({
  path: 'minutes action',
  params: [{ name: 'meeting-id', lookup: 'meeting' }, { name: 'org' }, { name: 'due-date' }, { name: 'text', rest: true }],
  schema: z.object({ 'meeting-id': idArg('M', 'meeting'), org: acronymArg, 'due-date': dateArg, text: freeText('action item', ACTION_MAX, 'reply-minutes-admin.args') }),
  summary: "Capture an action item in a meeting's minutes: the organisation that owns it, its due date, what to do.",
  details: [
    'Example: /minutes action M1 KAS 2026-12-15 Share the 2011 census sampling frame with the PMG',
    "The owner is an organisation of the meeting's group; the due date is today or later. Its focal points are reminded two days before and on the due date; /minutes done <action-id> closes it.",
  ].join('\n'),
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const found = findMeetingForMinutes(ctx, args['meeting-id']);
    if (!found.ok) return found.refusal;
    const m = found.value;
    const owner = findGroupOrganisation(ctx, m, args.org);
    if (!owner.ok) return owner.refusal;
    const due = args['due-date'];
    if (isBeforeToday(due, exercise.timeZone, ctx.now))
      return refused('rule', sayMinutes(ctx)('duePassed', { date: formatDate(due), zone: exercise.timeZone }));
    const action = insertAction(ctx.db, {
      exerciseId: exercise.id, meetingId: m.id, organisationId: owner.value.id, dueDate: formatDate(due), text: args.text,
      at: ctx.nowIso, byPersonId: ctx.actor.person?.id ?? null,
    });
    const planned = planActionReminders(ctx, action);
    const id = actionLabel(action);
    return accepted(
      sayMinutes(ctx)('actionCaptured', {
        id, org: owner.value.acronym, due: action.dueDate, meeting: meetingLabel(m), reminders: reminderSentence(ctx, owner.value, planned), after: afterPublication(ctx, m),
      }),
      { meeting: meetingLabel(m), action: id, organisation: owner.value.acronym, dueDate: action.dueDate },
    );
  },
});

export const recordMeetingAttendance = defineCommand({
  path: 'minutes attendance',
  params: [{ name: 'meeting-id', lookup: 'meeting' }, { name: 'orgs', hint: 'org', rest: true }],
  schema: z.object({
    'meeting-id': idArg('M', 'meeting'),
    orgs: z
      .string()
      .transform((s) => s.split(/[\s,]+/).filter(Boolean))
      .superRefine((orgs, ctx) => {
        if (orgs.length === 0) refuse(ctx, 'Name the organisations present, e.g. MCR UNHCR KAS.', 'reply-minutes-admin.args.noOrganisations');
      })
      .pipe(z.array(acronymArg).max(100)),
  }),
  summary: "Record which organisations were present at a meeting, for its minutes (each time replaces the list).",
  details: 'Example: /minutes attendance M1 MCR UNHCR DRC UNDP IOM KAS UNFPA\nThe organisations of the group not named are shown as absent. Without it, the minutes say attendance was not recorded.',
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const found = findMeetingForMinutes(ctx, args['meeting-id']);
    if (!found.ok) return found.refusal;
    const m = found.value;
    const present: Organisation[] = [];
    for (const acronym of args.orgs) {
      const org = findGroupOrganisation(ctx, m, acronym);
      if (!org.ok) return org.refusal;
      if (!present.some((o) => o.id === org.value.id)) present.push(org.value);
    }
    recordAttendance(ctx.db, { meetingId: m.id, organisationIds: present.map((o) => o.id), at: ctx.nowIso, byPersonId: ctx.actor.person?.id ?? null });
    const names = present.map((o) => o.acronym);
    const said = sayMinutes(ctx)('attendance', { id: meetingLabel(m), count: names.length, list: names.join(', '), after: afterPublication(ctx, m) });
    return accepted(said, {
      meeting: meetingLabel(m),
      present: names,
    });
  },
});
