/**
 * Escaping of user text for each medium. Everything a member types passes through one of these
 * before it reaches a terminal, an e-mail header, an HTML part or a chat message.
 */

/*
 * ECMA-48 sequences, longest forms first:
 * - OSC / DCS / SOS / PM / APC strings: ESC ] | P | X | ^ | _ ... up to BEL or ST (ESC \), or to the end;
 * - CSI: ESC [ (or the 8-bit CSI 0x9B) parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, final byte 0x40–0x7E;
 * - any other escape: ESC, intermediate bytes, one final byte (ESC ( B, ESC c, ESC 7 ...).
 */
const ANSI_STRING = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?/g;
const ANSI_CSI = /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?/g;
const ANSI_OTHER = /\x1b[ -/]*[0-~]?/g;
/** C0 except TAB (0x09) and LF (0x0A), DEL, C1. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/**
 * Text safe to print on a terminal and to put in a plain-text part: line breaks become LF, ANSI
 * escape sequences and other control characters are removed; LF and TAB are kept.
 *
 * @example plainText('ok\x1b[31m red\x1b[0m\r\n') // 'ok red\n'
 */
export function plainText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(ANSI_STRING, '')
    .replace(ANSI_CSI, '')
    .replace(ANSI_OTHER, '')
    .replace(CONTROL, '');
}

/**
 * One line of plain text, for subjects, header values and names: line breaks and tabs (including
 * U+2028/U+2029) become one space, and the result is trimmed.
 *
 * @example singleLine('Agenda\r\nBcc: x@example.org') // 'Agenda Bcc: x@example.org'
 */
export function singleLine(s: string): string {
  return plainText(s)
    .replace(/[ ]*[\n\t\u2028\u2029]+[ ]*/g, ' ')
    .trim();
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * Slack mrkdwn/plain text: `&`, `<`, `>` are Slack's control characters; escaping them also
 * neutralises `<!channel>`, `<!here>`, `<!everyone>`, `<@U123>` and `<http://x|label>` links.
 */
export function escapeSlackText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ZWSP = '\u200b';

/**
 * Discord message text: Markdown specials are backslash-escaped (and `#` heading markers at the
 * start of a line), and a zero-width space after `@` in `@everyone`/`@here` and after `<` in
 * `<@id>`, `<@&id>`, `<#id>`, `</cmd:id>`, `<:emoji:id>`, `<t:...>` stops them from pinging or
 * resolving. Send with `allowed_mentions: { parse: [] }` as well: this is the second fence.
 *
 * @example escapeDiscordText('@everyone *now*') // '@\u200beveryone \\*now\\*'
 */
export function escapeDiscordText(s: string): string {
  return s
    .replace(/[\\*_~`|>]/g, (c) => `\\${c}`)
    .replace(/^([ \t]*)(#+|-#)(?=\s)/gm, (_m, indent: string, marker: string) => `${indent}\\${marker}`)
    .replace(/@(?=everyone|here)/gi, `@${ZWSP}`)
    .replace(/<(?=[@#/:]|a:|t:)/g, `<${ZWSP}`);
}
