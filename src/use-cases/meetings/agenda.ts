import { z } from 'zod';
import type { Language } from '../../domain/vocabulary';
import { translate } from '../../i18n/catalogue';
import { formatLongIn } from '../../i18n/dates';
import { choiceArg, freeText, idArg, refuse } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { currentNotice } from '../../store/meeting-notices';
import { addAgendaItem, agendaOf, meetingById, moveAgendaItem, removeAgendaItem, type Meeting } from '../../store/meetings';
import { offersCoordinatorSteps } from '../shared/hints';
import { closedForChanges, findMeeting, meetingLabel } from './lookups';

export const AGENDA_ITEM_MAX = 1000;
export const AGENDA_MAX_ITEMS = 50;

const itemText = freeText('agenda item', AGENDA_ITEM_MAX, 'reply-meeting-admin.args');
const position = (what: 'item number' | 'new position') =>
  z.string().transform((s, ctx): number => {
    if (/^\d{1,3}$/.test(s)) return Number(s);
    const key = what === 'item number' ? 'itemNumber' : 'newPosition';
    refuse(ctx, `The ${what} is an item number as /meeting agenda <id> show lists them, e.g. 2.`, `reply-meeting-admin.args.${key}`);
    return z.NEVER;
  });

type AgendaOp = { op: 'show' } | { op: 'add'; text: string } | { op: 'remove'; n: number } | { op: 'move'; n: number; to: number };

/** Reads the words after the action into one operation, with the grammar's own sentences for what is wrong. */
const agendaSchema = z
  .object({ id: idArg('M', 'meeting'), action: choiceArg('agenda action', ['add', 'remove', 'move', 'show'] as const, 'reply-meeting-admin.args'), rest: z.string().optional() })
  .transform((v, ctx): { id: number; operation: AgendaOp } => {
    // The English sentence, and its key in the catalogue for the reader's language (args.ts's refuse).
    const fail = (english: string, key: string) => {
      refuse(ctx, english, `reply-meeting-admin.args.${key}`, { id: `M${v.id}` });
      return z.NEVER;
    };
    const words = (v.rest ?? '').trim().split(/\s+/).filter(Boolean);
    const check = <T>(schema: z.ZodType<T>, value: unknown): T | typeof z.NEVER => {
      const r = schema.safeParse(value);
      if (r.success) return r.data;
      const issue = r.error.issues[0]!;
      ctx.addIssue({ code: 'custom', message: issue.message, ...('params' in issue && issue.params ? { params: issue.params } : {}) });
      return z.NEVER;
    };
    switch (v.action) {
      case 'show':
        return words.length ? fail(`/meeting agenda M${v.id} show takes nothing after it.`, 'showNothing') : { id: v.id, operation: { op: 'show' } };
      case 'add': {
        if (!v.rest?.trim()) return fail(`Missing the item's text: /meeting agenda M${v.id} add <text...>.`, 'addMissing');
        const text = check(itemText, v.rest);
        return { id: v.id, operation: { op: 'add', text } };
      }
      case 'remove': {
        if (words.length !== 1) return fail(`Usage: /meeting agenda M${v.id} remove <n>.`, 'removeUsage');
        return { id: v.id, operation: { op: 'remove', n: check(position('item number'), words[0]) } };
      }
      case 'move': {
        if (words.length !== 2) return fail(`Usage: /meeting agenda M${v.id} move <n> <to>.`, 'moveUsage');
        return { id: v.id, operation: { op: 'move', n: check(position('item number'), words[0]), to: check(position('new position'), words[1]) } };
      }
    }
  });

export const editAgenda = defineCommand({
  path: 'meeting agenda',
  usage: '/meeting agenda <id> add <text...> | remove <n> | move <n> <to> | show',
  params: [{ name: 'id', lookup: 'meeting' }, { name: 'action', choices: ['add', 'remove', 'move', 'show'] }, { name: 'rest', rest: true, optional: true }],
  schema: agendaSchema,
  readsOnly: (args) => args.operation.op === 'show',
  readAccess: 'member',
  summary: "Edit or show a meeting's agenda. After the notice went out, /meeting send <id> sends the amended agenda.",
  details: [
    'Examples: /meeting agenda M3 add Review of the draft TOR',
    '          /meeting agenda M3 move 3 1     /meeting agenda M3 remove 2     /meeting agenda M3 show',
    `An item is up to ${AGENDA_ITEM_MAX} characters and may span lines; an agenda holds up to ${AGENDA_MAX_ITEMS} items.`,
  ].join('\n'),
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const found = findMeeting(ctx, args.id);
    if (!found.ok) return refused('not-found', found.message);
    const m = found.value;
    const id = meetingLabel(m);
    const op = args.operation;
    const items = agendaOf(ctx.db, m.id);
    if (op.op === 'show') return accepted(showAgenda(m, items.map((i) => i.text), exercise.timeZone, offersCoordinatorSteps(ctx), ctx.language));
    const closed = closedForChanges(ctx, m);
    if (closed) return refused('rule', closed);
    const exists = (n: number) => n >= 1 && n <= items.length;
    const say = ctx.sayFrom('reply-meeting-admin', { id });
    const noItem = (n: number) => say('noItem', { n, range: items.length === 0 ? say('agendaEmpty') : say('agendaRange', { count: items.length }) });
    let said: string;
    switch (op.op) {
      case 'add':
        if (items.length >= AGENDA_MAX_ITEMS) return refused('rule', say('agendaFull', { count: AGENDA_MAX_ITEMS }));
        said = say('itemAdded', { n: addAgendaItem(ctx.db, m.id, op.text, ctx.nowIso) });
        break;
      case 'remove':
        if (!exists(op.n)) return refused('not-found', noItem(op.n));
        said = say('itemRemoved', { n: op.n, text: short(removeAgendaItem(ctx.db, m.id, op.n, ctx.nowIso)) });
        break;
      case 'move':
        if (!exists(op.n) || !exists(op.to)) return refused('not-found', noItem(exists(op.n) ? op.to : op.n));
        if (op.n === op.to) return refused('rule', say('itemAlreadyThere', { n: op.n, to: op.to }));
        said = say('itemMoved', { n: op.n, to: op.to, text: short(moveAgendaItem(ctx.db, m.id, op.n, op.to, ctx.nowIso)) });
        break;
    }
    const updated = meetingById(ctx.db, m.id)!;
    const sent = currentNotice(ctx.db, m.id);
    const after = sent ? say('agendaAmended', { when: ctx.whenLong(sent.sentAt) }) : say('agendaToSend');
    const agenda = agendaOf(ctx.db, m.id).map((i) => i.text);
    return accepted(`${said}\n${showAgenda(updated, agenda, exercise.timeZone, true, ctx.language)}\n${after}`, {
      meeting: id,
      operation: op.op,
      ...(op.op === 'add' ? { text: op.text } : op.op === 'remove' ? { item: op.n } : { item: op.n, to: op.to }),
      agendaVersion: updated.agendaVersion,
    });
  },
});

/** The first line of a text, cut to 60 characters: to name an item in a reply. */
export function short(text: string): string {
  const line = text.split('\n')[0]!;
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/**
 * "Agenda of M3 (PWG, Tue 1 Dec 2026, 10:00 (Europe/Belgrade)):\n1. ...". An empty agenda suggests
 * adding an item only to whoever may (offerAdd): focal points and observers read it too.
 */
export function showAgenda(m: Meeting, agenda: string[], zone: string, offerAdd: boolean, language: Language = 'en'): string {
  const say = (key: string, values: Record<string, unknown> = {}) => translate(language, `reply-minutes.${key}`, values);
  const id = meetingLabel(m);
  const head = say('agendaOf', { id, group: m.group, when: formatLongIn(m.startsAt, zone, language) });
  if (agenda.length === 0) return say(offerAdd ? 'agendaEmptyHint' : 'agendaEmpty', { head, id });
  return `${head}:\n${agenda.map((t, i) => `${i + 1}. ${t.replace(/\n/g, '\n   ')}`).join('\n')}`;
}
