import type { types, ViewOutput } from '@slack/bolt';
import { z } from 'zod';
import { escapeSlackText } from '../../src/render/escape';

export const SCHEDULE_VIEW = 'convene-meeting-schedule';
export const OBJECTION_VIEW = 'convene-endorse-objection';
/** Every input element of our forms has this action id; the block id names the field. */
const FIELD = 'value';

/** What a form carries from where it was opened: never who acts (that is the submitting user). */
export const formOrigin = z.object({
  /** The endorsement request an objection is about (from our own button). */
  request: z.string().regex(/^[A-Za-z]+\d+$/).optional(),
  /** Where to answer once the form is closed: the response_url of the command or click that opened it. */
  responseUrl: z.string().url().optional(),
  channelId: z.string().regex(/^[A-Z0-9]+$/i).optional(),
});
export type FormOrigin = z.infer<typeof formOrigin>;

export function readOrigin(view: ViewOutput): FormOrigin {
  try {
    const parsed = formOrigin.safeParse(JSON.parse(view.private_metadata || '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: false });
const option = (value: string, label: string) => ({ text: plain(label), value });

function input(block: string, label: string, element: types.InputBlockElement, optional = false, hint?: string): types.InputBlock {
  return { type: 'input', block_id: block, label: plain(label), element, optional, ...(hint ? { hint: plain(hint) } : {}) };
}

/** The form `/meeting schedule` opens when typed without arguments. */
export function scheduleView(origin: FormOrigin): types.ModalView {
  return {
    type: 'modal',
    callback_id: SCHEDULE_VIEW,
    private_metadata: JSON.stringify(origin),
    title: plain('Schedule a meeting'),
    submit: plain('Schedule'),
    close: plain('Cancel'),
    blocks: [
      input('group', 'Group', { type: 'static_select', action_id: FIELD, options: [option('PWG', 'PWG: Profiling Working Group'), option('PMG', 'PMG: Profiling Management Group')] }),
      input('date', 'Date', { type: 'datepicker', action_id: FIELD }, false, "In the exercise's time zone."),
      input('time', 'Start time', { type: 'timepicker', action_id: FIELD }, false, "In the exercise's time zone."),
      input('title', 'Title', { type: 'plain_text_input', action_id: FIELD, max_length: 200 }),
      input('milestone', 'Key meeting of the TOR', {
        type: 'static_select',
        action_id: FIELD,
        options: [
          option('tor', 'Objectives and TOR'),
          option('methodology', 'Methodology and data-collection tools'),
          option('findings', 'Findings and recommendations'),
          option('report', 'Final report and dissemination'),
        ],
      }, true),
      input('where', 'Place', { type: 'plain_text_input', action_id: FIELD, max_length: 200 }, true),
      input('duration', 'Duration (minutes)', { type: 'number_input', action_id: FIELD, is_decimal_allowed: false, min_value: '1' }, true),
      input('urgent', 'Reason for short notice', { type: 'plain_text_input', action_id: FIELD, max_length: 500 }, true,
        'Only when the agenda can no longer reach members seven days ahead.'),
    ],
  };
}

/** The form the Object button opens: an objection should say why. */
export function objectionView(origin: FormOrigin): types.ModalView {
  return {
    type: 'modal',
    callback_id: OBJECTION_VIEW,
    private_metadata: JSON.stringify(origin),
    title: plain('Object'),
    submit: plain('Object'),
    close: plain('Cancel'),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `Your organisation objects to ${escapeSlackText(origin.request ?? 'this request')}.`, verbatim: true } },
      input('reason', 'Why does your organisation object?', { type: 'plain_text_input', action_id: FIELD, multiline: true, max_length: 2000 }),
    ],
  };
}

type Values = ViewOutput['state']['values'];

function field(values: Values, block: string): string | undefined {
  const v = values[block]?.[FIELD];
  const raw = v?.selected_option?.value ?? v?.selected_date ?? v?.selected_time ?? v?.value ?? undefined;
  return raw === null || raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

/**
 * One quoted word of the command grammar: `\` and `"` are escaped; curly quotes, which the
 * tokenizer also takes as closing quotes, become straight ones first.
 */
export function quoted(text: string): string {
  return `"${text.replace(/[\u201c\u201d]/g, '"').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A value that should be one bare word (a group, a date); anything else is quoted, and the core says what is wrong with it. */
const word = (text: string) => (/^[\w:.-]+$/.test(text) ? text : quoted(text));

export interface ScheduleForm {
  group?: string;
  date?: string;
  time?: string;
  title?: string;
  milestone?: string;
  where?: string;
  duration?: string;
  urgent?: string;
}

export function readScheduleForm(values: Values): ScheduleForm {
  const form: ScheduleForm = {};
  for (const key of ['group', 'date', 'time', 'title', 'milestone', 'where', 'duration', 'urgent'] as const) {
    const v = field(values, key);
    if (v !== undefined) form[key] = v;
  }
  return form;
}

/** The form as the one command line of the grammar, run like any typed command. */
export function scheduleCommand(f: ScheduleForm): string {
  const parts = ['/meeting schedule', word(f.group ?? ''), word(f.date ?? ''), word(f.time ?? ''), quoted(f.title ?? '')];
  if (f.milestone) parts.push(`milestone:${word(f.milestone)}`);
  if (f.where) parts.push(`where:${quoted(f.where)}`);
  if (f.duration) parts.push(`duration:${word(f.duration)}`);
  if (f.urgent) parts.push(`urgent:${quoted(f.urgent)}`);
  return parts.join(' ');
}

export function objectionCommand(request: string, values: Values): string {
  return `/endorse vote ${request} object ${quoted(field(values, 'reason') ?? '')}`;
}

/**
 * The form field a refusal is most likely about. The grammar and the rules name the bad part
 * in their sentence (the option's name, the date or time typed); anything else is shown on the
 * first field, so the person always sees it in the form.
 */
export function fieldOfRefusal(sentence: string, f: ScheduleForm): keyof ScheduleForm {
  const s = sentence.toLowerCase();
  if (s.includes('milestone')) return 'milestone';
  if (s.includes('duration')) return 'duration';
  if (/\bwhere\b|\bplace\b/.test(s)) return 'where';
  if (/\btitle\b/.test(s)) return 'title';
  if (/does not exist|ambiguous|clocks? (go|goes|went)/.test(s)) return 'time';
  const namesDate = /\bdate\b/.test(s) || (!!f.date && sentence.includes(f.date));
  if (s.includes('urgent') && !namesDate) return 'urgent';
  if (namesDate) return 'date';
  if (/\btime\b/.test(s) || (!!f.time && sentence.includes(f.time))) return 'time';
  return 'group';
}
