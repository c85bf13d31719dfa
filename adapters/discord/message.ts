import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { OutboundPayload } from '../../src/core/ports';
import { escapeDiscordText } from '../../src/render/escape';

/** Discord limits: 2,000 characters of content; 5 buttons in a row, 5 rows; 80 characters of label; 100 of custom id. */
export const CONTENT_LIMIT = 2000;
const BUTTONS_PER_ROW = 5;
const ROWS = 5;
const LABEL_LIMIT = 80;
export const CUSTOM_ID_LIMIT = 100;

/** No mention in anything we send pings anyone: the second fence after escaping. */
export const NO_MENTIONS = { parse: [] as never[] };

type Actions = NonNullable<OutboundPayload['actions']>;

/** An outbox message as Discord Markdown: the subject in bold, then the text, both escaped. */
export function messageContent(payload: OutboundPayload): string {
  const subject = payload.subject.trim();
  const text = escapeDiscordText(payload.text);
  return subject ? `**${escapeDiscordText(subject)}**\n${text}` : text;
}

const STYLES = { primary: ButtonStyle.Success, danger: ButtonStyle.Danger } as const;

/**
 * Buttons under a message. The custom id is the action's value exactly as `src/` made it: the
 * adapter hands it back untouched when the button is pressed.
 */
export function buttonRows(actions: Actions): APIActionRowComponent<APIButtonComponent>[] {
  const usable = actions.filter((a) => a.value.length <= CUSTOM_ID_LIMIT).slice(0, BUTTONS_PER_ROW * ROWS);
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let start = 0; start < usable.length; start += BUTTONS_PER_ROW) {
    rows.push({
      type: ComponentType.ActionRow,
      components: usable.slice(start, start + BUTTONS_PER_ROW).map((a) => ({
        type: ComponentType.Button,
        custom_id: a.value,
        label: a.label.length > LABEL_LIMIT ? `${a.label.slice(0, LABEL_LIMIT - 1)}…` : a.label,
        style: a.style ? STYLES[a.style] : ButtonStyle.Secondary,
      })),
    });
  }
  return rows;
}
