import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOptionChoice,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { formToOpen } from '../../src/chat/forms';
import { hintOf, type CommandDefinition, type Lookup, type Param, type Registry } from '../../src/commands/registry';

/** The registry's `help` is `/convene` in Discord, as in Slack: a bot should not claim `/help`. */
export const HELP_COMMAND = 'convene';
const HELP_TOPIC = 'help';

/** Discord limits: descriptions 1 to 100 characters; 25 choices, 25 options, 25 subcommands. */
const DESCRIPTION_LIMIT = 100;
const CHOICES_LIMIT = 25;

/** A guild slash command as registered (guild commands carry no contexts or integration types). */
export type GuildSlashCommand = Omit<RESTPostAPIChatInputApplicationCommandsJSONBody, 'contexts' | 'dm_permission' | 'integration_types'>;

/** The Discord top-level name of a registry topic, and back. */
export const discordName = (topic: string): string => (topic === HELP_TOPIC ? HELP_COMMAND : topic);
export const registryTopic = (name: string): string => (name === HELP_COMMAND ? HELP_TOPIC : name);

/** How an option of a Discord command maps back to the registry's words. */
export type ArgumentKind = 'param' | 'option' | 'flag';

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > DESCRIPTION_LIMIT ? `${one.slice(0, DESCRIPTION_LIMIT - 1)}…` : one || '-';
}

/** A closed list of words of the registry (`choices`, `optionChoices`) as Discord choices; more than Discord holds are typed. */
function choicesOf(words: readonly string[] | undefined): APIApplicationCommandOptionChoice<string>[] | undefined {
  if (!words || words.length === 0 || words.length > CHOICES_LIMIT) return undefined;
  return words.map((w) => ({ name: w, value: w }));
}

/** How the grammar's words are written, shown under an option in Discord's command picker. */
const FORMATS: Record<string, string> = {
  date: 'YYYY-MM-DD, e.g. 2026-12-10',
  'due-date': 'YYYY-MM-DD, e.g. 2026-12-10',
  time: "HH:MM in the exercise's time zone, e.g. 10:00",
  email: 'an e-mail address, e.g. name@organisation.org',
  org: 'an organisation acronym, e.g. UNHCR',
  acronym: 'an organisation acronym, e.g. UNHCR',
  code: 'the 6 digits from the e-mail',
};

const EXAMPLE_ID: Record<Lookup, string> = { meeting: 'M3', endorsement: 'E2', action: 'A7' };
const idOf = (lookup: Lookup) => `the ${lookup} id, e.g. ${EXAMPLE_ID[lookup]}`;

function paramOption(p: Param, required: boolean): APIApplicationCommandBasicOption {
  const choices = choicesOf(p.choices);
  const what = p.lookup ? idOf(p.lookup) : FORMATS[p.name] ?? hintOf(p);
  return {
    type: ApplicationCommandOptionType.String,
    name: p.name,
    description: clip(p.rest ? `${what} (text)` : what),
    required,
    ...(choices ? { choices } : p.lookup ? { autocomplete: true } : {}),
  };
}

/** The options of one command, required ones first as Discord requires. */
export function optionsOf(def: CommandDefinition): APIApplicationCommandBasicOption[] {
  // A command that opens a form when given alone (`/meeting schedule`) must be allowed with no option at all.
  const form = formToOpen(`/${def.path}`) !== null;
  const fromParams = def.params.map((p) => paramOption(p, !form && !p.optional));
  const fromOptions = Object.entries(def.options ?? {}).map(([key, hint]): APIApplicationCommandBasicOption => {
    const choices = choicesOf(def.optionChoices?.[key]);
    const lookup = def.optionLookups?.[key];
    return {
      type: ApplicationCommandOptionType.String,
      name: key,
      description: clip(lookup ? idOf(lookup) : `${key}:${hint}`),
      required: false,
      ...(choices ? { choices } : lookup ? { autocomplete: true } : {}),
    };
  });
  const fromFlags = (def.flags ?? []).map((f): APIApplicationCommandBasicOption => ({
    type: ApplicationCommandOptionType.Boolean, name: f, description: clip(`add "${f}"`), required: false,
  }));
  const all = [...fromParams, ...fromOptions, ...fromFlags];
  return [...all.filter((o) => o.required), ...all.filter((o) => !o.required)];
}

/** Which registry word each Discord option of `def` stands for. */
export function argumentKinds(def: CommandDefinition): Map<string, ArgumentKind> {
  const kinds = new Map<string, ArgumentKind>();
  for (const p of def.params) kinds.set(p.name, 'param');
  for (const k of Object.keys(def.options ?? {})) kinds.set(k, 'option');
  for (const f of def.flags ?? []) kinds.set(f, 'flag');
  return kinds;
}

/**
 * The guild commands, generated from the registry: one top-level command per topic (`/meeting`,
 * `/endorse`, ...; the help is `/convene`), one subcommand per definition, its parameters,
 * `key:value` options and flags as typed options; closed word lists as choices, ids (params and
 * options) as autocomplete.
 * Who may use what is decided by the core, so every command is visible to every member.
 */
export function discordCommands(registry: Registry): GuildSlashCommand[] {
  return registry.topics().map((topic) => {
    const defs = registry.under(topic);
    const whole = defs.find((d) => d.path === topic);
    const base = { type: ApplicationCommandType.ChatInput as const, name: discordName(topic) };
    if (whole) return { ...base, description: clip(whole.summary), options: optionsOf(whole) };
    const subs = defs.map((d) => d.path.split(' ')[1]!);
    return {
      ...base,
      description: clip(`/${topic} ${subs.join(', ')}`),
      options: defs.map((d) => ({
        type: ApplicationCommandOptionType.Subcommand as const,
        name: d.path.split(' ')[1]!,
        description: clip(d.summary),
        options: optionsOf(d),
      })),
    };
  });
}
