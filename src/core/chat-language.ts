import type { Db } from '../store/db';
import type { Exercise } from '../store/exercises';
import type { Language } from '../domain/vocabulary';
import { languageOf } from '../i18n/catalogue';
import { installationLanguage } from '../web/pages/words';
import type { ChatRequest } from './ports';
import { knownPerson } from './resolve-actor';

/**
 * The language of what a chat adapter says itself (an unknown button, its own failure): the
 * person's, else their exercise's, when the bot knows who they are (a linked account, or the
 * e-mail the platform reports for them; nothing is linked here). Someone it cannot identify is
 * answered as a link that names no one is (the web pages): in the language every active exercise
 * shares, else English.
 */
export function chatLanguage(db: Db, actor: ChatRequest['actor'], exercise: Exercise | null): Language {
  const person = knownPerson(db, actor, exercise);
  return person ? languageOf(person, exercise) : installationLanguage(db);
}
