import { MessageFlags, type ChatInputCommandInteraction, type CommandInteractionOption } from 'discord.js';
import type { CommandDefinition } from '../../src/commands/registry';
import { formToOpen } from '../../src/chat/forms';
import { formatCommand, type CommandArgs } from '../../src/commands/format';
import { answer, failed, replyNow, runAs, type DiscordDeps } from './bridge';
import { registryTopic } from './command-payload';
import { scheduleModal } from './components';

/** The registry command a slash command stands for, with its options by the registry's names. */
export function commandOf(deps: DiscordDeps, i: ChatInputCommandInteraction): { definition: CommandDefinition; args: CommandArgs } | null {
  const topic = registryTopic(i.commandName);
  const sub = i.options.getSubcommand(false);
  const definition = deps.registry.get(sub ? `${topic} ${sub}` : topic);
  if (!definition) return null;
  const given: readonly CommandInteractionOption[] = sub ? (i.options.data[0]?.options ?? []) : i.options.data;
  const args: Record<string, string | boolean> = {};
  for (const o of given) {
    if (typeof o.value === 'string' || typeof o.value === 'boolean') args[o.name] = o.value;
    else if (typeof o.value === 'number') args[o.name] = String(o.value);
  }
  return { definition, args };
}

/**
 * A slash command: `/meeting schedule` with no option opens the form; anything else is deferred
 * at once (ephemeral: the answer is for the person), run through the core as the Discord user,
 * and answered by editing the deferred reply.
 */
export async function onSlashCommand(deps: DiscordDeps, i: ChatInputCommandInteraction): Promise<void> {
  const command = commandOf(deps, i);
  if (!command) {
    await replyNow(deps, i, `This server knows /${i.commandName} from an older version of Convene; whoever runs the bot re-registers the commands with npm run discord:register.`);
    return;
  }
  if (Object.keys(command.args).length === 0 && formToOpen(`/${command.definition.path}`)) {
    await i.showModal(scheduleModal());
    return;
  }
  // Discord's deadline is 3 s: acknowledge before any database work.
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const outcome = await runAs(deps, i, formatCommand(command.definition, command.args));
    await answer(deps, i, outcome);
  } catch (err) {
    await replyNow(deps, i, failed(deps, err, 'command'));
  }
}
