import type { Db } from '../store/db';
import { installationLanguage, type Exercise } from '../store/exercises';
import type { Language } from '../domain/vocabulary';
import { languageOf } from '../i18n/catalogue';
import type { Person } from '../store/members';
import type { Actor } from './ports';
import { knownPerson } from './resolve-actor';

/**
 * The one rule for the language the bot answers a person in (command replies and refusals, the
 * chat adapters' own sentences, the App Home): their own, else their exercise's; someone the bot
 * cannot identify (an unlinked chat account) is answered as a link that names no one is, in the
 * language every active exercise shares, else English (`installationLanguage`).
 */
export function answerLanguage(db: Db, person: Pick<Person, 'language'> | null | undefined, exercise: Exercise | null): Language {
  return person ? languageOf(person, exercise) : installationLanguage(db);
}

/**
 * `answerLanguage` before a command is understood (a refused line, a chat adapter's own sentence):
 * the person as the bot would find them, read only (a linked account, or the e-mail the platform
 * reports for them; nothing is linked here).
 */
export function chatLanguage(db: Db, actor: Actor, exercise: Exercise | null): Language {
  return answerLanguage(db, knownPerson(db, actor, exercise), exercise);
}
