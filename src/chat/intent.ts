import { z } from 'zod';
import { formatCommand } from '../commands/format';
import type { Registry } from '../commands/registry';

/**
 * What pressing a button or submitting a form means, as data: a command of the registry and its
 * arguments by param/option name. The clicking person is the actor, as if they had typed it; an
 * intent never names who acts. `needsReason`: ask the person for a reason first (Object), which
 * goes into the command's free-text param (`withReason`).
 */
export interface ChatIntent {
  command: string;
  args: Record<string, string>;
  needsReason?: boolean;
}

/** Discord's custom_id holds 100 characters, Slack's button value 2,000: an encoded intent fits both. */
export const INTENT_MAX = 100;
const PREFIX = 'cv1';

const COMMAND = /^[a-z]+(?: [a-z-]+)?$/;
const ARG_NAME = /^[a-z][a-z-]*$/;

/** For what a client sends back (decodeIntent): anything may arrive. */
const intentSchema = z.object({
  command: z.string().regex(COMMAND),
  args: z.record(z.string().regex(ARG_NAME), z.string().max(INTENT_MAX)),
  needsReason: z.boolean().optional(),
});

/** The same rules for an intent the code itself built (typed already): a broken one is a bug, so it throws. */
function checkIntent(intent: ChatIntent): void {
  const bad = !COMMAND.test(intent.command)
    ? `command ${JSON.stringify(intent.command)}`
    : Object.entries(intent.args).map(([k, v]) => (!ARG_NAME.test(k) ? `argument name ${JSON.stringify(k)}` : v.length > INTENT_MAX ? `argument ${k} longer than ${INTENT_MAX}` : '')).find(Boolean);
  if (bad) throw new Error(`An intent for /${intent.command} has a bad ${bad}.`);
}

/**
 * The compact value an adapter puts on a button and hands back untouched:
 * `cv1|endorse vote|id=E3&choice=object|r`.
 * @example encodeIntent({ command: 'minutes done', args: { 'action-id': 'A7' } }) // 'cv1|minutes done|action-id=A7|'
 */
export function encodeIntent(intent: ChatIntent): string {
  checkIntent(intent);
  const value = `${PREFIX}|${intent.command}|${new URLSearchParams(intent.args).toString()}|${intent.needsReason ? 'r' : ''}`;
  if (value.length > INTENT_MAX) throw new Error(`An intent for /${intent.command} is ${value.length} characters; buttons hold ${INTENT_MAX}.`);
  return value;
}

// Buttons posted before intents existed carry `E3:endorse` or the vote command itself.
const LEGACY_VOTE = /^(?:(E\d{1,9}):|\/endorse\s+vote\s+(E\d{1,9})\s+)(endorse|object|abstain)$/i;

/**
 * Reads a button's value back, or null when it is not one of ours (a client can send anything).
 * @example decodeIntent('cv1|endorse vote|id=E3&choice=object|r') // { command: 'endorse vote', args: { id: 'E3', choice: 'object' }, needsReason: true }
 */
export function decodeIntent(value: string): ChatIntent | null {
  const text = value.trim();
  const legacy = LEGACY_VOTE.exec(text);
  if (legacy) return voteIntent((legacy[1] ?? legacy[2])!.toUpperCase(), legacy[3]!.toLowerCase());
  if (text.length > INTENT_MAX) return null;
  const parts = text.split('|');
  if (parts.length !== 4 || parts[0] !== PREFIX || (parts[3] !== '' && parts[3] !== 'r')) return null;
  const args: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(parts[2])) {
    if (k in args) return null;
    args[k] = v;
  }
  const parsed = intentSchema.safeParse({ command: parts[1], args, ...(parts[3] === 'r' ? { needsReason: true } : {}) });
  return parsed.success ? parsed.data : null;
}

/** A vote for the clicking person's organisation; Object asks for the reason first. */
export function voteIntent(request: string, choice: string): ChatIntent {
  return { command: 'endorse vote', args: { id: request, choice }, ...(choice === 'object' ? { needsReason: true } : {}) };
}

/** Marks one open action item done. */
export function doneIntent(action: string): ChatIntent {
  return { command: 'minutes done', args: { 'action-id': action } };
}

/**
 * The intent with the reason the person gave, in the command's free-text param (the last
 * `rest` param of its definition); it then needs no reason any more.
 */
export function withReason(registry: Registry, intent: ChatIntent, reason: string): ChatIntent {
  const definition = registry.get(intent.command);
  const rest = definition?.params.find((p) => p.rest);
  if (!rest) throw new Error(`/${intent.command} has no free-text param to carry a reason.`);
  return { command: intent.command, args: { ...intent.args, [rest.name]: reason } };
}

/**
 * The command line of an intent, run through the core like a typed command (so it is parsed,
 * authorised and audited the same way). Null when the registry has no such command.
 */
export function intentCommand(registry: Registry, intent: ChatIntent): string | null {
  const definition = registry.get(intent.command);
  return definition ? formatCommand(definition, intent.args) : null;
}
