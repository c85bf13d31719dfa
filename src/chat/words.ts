import type { Language } from '../domain/vocabulary';
import { sayIn } from '../i18n/say';

/**
 * The sentences a chat adapter says itself rather than as a command's reply (a button or form it
 * does not know, a server it does not serve, its own failure), already in the person's language:
 * `Core.words` gives them, so an adapter knows no language and no catalogue.
 */
export interface ChatWords {
  unknownButton: string;
  unknownForm: string;
  /** A reason form whose request was lost on the way (Slack's private metadata). */
  formLostRequest: string;
  /** An interaction from a Discord server other than the one Convene serves. */
  otherServer: string;
  /** A slash command the registry no longer has as the server knows it (a stale registration). */
  staleCommand(name: string): string;
  /** A later param given without an earlier one: the grammar's params are positional. */
  paramOrder(missing: string, after: string, usage: string): string;
  /** The adapter's last resort when answering failed. */
  failed: string;
}

const PLATFORM_NAMES = { slack: 'Slack', discord: 'Discord' } as const;

/** The adapter's own sentences in `language`, naming the platform and its help as the person uses them. */
export function chatWords(language: Language, platform: keyof typeof PLATFORM_NAMES, help: string): ChatWords {
  const say = sayIn(language);
  return {
    unknownButton: say('chat-refusal.unknownButton', { help }),
    unknownForm: say('chat-refusal.unknownForm', { help }),
    formLostRequest: say('chat-refusal.formLostRequest'),
    otherServer: say('chat-refusal.otherServer'),
    staleCommand: (name) => say('chat-refusal.staleCommand', { name }),
    paramOrder: (missing, after, usage) => say('chat-refusal.paramOrder', { missing, after, usage }),
    failed: say('chat-refusal.failed', { platform: PLATFORM_NAMES[platform] }),
  };
}
