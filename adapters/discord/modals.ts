import {
  ComponentType,
  TextInputStyle,
  type APILabelComponent,
  type APIModalInteractionResponseCallbackData,
  type APITextDisplayComponent,
  type ModalSubmitInteraction,
} from 'discord.js';
import { inputsWithin, type FormInput } from '../../src/chat/forms';
import type { DrawnForm } from '../../src/chat/form-words';
import { escapeDiscordText } from '../../src/render/escape';

/** Discord limits: 5 components in a modal; a title or label 45 characters, a description 100; a select 25 options; a text input 4,000 characters. */
export const MODAL_COMPONENTS = 5;
const TITLE_LIMIT = 45;
const DESCRIPTION_LIMIT = 100;
const OPTIONS_LIMIT = 25;
const TEXT_LIMIT = 4000;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One input of a platform-free form as a labelled Discord component: a select for choices, else a text input. */
function labelled(input: FormInput): APILabelComponent {
  // A modal has no number input: the range is said under the text input.
  const description = [input.hint, input.range].filter(Boolean).join(' ');
  const component = input.choices
    ? {
        type: ComponentType.StringSelect as const,
        custom_id: input.name,
        required: input.required,
        min_values: input.required ? 1 : 0,
        max_values: 1,
        options: input.choices.slice(0, OPTIONS_LIMIT).map((c) => ({ value: c.value, label: clip(c.label, 100) })),
      }
    : {
        type: ComponentType.TextInput as const,
        custom_id: input.name,
        // Discord has no date or time picker in a modal: they are typed, in the format the placeholder shows.
        style: input.kind === 'long-text' ? TextInputStyle.Paragraph : TextInputStyle.Short,
        required: input.required,
        max_length: Math.min(input.maxLength ?? TEXT_LIMIT, TEXT_LIMIT),
        ...(input.placeholder ? { placeholder: clip(input.placeholder, 100) } : {}),
      };
  return {
    type: ComponentType.Label,
    label: clip(input.label, TITLE_LIMIT),
    ...(description ? { description: clip(description, DESCRIPTION_LIMIT) } : {}),
    component,
  };
}

/**
 * A form, in the person's words (`Core.words` with `form`), as a Discord modal. A modal holds five
 * components, so the form's most essential inputs are drawn (an intro line takes one place).
 */
export function formModal(customId: string, form: DrawnForm): APIModalInteractionResponseCallbackData {
  const head: APITextDisplayComponent[] = form.intro ? [{ type: ComponentType.TextDisplay, content: escapeDiscordText(form.intro) }] : [];
  return {
    custom_id: customId,
    title: clip(form.title, TITLE_LIMIT),
    components: [...head, ...inputsWithin(form, MODAL_COMPONENTS - head.length).map(labelled)],
  };
}

/** What the person filled in, by input name (select: the option chosen). */
export function modalValues(i: ModalSubmitInteraction): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, field] of i.fields.fields) {
    if ('value' in field && typeof field.value === 'string') values[name] = field.value;
    else if ('values' in field && Array.isArray(field.values) && typeof field.values[0] === 'string') values[name] = field.values[0];
  }
  return values;
}
