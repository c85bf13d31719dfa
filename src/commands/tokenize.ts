/** One word of a command line, after quotes are taken off. */
export interface Token {
  text: string;
  /** The word was written in quotes: never an option or a flag, always text. */
  quoted: boolean;
  /** For `key:value` and `key:"value with spaces"`: the lower-cased key and the value. */
  key?: string;
  value?: string;
  /** A line break came before this word: free text (a note, an agenda item) keeps it. */
  breakBefore?: boolean;
}

export type Tokenized = { ok: true; tokens: Token[] } | { ok: false; error: string };

// Slack and phones turn straight quotes into curly ones; accept both.
const OPENING = new Set(['"', '\u201c', '\u201e']);
const CLOSING = new Set(['"', '\u201d', '\u201c']);
const KEY = /^([A-Za-z][A-Za-z-]*):$/;
const KEY_VALUE = /^([A-Za-z][A-Za-z-]*):(.+)$/s;

/**
 * Splits a command line into words. Quotes group words (`"a b"`), `\"` is a literal quote
 * inside quotes, and `key:value` / `key:"value with spaces"` is one option word.
 * @example tokenize('schedule PWG where:"UNHCR office, Pristina"')
 */
export function tokenize(line: string): Tokenized {
  const tokens: Token[] = [];
  let i = 0;
  const readQuoted = (): string | null => {
    i++; // the opening quote
    let inner = '';
    while (i < line.length) {
      const c = line[i]!;
      if (c === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) {
        inner += line[i + 1];
        i += 2;
      } else if (CLOSING.has(c)) {
        i++;
        return inner;
      } else {
        inner += c;
        i++;
      }
    }
    return null;
  };
  const unclosed: Tokenized = { ok: false, error: 'A quote is not closed: add the closing " after the quoted text.' };

  let sawBreak = false;
  const push = (t: Token) => {
    tokens.push(sawBreak ? { ...t, breakBefore: true } : t);
    sawBreak = false;
  };
  while (i < line.length) {
    if (/\s/.test(line[i]!)) {
      if (/[\r\n\u2028\u2029]/.test(line[i]!)) sawBreak = true;
      i++;
      continue;
    }
    if (OPENING.has(line[i]!)) {
      const inner = readQuoted();
      if (inner === null) return unclosed;
      push({ text: inner, quoted: true });
      continue;
    }
    let word = '';
    while (i < line.length && !/\s/.test(line[i]!)) {
      const keyMatch = KEY.exec(word);
      if (keyMatch && OPENING.has(line[i]!)) {
        const inner = readQuoted();
        if (inner === null) return unclosed;
        const key = keyMatch[1]!.toLowerCase();
        push({ text: `${word}${inner}`, quoted: false, key, value: inner });
        word = '';
        break;
      }
      word += line[i];
      i++;
    }
    if (word === '') continue;
    const kv = KEY_VALUE.exec(word);
    if (kv) push({ text: word, quoted: false, key: kv[1]!.toLowerCase(), value: kv[2]! });
    else push({ text: word, quoted: false });
  }
  return { ok: true, tokens };
}
