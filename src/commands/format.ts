import type { CommandDefinition } from './registry';

/** What formatting needs of a definition: its words, params, flags and options. */
export type CommandShape = Pick<CommandDefinition, 'path' | 'params' | 'flags' | 'options'>;

/** Argument values by param/option name; a flag is on when `true` (or `'true'`). */
export type CommandArgs = Readonly<Record<string, string | boolean | undefined>>;

// A word the tokenizer gives back as it is: no spaces, quotes, backslashes, and no `key:` in front.
const BARE = /^(?:[\w.@+/-]+|\d{1,2}:\d{2}(?:[+-]\d{2}:\d{2})?)$/;

/**
 * One value as a quoted word of the grammar: `\` and `"` escaped. The tokenizer takes curly
 * quotes (“ ”) as quotes too, so they are written as straight ones.
 * @example quoteWord('say "no"') // '"say \\"no\\""'
 */
export function quoteWord(text: string): string {
  return `"${text.replace(/[\u201c\u201d]/g, '"').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A value bare when the tokenizer reads it back as the same word, quoted otherwise. */
function word(text: string, flags: ReadonlySet<string>): string {
  return BARE.test(text) && !flags.has(text.toLowerCase()) ? text : quoteWord(text);
}

/**
 * Turns arguments back into the one command line of the grammar, so a button, a form or a
 * Discord option runs through the parser exactly like typed text. The inverse of parsing:
 * `parseCommand(registry, formatCommand(def, args))` binds the same strings (curly quotes aside).
 * Throws on arguments the definition does not have, or a param given after a missing one:
 * both are bugs of the caller, not of the person.
 * @example formatCommand(scheduleMeeting, { group: 'PWG', date: '2026-12-10', time: '10:00', title: 'Agree the TOR', where: 'UNHCR office' })
 * // '/meeting schedule PWG 2026-12-10 10:00 "Agree the TOR" where:"UNHCR office"'
 */
export function formatCommand(def: CommandShape, args: CommandArgs): string {
  const flags = new Set((def.flags ?? []).map((f) => f.toLowerCase()));
  const options = Object.keys(def.options ?? {});
  const known = new Set([...def.params.map((p) => p.name), ...flags, ...options]);
  for (const k of Object.keys(args)) if (!known.has(k)) throw new Error(`/${def.path} has no argument "${k}".`);

  const parts = [`/${def.path}`];
  let missing: string | null = null;
  for (const p of def.params) {
    const v = args[p.name];
    if (v === undefined) {
      missing ??= p.name;
      continue;
    }
    if (missing !== null) throw new Error(`/${def.path}: "${p.name}" is given but "${missing}" before it is not.`);
    const text = String(v);
    // Free text is always quoted: one token keeps its spaces and line breaks as they were.
    parts.push(p.rest ? quoteWord(text) : word(text, flags));
  }
  for (const f of def.flags ?? []) if (args[f] === true || args[f] === 'true') parts.push(f);
  for (const k of options) {
    const v = args[k];
    if (v === undefined) continue;
    const text = String(v);
    parts.push(`${k}:${BARE.test(text) ? text : quoteWord(text)}`);
  }
  return parts.join(' ');
}
