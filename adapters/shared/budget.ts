import { wordsWithoutCore, type ChatWords } from '../../src/chat/words';
import type { DrawnForm } from '../../src/chat/form-words';
import type { ChatRequest } from '../../src/core/ports';

/**
 * The promise's value, or null if it takes longer than `ms`: for answers that must travel in a
 * platform's acknowledgement (Slack's 3 s for a form, Discord's 3 s for an interaction) and
 * otherwise follow as a message.
 */
export function within<T>(p: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(null), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/**
 * How long a form waits for its words from the core: Slack's trigger and Discord's interaction
 * last 3 s and opening a form cannot be deferred.
 */
const FORM_WORDS_MS = 1500;

/** A form in the person's words, or in English if the core is slow to say them (a long job on its thread): never lost. */
export async function formInTime(
  words: Promise<ChatWords>, platform: 'slack' | 'discord', helpCommand: string, form: NonNullable<ChatRequest['form']>,
): Promise<DrawnForm> {
  return ((await within(words, FORM_WORDS_MS)) ?? wordsWithoutCore(platform, helpCommand, undefined, form)).form!;
}
