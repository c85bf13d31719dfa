import { Events, type Client, type Interaction } from 'discord.js';
import { RecentRequests } from '../shared/recent';
import { foreground } from '../shared/foreground';
import { onAutocomplete } from './autocomplete';
import { failed, replyNow, wordsFor, type DiscordDeps } from './bridge';
import { onSlashCommand } from './commands';
import { onButton, onModal } from './components';

/**
 * Every interaction of the gateway, once: a repeated delivery of the same interaction id (a
 * gateway resume replays dispatches) is not answered again here, and the core applies its
 * command once even across a restart (the interaction id is the delivery id, kept in SQLite).
 */
export function registerInteractions(client: Client, deps: DiscordDeps): void {
  const recent = new RecentRequests(deps.clock);
  client.on(Events.InteractionCreate, (i) => {
    const { first, result } = recent.once(`discord:interaction:${i.id}`, () => dispatch(deps, i));
    if (!first) return;
    // Discord wants a first response within 3 s: background work (a tick, the outbox) waits meanwhile.
    const answered = foreground.enter();
    result.catch((err: unknown) => deps.logger.error({ err }, 'discord interaction failed')).finally(answered);
  });
}

async function dispatch(deps: DiscordDeps, i: Interaction): Promise<void> {
  if (i.isAutocomplete()) {
    if (i.guildId === deps.guildId) await onAutocomplete(deps, i).catch((err: unknown) => deps.logger.warn({ err }, 'discord autocomplete failed'));
    return;
  }
  if (!i.isRepliable()) return;
  if (i.guildId !== deps.guildId) {
    await replyNow(deps, i, (await wordsFor(deps, i)).otherServer);
    return;
  }
  try {
    if (i.isChatInputCommand()) await onSlashCommand(deps, i);
    else if (i.isButton()) await onButton(deps, i);
    else if (i.isModalSubmit()) await onModal(deps, i);
  } catch (err) {
    await replyNow(deps, i, await failed(deps, i, err, 'interaction'));
  }
}
