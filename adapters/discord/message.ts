import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { OutboundPayload } from '../../src/core/ports';
import { escapeDiscordText } from '../../src/render/escape';
import { splitText } from '../shared/split';

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

/**
 * Escaped Markdown in messages of at most 2,000 characters. A cut never separates a backslash from
 * the character it escapes: a piece ending in an escaping `\` hands it to the next piece, so a
 * `*` a member typed never starts emphasis there.
 */
export function splitContent(escaped: string): string[] {
  const pieces = splitText(escaped, CONTENT_LIMIT - 1);
  for (let i = 0; i < pieces.length - 1; i++) {
    const trailing = /\\+$/.exec(pieces[i]!)?.[0].length ?? 0;
    if (trailing % 2 === 1) {
      pieces[i] = pieces[i]!.slice(0, -1);
      pieces[i + 1] = `\\${pieces[i + 1]!}`;
    }
  }
  return pieces;
}
