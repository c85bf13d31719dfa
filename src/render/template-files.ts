import { readFileSync } from 'node:fs';
import Mustache from 'mustache';

/**
 * Template files as the renderers (`renderer.ts`, the web pages of `pages.ts`) load them: read,
 * checked for what a logic-less template may not do, and told which catalogue messages they show.
 */

export interface TextTemplate {
  file: string;
  /** The `Subject:` line's template, when the file has one. */
  subject?: string;
  body: string;
  /** The catalogue's messages it shows (`{{t.intro}}`); null when it uses `t` as a whole. */
  shows: ReadonlySet<string> | null;
}

export interface HtmlTemplate {
  file: string;
  body: string;
  shows: ReadonlySet<string> | null;
}

/** Mustache token: [type, value, start, end, subTokens?, ...]; `&` is `{{{x}}}` or `{{& x}}`. */
export type Token = [string, string, number, number, Token[]?, ...unknown[]];

export const KIND = /^[a-z0-9][a-z0-9-]*$/;
const SUBJECT = /^Subject:[ \t]?(.*)$/;
/** `layout.html` wraps every HTML e-mail; no kind may take its name. */
export const LAYOUT = 'layout';

/** The names of `{{t.<message>}}` in a template, anywhere in its tree; null when it uses `t` itself (`{{#t}}`). */
export function messagesShown(source: string): ReadonlySet<string> | null {
  const names = new Set<string>();
  let whole = false;
  const walk = (list: Token[]): void => {
    for (const [type, value, , , children] of list) {
      if (type !== 'text' && type !== '!' && typeof value === 'string') {
        const name = value.trim();
        if (name === 't') whole = true;
        else if (name.startsWith('t.')) names.add(name.slice(2).split('.')[0]!);
      }
      if (children) walk(children);
    }
  };
  walk(Mustache.parse(source) as Token[]);
  return whole ? null : names;
}

/** The messages shown by all of these templates; null when one of them shows them all. */
export function union(...sets: (ReadonlySet<string> | null)[]): ReadonlySet<string> | null {
  if (sets.some((s) => s === null)) return null;
  return new Set(sets.flatMap((s) => [...s!]));
}

export function checkKind(kind: string): string {
  if (!KIND.test(kind) || kind === LAYOUT) {
    throw new Error(`"${kind}" is not a template name (lower-case letters, digits and dashes).`);
  }
  return kind;
}

export function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function parseText(file: string, source: string): TextTemplate {
  const [first = '', ...rest] = source.split('\n');
  const match = SUBJECT.exec(first);
  if (!match) {
    checkTokens(file, source, []);
    return { file, body: source, shows: messagesShown(source) };
  }
  if (rest[0] !== undefined && rest[0].trim() !== '') {
    throw new Error(`Template ${file}: the "Subject:" line must be followed by one blank line.`);
  }
  const subject = match[1] ?? '';
  const body = rest.slice(1).join('\n');
  checkTokens(file, subject, []);
  checkTokens(file, body, []);
  return { file, subject, body, shows: union(messagesShown(subject), messagesShown(body)) };
}

/** Refuses unescaped output (other than the names in `allowedRaw`) and partials, anywhere in the tree. */
export function checkTokens(file: string, source: string, allowedRaw: string[]): void {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(source) as Token[];
  } catch (error) {
    throw new Error(`Template ${file} does not parse: ${(error as Error).message}`);
  }
  const walk = (list: Token[]): void => {
    for (const [type, name, , , children] of list) {
      if (type === '&' && !allowedRaw.includes(name.trim())) {
        throw new Error(
          `Template ${file} uses unescaped {{{${name.trim()}}}}; use {{${name.trim()}}} so the value is escaped.`,
        );
      }
      if (type === '>') throw new Error(`Template ${file} uses a partial ({{> ${name.trim()}}}); partials are not supported.`);
      if (children) walk(children);
    }
  };
  walk(tokens);
}
