import { sayIn, type Say } from '../../i18n/say';
import { markdownBlocks } from '../../render/markdown';
import { formatInZone } from '../../domain/time';
import type { Db } from '../../store/db';
import type { Language } from '../../domain/vocabulary';
import type { Exercise } from '../../store/exercises';
import { actionsOfMeeting } from '../../store/action-items';
import { agendaOf, type Meeting } from '../../store/meetings';
import { organisationsOf, type Person } from '../../store/members';
import { attendanceOf, entriesOf, type EntryKind } from '../../store/minutes';
import { meetingView } from '../meetings/view';
import { actionLabel } from './lookups';

/** One note or decision as the minutes show it. */
export interface ContentEntry {
  entryId: number;
  text: string;
  by: string;
  at: string;
}

export interface ContentAction {
  id: string;
  organisation: string;
  dueDate: string;
  text: string;
  by: string;
  at: string;
}

/**
 * What a version of the minutes says: kept as JSON with each published version, so what members
 * received stays on record exactly, whatever is captured later.
 */
export interface MinutesContent {
  attendance: { present: string[]; absent: string[]; recordedAt: string } | null;
  agenda: string[];
  notes: ContentEntry[];
  decisions: ContentEntry[];
  actions: ContentAction[];
}

/** The minutes as captured so far: attendance, agenda, notes and decisions in order, action items. */
export function currentContent(db: Db, exercise: Exercise, m: Meeting): MinutesContent {
  const zone = exercise.timeZone;
  const entries = entriesOf(db, m.id);
  const of = (kind: EntryKind): ContentEntry[] =>
    entries
      .filter((e) => e.kind === kind)
      .map((e) => ({ entryId: e.id, text: e.text, by: e.capturedBy?.name ?? 'the coordinator', at: formatInZone(new Date(e.capturedAt), zone) }));
  const recorded = attendanceOf(db, m.id);
  const group = organisationsOf(db, exercise.id, m.group);
  const attendance = recorded
    ? {
        present: group.filter((o) => recorded.organisationIds.includes(o.id)).map((o) => o.acronym),
        absent: group.filter((o) => !recorded.organisationIds.includes(o.id)).map((o) => o.acronym),
        recordedAt: formatInZone(new Date(recorded.recordedAt), zone),
      }
    : null;
  return {
    attendance,
    agenda: agendaOf(db, m.id).map((i) => i.text),
    notes: of('note'),
    decisions: of('decision'),
    actions: actionsOfMeeting(db, m.id).map((a) => ({
      id: actionLabel(a),
      organisation: a.organisation.acronym,
      dueDate: a.dueDate,
      text: a.text,
      by: a.capturedBy?.name ?? 'the coordinator',
      at: formatInZone(new Date(a.capturedAt), zone),
    })),
  };
}

/** Whether there is anything to publish besides the agenda and attendance. */
export function hasCapturedItems(c: MinutesContent): boolean {
  return c.notes.length + c.decisions.length + c.actions.length > 0;
}

/** Action items grouped by owner organisation, owners in the order they first appear. */
export function byOwner(actions: ContentAction[]): { organisation: string; actions: ContentAction[] }[] {
  const owners: { organisation: string; actions: ContentAction[] }[] = [];
  for (const a of actions) {
    const owner = owners.find((o) => o.organisation === a.organisation);
    if (owner) owner.actions.push(a);
    else owners.push({ organisation: a.organisation, actions: [a] });
  }
  return owners;
}

/** The view of `templates/minutes*.txt/html`: every value plain text, escaped by the renderer; Markdown as blocks. */
export function minutesView(exercise: Exercise, m: Meeting, c: MinutesContent, person?: Pick<Person, 'timeZone'>, language: Language = 'en'): Record<string, unknown> {
  const entry = (e: ContentEntry, i: number) => ({ number: i + 1, text: e.text, blocks: markdownBlocks(e.text), by: e.by, at: e.at });
  const of = c.attendance ? c.attendance.present.length + c.attendance.absent.length : 0;
  return {
    ...meetingView(exercise, m, c.agenda, person, language),
    attendance: c.attendance
      ? { present: c.attendance.present.join(', '), absent: c.attendance.absent.join(', ') || false, count: c.attendance.present.length, of }
      : false,
    // The number the catalogue's "Present (2 of 5 organisations)" counts, where a plural message finds it.
    attendanceOf: of,
    notes: c.notes.map(entry),
    hasNotes: c.notes.length > 0,
    decisions: c.decisions.map(entry),
    hasDecisions: c.decisions.length > 0,
    owners: byOwner(c.actions).map((o) => ({
      organisation: o.organisation,
      actions: o.actions.map((a) => ({ id: a.id, dueDate: a.dueDate, text: a.text, blocks: markdownBlocks(a.text) })),
    })),
    hasActions: c.actions.length > 0,
  };
}

/**
 * The minutes as plain lines, for `/minutes show`. `fresh` marks what was captured after the
 * latest published version (it goes out with the next correction).
 */
export function contentLines(
  c: MinutesContent,
  options: { fresh?: { entries: Set<number>; actions: Set<string> }; stateOf?: (actionId: string) => string; say?: Say } = {},
): string[] {
  const { fresh, stateOf } = options;
  const said = options.say ?? sayIn('en');
  const say = (key: string, values: Record<string, unknown> = {}) => said(`reply-minutes.${key}`, values);
  const mark = (isNew: boolean) => (isNew ? say('notPublishedYet') : '');
  const indent = (text: string) => text.replace(/\n/g, '\n   ');
  const lines: string[] = [];
  const a = c.attendance;
  lines.push(
    a
      ? say(a.absent.length ? 'presentAbsent' : 'present', { present: a.present.length, count: a.present.length + a.absent.length, list: a.present.join(', ') || say('none'), absent: a.absent.join(', ') })
      : say('attendanceNone'),
  );
  lines.push('', say(c.agenda.length ? 'agenda' : 'agendaNone'));
  c.agenda.forEach((item, i) => lines.push(`${i + 1}. ${indent(item)}`));
  const section = (title: 'notes' | 'decisions', items: ContentEntry[]) => {
    lines.push('', say(items.length ? title : `${title}None`));
    items.forEach((e, i) => lines.push(`${i + 1}. ${indent(e.text)} (${e.by}, ${e.at})${mark(fresh?.entries.has(e.entryId) ?? false)}`));
  };
  section('notes', c.notes);
  section('decisions', c.decisions);
  lines.push('', say(c.actions.length ? 'actions' : 'actionsNone'));
  for (const owner of byOwner(c.actions)) {
    lines.push(`${owner.organisation}:`);
    for (const item of owner.actions) {
      const state = stateOf ? `, ${stateOf(item.id)}` : '';
      lines.push(say('action', { id: item.id, due: item.dueDate, state, text: indent(item.text), by: item.by, at: item.at, mark: mark(fresh?.actions.has(item.id) ?? false) }));
    }
  }
  return lines;
}
