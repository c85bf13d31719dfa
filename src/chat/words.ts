import type { Language } from '../domain/vocabulary';
import { hintWord, sayIn, type Sentence } from '../i18n/say';
import { usageIn } from '../commands/registry';
import { formById, formIn, type DrawnForm } from './form-words';
import type { ChatIntent } from './intent';

/**
 * The sentences a chat adapter says itself rather than as a command's reply (a button or form it
 * does not know, a server it does not serve, its own failure), already in the person's language:
 * `Core.words` gives them, so an adapter knows no language and no catalogue. Plain data, so it
 * crosses a worker thread.
 */
export interface ChatWords {
  unknownButton: string;
  unknownForm: string;
  /** A reason form whose request was lost on the way (Slack's private metadata). */
  formLostRequest: string;
  /** An interaction from a Discord server other than the one Convene serves. */
  otherServer: string;
  /** The adapter's last resort when answering failed. */
  failed: string;
  /** The core's thread ended while it ran the person's command: whether it took effect is unknown. */
  crashed: string;
  /** The request's `say` (one of the sentences below), said. */
  said?: string;
  /** The request's `form`, in the person's words. */
  form?: DrawnForm;
}

/** A form a platform is about to draw, and for a reason form the intent it completes. */
export interface FormToDraw {
  id: string;
  intent?: ChatIntent;
}

/** A slash command the registry no longer has as the server knows it (a stale registration). */
export function staleCommand(name: string): Sentence {
  return { key: 'chat-refusal.staleCommand', values: { name } };
}

/** A later param given without an earlier one: the grammar's params are positional. */
export function paramOrder(missing: string, after: string, usage: string): Sentence {
  return { key: 'chat-refusal.paramOrder', values: { missing, after, usage } };
}

/** A reply cut short where a message holds no more: how many characters are left out, and where to read it all. */
export function replyCut(left: number): Sentence {
  return { key: 'chat-reply.cut', values: { count: left } };
}

const PLATFORM_NAMES = { slack: 'Slack', discord: 'Discord' } as const;
type Platform = keyof typeof PLATFORM_NAMES;

/** The adapter's own sentences in `language`, naming the platform and its help as the person uses them. */
export function chatWords(language: Language, platform: Platform, help: string, say?: Sentence, form?: FormToDraw): ChatWords {
  const t = sayIn(language);
  const isOurs = say && /^chat-(refusal|reply)\./.test(say.key);
  const drawn = form ? formById(form.id) : undefined;
  return {
    unknownButton: t('chat-refusal.unknownButton', { help }),
    unknownForm: t('chat-refusal.unknownForm', { help }),
    formLostRequest: t('chat-refusal.formLostRequest'),
    otherServer: t('chat-refusal.otherServer'),
    failed: t('chat-refusal.failed', { platform: PLATFORM_NAMES[platform] }),
    crashed: t('chat-refusal.crashed'),
    ...(isOurs ? { said: t(say.key, inLanguage(say.values, t)) } : {}),
    ...(drawn ? { form: formIn(drawn, t, form?.intent) } : {}),
  };
}

/** A sentence's values as the reader reads them: a usage line (`usage`) names the values it asks for in their words. */
function inLanguage(values: Sentence['values'], t: ReturnType<typeof sayIn>): Sentence['values'] {
  return typeof values?.['usage'] === 'string' ? { ...values, usage: usageIn(values['usage'], hintWord(t)) } : values;
}

/** The words when the core cannot be asked at all (its thread is gone): English, the installation's last resort. */
export function wordsWithoutCore(platform: Platform, help: string, say?: Sentence, form?: FormToDraw): ChatWords {
  return chatWords('en', platform, help, say, form);
}

/** The thread's end told to someone who is not a chat member (the console, a page): in English. */
export function crashedInEnglish(): string {
  return sayIn('en')('chat-refusal.crashed');
}
