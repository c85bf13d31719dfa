import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Clock } from '../../src/clock';
import type { Registry } from '../../src/commands/registry';
import type { ChatRequest, CommandOutcome, Core } from '../../src/core/ports';
import type { ChatWords } from '../../src/chat/words';
import type { DrawnForm } from '../../src/chat/form-words';
import { formInTime } from '../shared/budget';
import type { Logger } from '../../src/logger';
import { escapeDiscordText } from '../../src/render/escape';
import { HELP_COMMAND } from './command-payload';
import { NO_MENTIONS, buttonRows, splitContent } from './message';

/** What the listeners share: the core, the grammar, the server served, the log. */
export interface DiscordDeps {
  core: Core;
  registry: Registry;
  guildId: string;
  logger: Logger;
  clock: Clock;
}

/** The Discord user as the core knows them. */
function asked(i: RepliableInteraction): ChatRequest {
  return { actor: { kind: 'chat', medium: 'discord', userId: i.user.id, displayName: i.user.globalName ?? i.user.username }, helpCommand: `/${HELP_COMMAND}` };
}

/** Runs a command line through the core as the Discord user who gave it, where they gave it. */
export function runAs(deps: DiscordDeps, i: RepliableInteraction, text: string): Promise<CommandOutcome> {
  return deps.core.handle({
    text,
    actor: asked(i).actor,
    ...(i.channelId ? { channel: { medium: 'discord' as const, id: i.channelId } } : {}),
    deliveryId: `discord:interaction:${i.id}`,
    helpCommand: `/${HELP_COMMAND}`,
  });
}

/** The answer's pieces: escaped (nothing a member typed pings or formats), at most 2,000 characters each. */
export function replyPieces(reply: string): string[] {
  return splitContent(escapeDiscordText(reply));
}

/**
 * Answers a deferred interaction: the deferred (ephemeral) reply is edited with the answer, and
 * what does not fit follows as more ephemeral messages. An answer for the channel (`/exercise
 * channel`) is then posted there too: the visibility of a deferred reply was fixed when it was deferred.
 */
export async function answer(deps: DiscordDeps, i: RepliableInteraction, outcome: CommandOutcome): Promise<void> {
  const pieces = replyPieces(outcome.reply);
  // Buttons that go with the reply (a focal point's votes, Done) sit under its last piece.
  const buttons = outcome.status === 'accepted' && outcome.actions?.length ? buttonRows(outcome.actions) : [];
  const under = (k: number) => (k === pieces.length - 1 && buttons.length ? { components: buttons } : {});
  try {
    await i.editReply({ content: pieces[0]!, allowedMentions: NO_MENTIONS, ...under(0) });
    for (const [k, piece] of pieces.entries()) {
      if (k > 0) await i.followUp({ content: piece, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS, ...under(k) });
    }
    if (outcome.audience === 'channel') {
      for (const piece of pieces) await i.followUp({ content: piece, allowedMentions: NO_MENTIONS });
    }
  } catch (err) {
    deps.logger.warn({ err }, 'discord reply could not be delivered');
  }
}

/** Answers at once (no deferral): for a refusal that needs no work, or a failure before the core ran. */
export async function replyNow(deps: DiscordDeps, i: RepliableInteraction, text: string): Promise<void> {
  try {
    const content = replyPieces(text)[0]!;
    if (i.deferred || i.replied) await i.editReply({ content, allowedMentions: NO_MENTIONS });
    else await i.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  } catch (err) {
    deps.logger.warn({ err }, 'discord reply could not be delivered');
  }
}

/** The sentences the adapter says itself, in the person's language (the core knows it). */
export function wordsFor(deps: DiscordDeps, i: RepliableInteraction, also: Pick<ChatRequest, 'say' | 'form'> = {}): Promise<ChatWords> {
  return deps.core.words({ ...asked(i), ...also });
}

/**
 * The same for a modal, which must be shown within Discord's 3 s and cannot be deferred: if the
 * core is slow to answer (a long job on its thread), the form is drawn in English rather than lost.
 */
export function wordsForModal(deps: DiscordDeps, i: RepliableInteraction, form: NonNullable<ChatRequest['form']>): Promise<DrawnForm> {
  return formInTime(wordsFor(deps, i, { form }), 'discord', `/${HELP_COMMAND}`, form);
}

/** A listener's last resort: the person hears that it failed, the log says why. */
export async function failed(deps: DiscordDeps, i: RepliableInteraction, err: unknown, what: string): Promise<string> {
  deps.logger.error({ err }, `discord ${what} failed`);
  return (await wordsFor(deps, i)).failed;
}
