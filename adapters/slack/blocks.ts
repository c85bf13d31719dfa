import type { types } from '@slack/bolt';
import type { OutboundPayload } from '../../src/core/ports';
import { escapeSlackText } from '../../src/render/escape';
import { splitText, truncateText } from '../shared/split';

export type Block = types.KnownBlock;

/** Slack limits: section text 3,000 characters; header 150; 50 blocks in a message, 100 in a view; 25 buttons in an actions block; button text 75, value 2,000. */
export const SECTION_LIMIT = 3000;
export const MESSAGE_BLOCKS = 50;
export const VIEW_BLOCKS = 100;
const HEADER_LIMIT = 150;
const BUTTONS_PER_BLOCK = 25;
const BUTTON_TEXT_LIMIT = 75;
const BUTTON_VALUE_LIMIT = 2000;
/** The notification text shown in pushes and in clients that do not draw blocks. */
const FALLBACK_LIMIT = 3000;

/** Every button Convene draws lives in a block with this id, so one listener receives them all. */
export const ACTIONS_BLOCK = 'convene-actions';

/**
 * Inbound text from Slack arrives with its three control characters HTML-encoded; the core
 * wants what the person typed. `&amp;` last, so `&amp;lt;` becomes `&lt;`, as typed.
 *
 * @example decodeSlackText('A &lt;b&gt; &amp;amp;') // 'A <b> &amp;'
 */
export function decodeSlackText(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Splits already escaped text into pieces of at most `limit` characters, never inside an entity. */
export function splitEscaped(escaped: string, limit = SECTION_LIMIT): string[] {
  return splitText(escaped, limit, { entities: true });
}

/** Escaped text shortened to `limit` characters with an ellipsis. */
export function truncateEscaped(escaped: string, limit: number): string {
  return truncateText(escaped, limit, { entities: true });
}

function section(escapedText: string): Block {
  // verbatim: Slack parses no bare names, channel names or URLs out of what we send.
  return { type: 'section', text: { type: 'mrkdwn', text: escapedText === '' ? ' ' : escapedText, verbatim: true } };
}

/** How many escaped characters of `text` are left out when it is drawn in at most `maxBlocks` sections (0: none). */
export function leftOut(text: string, maxBlocks: number): number {
  const pieces = splitEscaped(escapeSlackText(text));
  if (pieces.length <= maxBlocks) return 0;
  return pieces.slice(Math.max(1, maxBlocks - 1)).reduce((n, p) => n + p.length, 0);
}

/**
 * Plain text as section blocks, escaped; beyond `maxBlocks` the rest is left out with a note
 * saying how much, and where the whole text is (`elsewhere`), or with the core's own `note` (said
 * in the reader's language).
 */
export function textBlocks(text: string, maxBlocks: number, elsewhere: string | { note: string }): Block[] {
  const pieces = splitEscaped(escapeSlackText(text));
  if (pieces.length <= maxBlocks) return pieces.map(section);
  const kept = pieces.slice(0, Math.max(1, maxBlocks - 1));
  const note = typeof elsewhere === 'string' ? `… ${leftOut(text, maxBlocks)} more characters are not shown here: ${escapeSlackText(elsewhere)}` : escapeSlackText(elsewhere.note);
  return [...kept.map(section), { type: 'context', elements: [{ type: 'mrkdwn', text: note, verbatim: true }] }];
}

/** The notification text of a message: escaped, one short paragraph. */
export function fallbackText(text: string): string {
  return truncateEscaped(escapeSlackText(text), FALLBACK_LIMIT);
}

/**
 * Buttons offered under a message; ids are made unique within the block as Slack requires. Values
 * are encoded intents, passed through. `blockId` must start with ACTIONS_BLOCK and be unique in a view.
 */
export function buttonBlocks(actions: NonNullable<OutboundPayload['actions']>, blockId = ACTIONS_BLOCK): Block[] {
  const blocks: Block[] = [];
  for (let start = 0; start < actions.length; start += BUTTONS_PER_BLOCK) {
    const chunk = actions.slice(start, start + BUTTONS_PER_BLOCK);
    blocks.push({
      type: 'actions',
      block_id: start === 0 ? blockId : `${blockId}-${start / BUTTONS_PER_BLOCK}`,
      elements: chunk.map((a, i) => ({
        type: 'button' as const,
        action_id: `${start + i}:${a.id}`.slice(0, 255),
        text: { type: 'plain_text' as const, text: truncateEscaped(escapeSlackText(a.label), BUTTON_TEXT_LIMIT), emoji: true },
        value: a.value.slice(0, BUTTON_VALUE_LIMIT),
        ...(a.style ? { style: a.style } : {}),
      })),
    });
  }
  return blocks;
}

/** An outbox message as Block Kit: the subject as a header, the text in sections, the buttons. */
export function messageBlocks(payload: OutboundPayload): { text: string; blocks: Block[] } {
  const buttons = payload.actions?.length ? buttonBlocks(payload.actions) : [];
  const header: Block[] = payload.subject.trim()
    ? [{ type: 'header', text: { type: 'plain_text', text: truncateEscaped(escapeSlackText(payload.subject), HEADER_LIMIT), emoji: false } }]
    : [];
  const room = MESSAGE_BLOCKS - header.length - buttons.length;
  const body = textBlocks(payload.text, room, payload.cutNote ? { note: payload.cutNote } : 'the whole message went to every recipient by e-mail.');
  const summary = payload.subject.trim() ? `${payload.subject}\n${payload.text}` : payload.text;
  return { text: fallbackText(summary), blocks: [...header, ...body, ...buttons] };
}

/** How many blocks a reply's text may take beside the buttons offered with it. */
export function replyRoom(actions: OutboundPayload['actions'] = []): number {
  return MESSAGE_BLOCKS - (actions.length ? buttonBlocks(actions).length : 0);
}

/**
 * A reply of the core as a Slack message body (response_url or chat.postMessage). `cut`: what to
 * say where a reply longer than a message is cut (the core's sentence, in the reader's language).
 */
export function replyBlocks(reply: string, actions: OutboundPayload['actions'] = [], cut?: string): { text: string; blocks: Block[] } {
  const buttons = actions.length ? buttonBlocks(actions) : [];
  const tooLong = cut === undefined ? 'the reply is too long for one Slack message; run the command in the console or the CLI to read it all.' : { note: cut };
  return { text: fallbackText(reply), blocks: [...textBlocks(reply, replyRoom(actions), tooLong), ...buttons] };
}
