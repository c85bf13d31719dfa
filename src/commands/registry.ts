import type { z } from 'zod';
import type { CommandContext } from '../core/context';
import type { Audience, ChatAction, RefusalCode } from '../core/ports';

/**
 * Who may give a command, in the exercise it acts on:
 * - `anyone`: even a chat user not yet linked to a person (`/help`, `/members link`, `/members verify`);
 * - `member`: any active member (coordinator, focal point, observer);
 * - `focal`: focal points (they vote for their organisation);
 * - `coordinator`: the Profiling Coordinator(s).
 */
export type Access = 'anyone' | 'member' | 'focal' | 'coordinator';

/** What an id names: chat platforms offer the ones the person may see (Discord autocomplete). */
export type Lookup = 'meeting' | 'endorsement' | 'action';

/** A positional parameter. `rest` takes every remaining word (titles, names, comments). */
export interface Param {
  name: string;
  /** The parameter is the id of a meeting, an endorsement request or an action item. */
  lookup?: Lookup;
  /** Shown in usage instead of the name (`<n>`); a param with `choices` shows them. */
  hint?: string;
  /** A closed list of words (`PWG`, `PMG`): shown as `<PWG|PMG>` in usage, offered as choices by a chat platform. */
  choices?: readonly string[];
  optional?: boolean;
  rest?: boolean;
}

export type UseCaseResult =
  /** `audience`: who sees the reply; the person who gave the command unless it says `channel`. */
  | { ok: true; reply: string; detail?: Record<string, unknown> | undefined; audience?: Audience; actions?: ChatAction[] }
  /**
   * `commit`: the refusal itself changed something that must stay (a wrong verification code counts as an attempt).
   * `field`: the param or option of the definition the refusal is about (a form shows it there).
   */
  | { ok: false; code: RefusalCode; message: string; commit?: boolean; field?: string };

export const accepted = (reply: string, detail?: Record<string, unknown>): UseCaseResult => ({ ok: true, reply, detail });
export const refused = (code: Exclude<RefusalCode, 'usage'>, message: string, field?: string): UseCaseResult => ({
  ok: false,
  code,
  message,
  ...(field ? { field } : {}),
});

export interface CommandDefinition<S extends z.ZodType = z.ZodType> {
  /** The words that name it: `members add-org`. */
  path: string;
  params: Param[];
  /** Bare trailing words that switch something on: `pmg` in `/members add-org`. */
  flags?: string[];
  /** `key:value` options: key → hint for the usage line (`<tor|methodology|findings|report>`, `"..."`). */
  options?: Record<string, string>;
  /** Options that name an id (`meeting:` of `/endorse open`): what each looks up, as `Param.lookup` says for params. */
  optionLookups?: Readonly<Record<string, Lookup>>;
  /** Options that take one of a closed list of words (`rule:`), for a platform that offers choices. */
  optionChoices?: Readonly<Record<string, readonly string[]>>;
  /** Validates the raw words: params by name (strings), flags (booleans), options (strings). */
  schema: S;
  summary: string;
  /** Longer help: rules, examples. */
  details?: string;
  access: Access;
  /** Whether it changes state: refused in a dissolved exercise, recorded in the audit log. */
  changes: boolean;
  /** For a changing command with a reading form (`/meeting agenda M1 show`): true when these arguments only read. */
  readsOnly?: (args: z.output<S>) => boolean;
  /** Who may use the reading form, when more people may read than change (`/meeting agenda M1 show`: every member). */
  readAccess?: Access;
  /** `installation` commands need no exercise (help, linking a chat identity). */
  scope?: 'exercise' | 'installation';
  /** Usage shown in help when the params do not say it all (sub-forms such as `/meeting agenda`). */
  usage?: string;
  /** Not yet built: answers plainly that it is not available yet, naming the capability. */
  pending?: string;
  run(ctx: CommandContext, args: z.output<S>): UseCaseResult;
}

/** Keeps the schema's output type tied to `run`'s arguments. */
export function defineCommand<S extends z.ZodType>(def: CommandDefinition<S>): CommandDefinition {
  return def as unknown as CommandDefinition;
}

/** The help as the grammar names it; a chat platform may offer it under another name (`InboundCommand.helpCommand`). */
export const HELP_COMMAND = '/help';

/** What the param or option `name` of `def` names, when it is an id a chat platform can offer while it is typed. */
export function lookupOf(def: CommandDefinition, name: string): Lookup | undefined {
  return def.params.find((p) => p.name === name)?.lookup ?? def.optionLookups?.[name];
}

/** The word shown for a parameter in the reader's language (`reason` → `razlog`); the same word in English. */
export type HintWord = (word: string) => string;

const sameWord: HintWord = (w) => w;

/**
 * How a param is named in usage and refusals: its hint, its choices (`PWG|PMG`), or its name.
 * `word` says a hint or a name in the reader's language; choices are the grammar and stay.
 */
export function hintOf(p: Param, word: HintWord = sameWord): string {
  if (p.hint === undefined && p.choices) return p.choices.join('|');
  return word(p.hint ?? p.name);
}

/**
 * The usage line: `/endorse vote <id> <endorse|object|abstain> [comment...]`. Command, flag, option
 * and choice words are the grammar, the same in every language; `word` says the words that describe
 * a value (`<reason>`, `[comment...]`, `duration:<minutes>`) in the reader's language.
 */
export function usageOf(def: CommandDefinition, word: HintWord = sameWord): string {
  if (def.usage) return usageIn(def.usage, word);
  const parts = [`/${def.path}`];
  for (const p of def.params) {
    const inner = `${hintOf(p, word)}${p.rest ? '...' : ''}`;
    parts.push(p.optional ? `[${inner}]` : `<${inner}>`);
  }
  for (const f of def.flags ?? []) parts.push(`[${f}]`);
  for (const [k, hint] of Object.entries(def.options ?? {})) parts.push(`[${k}:${usageIn(hint, word)}]`);
  return parts.join(' ');
}

/**
 * An English usage line (or an option's hint) with the words that describe a value said by `word`:
 * `<reason>`, `[comment...]`. A list of choices (`<a|b>`) and an option (`[k:...]`) stay; a flag
 * (`[web]`) is no word `word` knows, so it stays too.
 */
export function usageIn(usage: string, word: HintWord): string {
  if (word === sameWord) return usage;
  return usage.replace(/([<[])([^<>[\]|:"]+?)(\.\.\.)?([>\]])/g, (all, open: string, w: string, rest: string | undefined, close: string) =>
    (open === '<') === (close === '>') ? `${open}${word(w)}${rest ?? ''}${close}` : all);
}

export class Registry {
  private readonly byPath = new Map<string, CommandDefinition>();
  /** The definitions never change after construction; every command parsed asks for these. */
  private topicList: string[] | undefined;

  constructor(definitions: CommandDefinition[]) {
    for (const d of definitions) {
      if (this.byPath.has(d.path)) throw new Error(`Command /${d.path} is defined twice`);
      this.byPath.set(d.path, d);
    }
  }

  all(): CommandDefinition[] {
    return [...this.byPath.values()];
  }

  get(path: string): CommandDefinition | undefined {
    return this.byPath.get(path);
  }

  /** Top-level words: `meeting`, `members`, ... in definition order. */
  topics(): string[] {
    this.topicList ??= [...new Set(this.all().map((d) => d.path.split(' ')[0]!))];
    return [...this.topicList];
  }

  /** Commands under a top-level word. */
  under(topic: string): CommandDefinition[] {
    return this.all().filter((d) => d.path === topic || d.path.startsWith(`${topic} `));
  }
}
