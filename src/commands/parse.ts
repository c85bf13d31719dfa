import type { CommandDefinition, Registry } from './registry';
import { HELP_COMMAND, hintOf, usageOf } from './registry';
import { tokenize, type Token } from './tokenize';
import type { Language } from '../domain/vocabulary';
import { hasMessage, hintWord, sayIn, type Say } from '../i18n/say';

export type ParseResult =
  | { ok: true; definition: CommandDefinition; args: unknown; text: string }
  | {
      ok: false;
      code: 'usage' | 'bad-argument';
      message: string;
      definition?: CommandDefinition;
      /** The param or option the message is about, when one is (a form shows it on that input). */
      field?: string;
    };

const MAX_LINE = 20_000;

/**
 * Parses one command line against the registry: finds the command, binds its words to
 * parameters, options and flags, and validates them with the command's schema. `help` is the help
 * command as the platform offers it, named where a refusal points to it; a refusal is written in
 * `language` (the core parses again in the actor's language only when a line is refused).
 * @example parseCommand(registry, '/members add-org KAS Kosovo Agency for Statistics')
 */
export function parseCommand(registry: Registry, line: string, help = HELP_COMMAND, language: Language = 'en'): ParseResult {
  const say = sayIn(language);
  const text = line.trim();
  if (text.length > MAX_LINE) return { ok: false, code: 'bad-argument', message: say('parse.tooLong', { length: text.length, limit: MAX_LINE }) };
  const tokenized = tokenize(text);
  if (!tokenized.ok) return { ok: false, code: 'bad-argument', message: say('parse.unclosedQuote') };
  const tokens = tokenized.tokens;
  if (tokens.length === 0) return { ok: false, code: 'usage', message: say('parse.empty', { help }) };

  const topic = tokens[0]!.text.replace(/^\//, '').toLowerCase();
  const topics = registry.topics();
  if (!topics.includes(topic)) {
    const near = closest(topic, topics);
    const values = { topic: printable(topic), near, help };
    return { ok: false, code: 'usage', message: say(near ? 'parse.noCommandNear' : 'parse.noCommand', values) };
  }
  const sub = tokens[1] && !tokens[1].quoted ? tokens[1].text.toLowerCase() : undefined;
  let definition = sub ? registry.get(`${topic} ${sub}`) : undefined;
  let rest = tokens.slice(2);
  if (!definition) {
    definition = registry.get(topic);
    rest = tokens.slice(1);
    if (!definition) {
      const known = registry.under(topic).map((d) => d.path.split(' ')[1]!);
      const subs = known.join(', ');
      const near = sub === undefined ? undefined : closest(sub, known);
      const values = { topic, subs, help, sub: sub === undefined ? '' : printable(sub), near };
      const key = sub === undefined ? 'parse.needsSub' : near ? 'parse.noSubNear' : 'parse.noSub';
      return { ok: false, code: 'usage', message: say(key, values) };
    }
  }
  return bind(definition, rest, text, say);
}

function bind(def: CommandDefinition, words: Token[], text: string, say: Say): ParseResult {
  const word = hintWord(say);
  // Only a refusal shows the usage line: worked out when one is written, not on every accepted line.
  const usage = () => say('parse.usage', { usage: usageOf(def, word) });
  const raw: Record<string, unknown> = {};
  const options = def.options ?? {};
  const positional: Token[] = [];
  const optionKeys = Object.keys(options);
  for (const t of words) {
    if (t.key !== undefined && t.key in options) {
      if (t.key in raw) return fail(def, say('parse.optionTwice', { option: t.key }), t.key);
      raw[t.key] = t.value;
    } else if (t.key !== undefined && optionKeys.length > 0 && !t.value!.startsWith('//')) {
      // A misspelt option must not slip silently into a title (milstone:tor would lose the milestone).
      return fail(def, unknownOption(def, t.key, optionKeys, say));
    } else positional.push(t);
  }
  for (const f of def.flags ?? []) raw[f] = false;
  // Trailing bare flags (never quoted words): `/members add-org MCR Ministry ... pmg`.
  const flags = new Set((def.flags ?? []).map((f) => f.toLowerCase()));
  while (positional.length > 0) {
    const last = positional[positional.length - 1]!;
    if (last.quoted || !flags.has(last.text.toLowerCase())) break;
    raw[last.text.toLowerCase()] = true;
    positional.pop();
  }
  let i = 0;
  for (const p of def.params) {
    if (p.rest) {
      const taken = positional.slice(i);
      i = positional.length;
      if (taken.length === 0) {
        if (!p.optional) return fail(def, say('parse.missing', { hint: hintOf(p, word), usage: usage() }), p.name);
        continue;
      }
      raw[p.name] = taken.map((t, k) => (k === 0 ? t.text : `${t.breakBefore ? '\n' : ' '}${t.text}`)).join('');
      continue;
    }
    const t = positional[i];
    if (t === undefined) {
      if (!p.optional) return fail(def, say('parse.missing', { hint: hintOf(p, word), usage: usage() }), p.name);
      continue;
    }
    raw[p.name] = t.text;
    i++;
  }
  if (i < positional.length) {
    const extra = positional.slice(i).map((t) => t.text).join(' ');
    return fail(def, say('parse.unexpected', { extra: printable(extra), usage: usage() }));
  }
  const checked = def.schema.safeParse(raw);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const name = String(issue.path[0] ?? '');
    const param = def.params.find((p) => p.name === name);
    const label = param ? `<${hintOf(param, word)}>` : name in options ? `${name}:` : name;
    const said = issueSentence(issue, say);
    const message = said ?? (issue.code === 'custom' || /^[A-Z]/.test(issue.message) ? issue.message : `${label}: ${issue.message}`);
    return fail(def, message, name === '' ? undefined : name);
  }
  return { ok: true, definition: def, args: checked.data, text };
}

/** The known word a misspelling most likely meant (`meetings` → `meeting`, `member` → `members`), if one is close. */
function closest(word: string, known: string[]): string | undefined {
  let best: { k: string; d: number } | undefined;
  for (const k of known) {
    const d = editDistance(k, word);
    if (d <= 2 && d < word.length && (!best || d < best.d)) best = { k, d };
  }
  return best?.k;
}

function unknownOption(def: CommandDefinition, key: string, known: string[], say: Say): string {
  const near = closest(key, known);
  const values = { path: def.path, option: printable(key), near, options: known.map((k) => `${k}:`).join(', ') };
  return say(near ? 'parse.noOptionNear' : 'parse.noOption', values);
}

/** An argument's refusal that names its sentence in the catalogue (`params.sentence`, see args.ts), said in the reader's language. */
function issueSentence(issue: object, say: Say): string | undefined {
  const params = 'params' in issue ? (issue.params as Record<string, unknown> | undefined) : undefined;
  const sentence = params?.['sentence'] as { key?: unknown; values?: Record<string, unknown> } | undefined;
  if (typeof sentence?.key !== 'string' || !hasMessage(sentence.key)) return undefined;
  return say(sentence.key, sentence.values ?? {});
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function fail(definition: CommandDefinition, message: string, field?: string): ParseResult {
  return { ok: false, code: 'bad-argument', message, definition, ...(field ? { field } : {}) };
}

/** Echoes user text back in a refusal: one line, bounded. */
function printable(s: string): string {
  const flat = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
