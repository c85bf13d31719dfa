import type { types, ViewOutput } from '@slack/bolt';
import { z } from 'zod';
import { REASON_FORM, SCHEDULE_FORM, type ChatForm, type FormInput } from '../../src/chat/forms';
import type { DrawnForm } from '../../src/chat/form-words';
import { decodeIntent, type ChatIntent } from '../../src/chat/intent';
import { escapeSlackText } from '../../src/render/escape';

/** A form's callback id: `convene-<form id>`. */
export const viewId = (form: ChatForm) => `convene-${form.id}`;
export const SCHEDULE_VIEW = viewId(SCHEDULE_FORM);
export const OBJECTION_VIEW = viewId(REASON_FORM);
/** Every input element of our forms has this action id; the block id is the input's name. */
const FIELD = 'value';

/** What a form carries from where it was opened: never who acts (that is the submitting user). */
export const formOrigin = z.object({
  /** The encoded intent a reason form completes (from our own button). */
  intent: z.string().max(2000).optional(),
  /** Where to answer once the form is closed: the response_url of the command or click that opened it. */
  responseUrl: z.string().url().optional(),
  channelId: z.string().regex(/^[A-Z0-9]+$/i).optional(),
  /** Opened from the App Home: the home is drawn again once the form's command is accepted. */
  home: z.literal(true).optional(),
});
export type FormOrigin = z.infer<typeof formOrigin>;

export function readOrigin(view: ViewOutput): FormOrigin & { decoded?: ChatIntent } {
  try {
    const parsed = formOrigin.safeParse(JSON.parse(view.private_metadata || '{}'));
    if (!parsed.success) return {};
    const decoded = parsed.data.intent ? decodeIntent(parsed.data.intent) : null;
    return { ...parsed.data, ...(decoded ? { decoded } : {}) };
  } catch {
    return {};
  }
}

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: false });

/** One platform-free input as a Slack input block. */
function inputBlock(i: FormInput): types.InputBlock {
  const element = ((): types.InputBlockElement => {
    switch (i.kind) {
      case 'choice':
        return { type: 'static_select', action_id: FIELD, options: (i.choices ?? []).map((c) => ({ text: plain(c.label), value: c.value })) };
      case 'date':
        return { type: 'datepicker', action_id: FIELD };
      case 'time':
        return { type: 'timepicker', action_id: FIELD };
      case 'number':
        return {
          type: 'number_input', action_id: FIELD, is_decimal_allowed: false,
          ...(i.min !== undefined ? { min_value: String(i.min) } : {}), ...(i.max !== undefined ? { max_value: String(i.max) } : {}),
        };
      case 'text':
      case 'long-text':
        return { type: 'plain_text_input', action_id: FIELD, ...(i.kind === 'long-text' ? { multiline: true } : {}), ...(i.maxLength ? { max_length: i.maxLength } : {}) };
    }
  })();
  return { type: 'input', block_id: i.name, label: plain(i.label), element, optional: !i.required, ...(i.hint ? { hint: plain(i.hint) } : {}) };
}

/** A platform-free form, in the person's words (`Core.words` with `form`), as a Slack modal. */
export function formView(form: DrawnForm, origin: FormOrigin): types.ModalView {
  const intro: types.KnownBlock[] = form.intro ? [{ type: 'section', text: { type: 'mrkdwn', text: escapeSlackText(form.intro), verbatim: true } }] : [];
  return {
    type: 'modal',
    callback_id: viewId(form),
    private_metadata: JSON.stringify(origin),
    title: plain(form.title),
    submit: plain(form.submit),
    close: plain(form.cancel),
    blocks: [...intro, ...form.inputs.map(inputBlock)],
  };
}

type Values = ViewOutput['state']['values'];

/** What was entered, by input name; an input left empty is absent. */
export function formValues(form: ChatForm, values: Values): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of form.inputs) {
    const v = values[i.name]?.[FIELD];
    const raw = v?.selected_option?.value ?? v?.selected_date ?? v?.selected_time ?? v?.value ?? undefined;
    if (typeof raw === 'string' && raw.trim() !== '') out[i.name] = raw.trim();
  }
  return out;
}
