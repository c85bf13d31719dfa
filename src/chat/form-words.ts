import type { Say } from '../i18n/say';
import { hasMessage } from '../i18n/say';
import { REASON_FORM, SCHEDULE_FORM, type ChatForm, type FormInput } from './forms';
import type { ChatIntent } from './intent';

/** A form as a person sees it: its words in their language, ready for a platform to draw. */
export interface DrawnForm extends ChatForm {
  /** The line above the inputs (the reason form: what the person is about to do). */
  intro?: string;
  /** The button that closes the form without sending it. */
  cancel: string;
}

/** Which catalogue section of `chat-form` says each form's words. */
const SECTIONS: Record<string, string> = { [SCHEDULE_FORM.id]: 'schedule', [REASON_FORM.id]: 'objection' };

/** A form the platform may ask to draw, by id: only ours. */
export function formById(id: string): ChatForm | undefined {
  return [SCHEDULE_FORM, REASON_FORM].find((f) => f.id === id);
}

/**
 * `form` in the words `say` gives: heading, submit, each input's label and hint, the choices' names
 * and, for a number, its range (`range`, for a platform without a number input). What the
 * catalogue does not say stays as the form has it: the reason form's Object, a command word.
 */
export function formIn(form: ChatForm, say: Say, intent?: ChatIntent): DrawnForm {
  const section = `chat-form.${SECTIONS[form.id] ?? form.id}`;
  const own = (name: string, otherwise: string) => (hasMessage(`${section}.${name}`) ? say(`${section}.${name}`) : otherwise);
  const inputs = form.inputs.map((input): FormInput => {
    const hint = input.hint === undefined ? undefined : own(`${input.name}Hint`, input.hint);
    const range = input.kind === 'number' && input.min !== undefined && input.max !== undefined ? say('chat-form.numberRange', { min: input.min, max: input.max }) : undefined;
    return {
      ...input,
      label: own(input.name, input.label),
      ...(hint !== undefined ? { hint } : {}),
      ...(range !== undefined ? { range } : {}),
      ...(input.choices ? { choices: input.choices.map((c) => ({ value: c.value, label: choiceName(input.name, c.value, c.label, say) })) } : {}),
    };
  });
  const id = intent?.args['id'];
  return {
    ...form,
    title: own('heading', form.title),
    submit: own('submit', form.submit),
    inputs,
    cancel: say('chat-form.cancel'),
    ...(form.id === REASON_FORM.id && id ? { intro: say(`${section}.intro`, { id }) } : {}),
  };
}

/** A group by its acronym and name (`PWG: Radna grupa za profilisanje`), a key meeting by its name, in the reader's words. */
function choiceName(input: string, value: string, otherwise: string, say: Say): string {
  if (input === 'group' && hasMessage(`groups.${value}`)) return `${value}: ${say(`groups.${value}`)}`;
  if (input === 'milestone' && hasMessage(`chat-form.milestones.${value}`)) return say(`chat-form.milestones.${value}`);
  return otherwise;
}
