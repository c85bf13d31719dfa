/**
 * A small Markdown subset for text members type in minutes (notes, decisions, action items):
 * paragraphs and line breaks, `-`/`*` and `1.` lists, `**bold**`, `*italics*` / `_italics_`, and
 * `[label](https://...)` links with http or https targets only. Anything else stays as typed.
 *
 * It produces a view model, not HTML: the HTML template lays the blocks and spans out with
 * ordinary escaped `{{text}}` and `{{href}}`, so no markup a member types ever reaches the HTML
 * part (`<script>` arrives as `&lt;script&gt;`). The plain-text part shows the text as typed.
 */

/** A run of text with its emphasis; `href` when it is a link (http/https only). */
export interface Span {
  text: string;
  strong: boolean;
  em: boolean;
  href: string | false;
}

export interface Line {
  spans: Span[];
  /** Another line of the same paragraph follows (the template puts a `<br>`). */
  more: boolean;
}

/** One block: exactly one of `paragraph` and `list` is set, so a logic-less template can branch on it. */
export interface Block {
  paragraph: { lines: Line[] } | false;
  list: { ordered: boolean; items: { spans: Span[] }[] } | false;
}

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/;
const LINK = /^\[([^\]\n]{1,500})\]\((https?:\/\/[^\s()<>"]{1,2000})\)/i;

/**
 * @example markdownBlocks('Agreed: **KAS** leads.\n- sampling\n- [frame](https://x.example.org)')
 */
export function markdownBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Line[] | null = null;
  let list: { ordered: boolean; items: { spans: Span[] }[] } | null = null;
  const close = () => {
    if (paragraph) blocks.push({ paragraph: { lines: paragraph.map((l, i) => ({ ...l, more: i < paragraph!.length - 1 })) }, list: false });
    if (list) blocks.push({ paragraph: false, list });
    paragraph = null;
    list = null;
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (raw.trim() === '') {
      close();
      continue;
    }
    const bullet = BULLET.exec(raw);
    const numbered = bullet ? null : NUMBERED.exec(raw);
    const item = bullet ?? numbered;
    if (item) {
      const ordered = numbered !== null;
      if (!list || list.ordered !== ordered) {
        close();
        list = { ordered, items: [] };
      }
      list.items.push({ spans: inlineSpans(item[1]!) });
      continue;
    }
    if (!paragraph) {
      close();
      paragraph = [];
    }
    paragraph.push({ spans: inlineSpans(raw.trim()), more: false });
  }
  close();
  return blocks;
}

/** Bold, italics and links within one line; a marker without its closing partner stays as typed. */
export function inlineSpans(line: string): Span[] {
  const spans: Span[] = [];
  let buffer = '';
  let strong = false;
  let em: '*' | '_' | null = null;
  const flush = () => {
    if (buffer) spans.push({ text: buffer, strong, em: em !== null, href: false });
    buffer = '';
  };
  let i = 0;
  while (i < line.length) {
    const rest = line.slice(i);
    const link = LINK.exec(rest);
    if (link) {
      flush();
      spans.push({ text: link[1]!, strong, em: em !== null, href: link[2]! });
      i += link[0].length;
      continue;
    }
    if (rest.startsWith('**') && (strong || closes(line, i + 2, '**'))) {
      flush();
      strong = !strong;
      i += 2;
      continue;
    }
    const c = line[i]!;
    if ((c === '*' || c === '_') && (em === c || (em === null && opensEmphasis(line, i, c)))) {
      flush();
      em = em === c ? null : c;
      i += 1;
      continue;
    }
    buffer += c;
    i += 1;
  }
  flush();
  return spans;
}

/** A closing `marker` follows, with text between. */
function closes(line: string, from: number, marker: string): boolean {
  const at = line.indexOf(marker, from);
  return at > from && line[from] !== ' ';
}

/** `*x*` or `_x_`: the next character is not a space, a closing marker follows, and `_` does not sit inside a word. */
function opensEmphasis(line: string, i: number, c: '*' | '_'): boolean {
  const next = line[i + 1];
  if (next === undefined || next === ' ' || next === c) return false;
  if (c === '_' && i > 0 && /[\p{L}\p{N}]/u.test(line[i - 1]!)) return false;
  const end = line.indexOf(c, i + 2);
  if (end < 0 || line[end - 1] === ' ') return false;
  return c === '*' || end === line.length - 1 || !/[\p{L}\p{N}]/u.test(line[end + 1]!);
}

/**
 * User text as literal Markdown inside a line (a table cell, after a list marker): the characters
 * that start emphasis, code, links, HTML, entities or table cells are backslash-escaped (so
 * `<script>` and `[x](javascript:...)` stay text), and line breaks become spaces.
 * @example escapeMarkdown('**KAS** | <b>') // '\\*\\*KAS\\*\\* \\| \\<b\\>'
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}
