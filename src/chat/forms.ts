import type { CommandOutcome } from '../core/ports';
import { GROUPS, GROUP_NAMES, MILESTONES, MILESTONE_NAMES } from '../domain/vocabulary';
import { tokenize } from '../commands/tokenize';
import type { ChatIntent } from './intent';

/** How an input is drawn: a platform without pickers draws dates and times as text with the placeholder. */
export type FormInputKind = 'choice' | 'date' | 'time' | 'text' | 'long-text' | 'number';

/**
 * One input of a form, platform-free. `name` is the param or option of the command it fills, so a
 * refusal's `field` names the input to show it on.
 */
export interface FormInput {
  name: string;
  label: string;
  kind: FormInputKind;
  required: boolean;
  choices?: readonly { value: string; label: string }[];
  /** For text inputs. */
  maxLength?: number;
  /** For number inputs. */
  min?: number;
  max?: number;
  /** Shown under the input. */
  hint?: string;
  /** Shown inside an empty text input: the format expected (`YYYY-MM-DD`). */
  placeholder?: string;
  /** For number inputs, in the reader's words (`5 to 1440.`): said by a platform that has no number input. */
  range?: string;
}

/**
 * A form a chat platform draws (a Slack modal, a Discord modal). Inputs are in the order shown;
 * `essential` lists, most needed first, what a platform with few inputs keeps (a Discord modal
 * holds five): `inputsWithin(form, 5)`.
 */
export interface ChatForm {
  /** Stable id: the platform's callback/custom id is built from it. */
  id: string;
  /** The command its submission runs. */
  command: string;
  title: string;
  submit: string;
  inputs: readonly FormInput[];
  essential: readonly string[];
}

const choicesOf = <T extends string>(values: readonly T[], names: Record<T, string>) => values.map((value) => ({ value, label: names[value] }));
const inZone = "In the exercise's time zone.";

/** What `/meeting schedule` with no arguments opens. */
export const SCHEDULE_FORM: ChatForm = {
  id: 'meeting-schedule',
  command: 'meeting schedule',
  title: 'Schedule a meeting',
  submit: 'Schedule',
  inputs: [
    { name: 'group', label: 'Group', kind: 'choice', required: true, choices: choicesOf(GROUPS, GROUP_NAMES), placeholder: GROUPS.join(' or ') },
    { name: 'date', label: 'Date', kind: 'date', required: true, hint: inZone, placeholder: 'YYYY-MM-DD' },
    { name: 'time', label: 'Start time', kind: 'time', required: true, hint: inZone, placeholder: 'HH:MM' },
    { name: 'title', label: 'Title', kind: 'text', required: true, maxLength: 200 },
    { name: 'milestone', label: 'Key meeting of the TOR', kind: 'choice', required: false, choices: choicesOf(MILESTONES, MILESTONE_NAMES), placeholder: MILESTONES.join(', ') },
    { name: 'where', label: 'Place', kind: 'text', required: false, maxLength: 200 },
    { name: 'duration', label: 'Duration (minutes)', kind: 'number', required: false, min: 5, max: 1440, placeholder: '120' },
    {
      name: 'urgent', label: 'Reason for short notice', kind: 'text', required: false, maxLength: 500,
      hint: 'Only when the agenda can no longer reach members by the notice deadline.',
    },
  ],
  // Short notice is what the form's most common refusal asks for, so its reason stays in a short form.
  essential: ['group', 'date', 'time', 'title', 'urgent', 'milestone', 'where', 'duration'],
};

/**
 * What a button whose intent `needsReason` opens first (Object): its one input goes into the
 * command's free text (`withReason`). The command is the intent's, carried by the form.
 */
export const REASON_FORM: ChatForm = {
  id: 'endorse-objection',
  command: 'endorse vote',
  title: 'Object',
  submit: 'Object',
  inputs: [{ name: 'reason', label: 'Why does your organisation object?', kind: 'long-text', required: true, maxLength: 2000 }],
  essential: ['reason'],
};

/**
 * The form a typed command opens instead of running, when it is typed with no arguments and has
 * one (`/meeting schedule` alone); null otherwise.
 */
export function formToOpen(line: string): ChatForm | null {
  const t = tokenize(line.trim());
  if (!t.ok || t.tokens.some((w) => w.quoted || w.key !== undefined)) return null;
  const words = t.tokens.map((w) => w.text.toLowerCase()).join(' ').replace(/^\//, '');
  return [SCHEDULE_FORM].find((f) => f.command === words) ?? null;
}

export const FORMS: readonly ChatForm[] = [SCHEDULE_FORM, REASON_FORM];

/** The inputs of `form` a platform that holds at most `max` draws: the most essential ones, in form order. */
export function inputsWithin(form: ChatForm, max: number): FormInput[] {
  const kept = new Set(form.essential.slice(0, max));
  return form.inputs.filter((i) => kept.has(i.name));
}

/**
 * A submitted form as an intent: trimmed values by input name, empty ones left out (the core says
 * what a required one lacks). Unknown names are ignored: a client can send anything.
 */
export function formIntent(form: ChatForm, values: Readonly<Record<string, string | null | undefined>>): ChatIntent {
  const args: Record<string, string> = {};
  for (const input of form.inputs) {
    const v = values[input.name];
    if (typeof v === 'string' && v.trim() !== '') args[input.name] = v.trim();
  }
  return { command: form.command, args };
}

/**
 * The input a refusal is shown on: the one it is about, or else the first one drawn (a form can
 * show a sentence only on an input).
 */
export function inputOfRefusal(inputs: readonly FormInput[], outcome: CommandOutcome): string {
  const field = outcome.status === 'refused' ? outcome.field : undefined;
  return inputs.find((i) => i.name === field)?.name ?? inputs[0]!.name;
}
