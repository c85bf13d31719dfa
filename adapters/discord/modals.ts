import {
  ComponentType,
  TextInputStyle,
  type APILabelComponent,
  type APIModalInteractionResponseCallbackData,
  type ModalSubmitInteraction,
} from 'discord.js';

/** A field of a form, as `src/` describes it for any platform. */
export interface FormField {
  name: string;
  label: string;
  required: boolean;
  hint?: string;
  choices?: readonly { value: string; label: string }[];
  maxLength?: number;
  multiline?: boolean;
}

/** Discord limits: 5 components in a modal; a label 45 characters, its description 100; a title 45; a select 25 options. */
export const MODAL_FIELDS = 5;
const LABEL_LIMIT = 45;
const DESCRIPTION_LIMIT = 100;
const TEXT_LIMIT = 4000;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function labelled(f: FormField): APILabelComponent {
  const component = f.choices
    ? {
        type: ComponentType.StringSelect as const,
        custom_id: f.name,
        required: f.required,
        min_values: f.required ? 1 : 0,
        max_values: 1,
        options: f.choices.slice(0, 25).map((c) => ({ value: c.value, label: clip(c.label, 100) })),
      }
    : {
        type: ComponentType.TextInput as const,
        custom_id: f.name,
        style: f.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short,
        required: f.required,
        max_length: Math.min(f.maxLength ?? TEXT_LIMIT, TEXT_LIMIT),
      };
  return {
    type: ComponentType.Label,
    label: clip(f.label, LABEL_LIMIT),
    ...(f.hint ? { description: clip(f.hint, DESCRIPTION_LIMIT) } : {}),
    component,
  };
}

/** A modal of at most five fields: a Discord modal holds no more, so the form puts the essential ones first. */
export function modal(customId: string, title: string, fields: readonly FormField[]): APIModalInteractionResponseCallbackData {
  return { custom_id: customId, title: clip(title, LABEL_LIMIT), components: fields.slice(0, MODAL_FIELDS).map(labelled) };
}

/** What the person filled in, by field name; empty fields are left out. */
export function modalValues(i: ModalSubmitInteraction): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, field] of i.fields.fields) {
    const raw = 'value' in field && typeof field.value === 'string' ? field.value : 'values' in field && Array.isArray(field.values) ? String(field.values[0] ?? '') : '';
    if (raw.trim() !== '') values[name] = raw.trim();
  }
  return values;
}
