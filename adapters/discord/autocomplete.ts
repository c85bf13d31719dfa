import type { AutocompleteInteraction } from 'discord.js';
import type { DiscordDeps } from './bridge';
import { lookupOf } from '../../src/commands/registry';
import { registryTopic } from './command-payload';

/**
 * Offers the ids the person may see while they type one: the registry says what the option
 * names (a param's `lookup`, or the definition's `optionLookups`); the core answers only a
 * linked member, with what they may read.
 */
export async function onAutocomplete(deps: DiscordDeps, i: AutocompleteInteraction): Promise<void> {
  const focused = i.options.getFocused(true);
  const sub = i.options.getSubcommand(false);
  const definition = deps.registry.get(sub ? `${registryTopic(i.commandName)} ${sub}` : registryTopic(i.commandName));
  const lookup = definition ? lookupOf(definition, focused.name) : undefined;
  const suggestions = lookup && deps.core.suggest
    ? await deps.core.suggest({
        actor: { kind: 'chat', medium: 'discord', userId: i.user.id },
        ...(i.channelId ? { channel: { medium: 'discord' as const, id: i.channelId } } : {}),
        lookup,
        typed: String(focused.value),
      })
    : [];
  await i.respond(suggestions.map((s) => ({ name: s.label, value: s.value })));
}
