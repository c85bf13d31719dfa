import { MessageFlags, type ChatInputCommandInteraction, type CommandInteractionOption } from 'discord.js';
import { usageOf, type CommandDefinition } from '../../src/commands/registry';
import { formToOpen } from '../../src/chat/forms';
import { formatCommand, type CommandArgs } from '../../src/commands/format';
import { answer, failed, replyNow, runAs, wordsFor, type DiscordDeps } from './bridge';
import { paramOrder, staleCommand } from '../../src/chat/words';
import type { Sentence } from '../../src/i18n/say';
import { argumentKinds, registryTopic } from './command-payload';
import { scheduleModal } from './components';

/**
 * The registry command a slash command stands for, with its options by the registry's names; or
 * the sentence to answer instead (a stale registration, or a later param given without an earlier one).
 */
export function commandOf(deps: DiscordDeps, i: ChatInputCommandInteraction): { definition: CommandDefinition; args: CommandArgs } | { refusal: Sentence } {
  const stale = { refusal: staleCommand(i.commandName) };
  const topic = registryTopic(i.commandName);
  const sub = i.options.getSubcommand(false);
  const definition = deps.registry.get(sub ? `${topic} ${sub}` : topic);
  if (!definition) return stale;
  const given: readonly CommandInteractionOption[] = sub ? (i.options.data[0]?.options ?? []) : i.options.data;
  const kinds = argumentKinds(definition);
  const args: Record<string, string | boolean> = {};
  for (const o of given) {
    if (!kinds.has(o.name)) return stale;
    if (typeof o.value === 'string' || typeof o.value === 'boolean') args[o.name] = o.value;
    else if (typeof o.value === 'number') args[o.name] = String(o.value);
  }
  // The grammar's params are positional: one given after a missing one cannot be placed.
  const missing = definition.params.findIndex((p) => args[p.name] === undefined);
  const after = missing < 0 ? undefined : definition.params.slice(missing + 1).find((p) => args[p.name] !== undefined);
  if (after) return { refusal: paramOrder(definition.params[missing]!.name, after.name, usageOf(definition)) };
  return { definition, args };
}

/**
 * A slash command: `/meeting schedule` with no option opens the form; anything else is deferred
 * at once (ephemeral: the answer is for the person), run through the core as the Discord user,
 * and answered by editing the deferred reply.
 */
export async function onSlashCommand(deps: DiscordDeps, i: ChatInputCommandInteraction): Promise<void> {
  const command = commandOf(deps, i);
  if ('refusal' in command) {
    await replyNow(deps, i, (await wordsFor(deps, i, { say: command.refusal })).said!);
    return;
  }
  if (Object.keys(command.args).length === 0 && formToOpen(`/${command.definition.path}`)) {
    await i.showModal(await scheduleModal(deps, i));
    return;
  }
  // Discord's deadline is 3 s: acknowledge before any database work.
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const outcome = await runAs(deps, i, formatCommand(command.definition, command.args));
    await answer(deps, i, outcome);
  } catch (err) {
    await replyNow(deps, i, await failed(deps, i, err, 'command'));
  }
}
