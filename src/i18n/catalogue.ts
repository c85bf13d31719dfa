import i18next, { type i18n as I18n } from 'i18next';
import { CompiledMessages } from './compiled';
import { LANGUAGES, type Language } from '../domain/vocabulary';
import en from './catalogues/en.json' with { type: 'json' };
import sq from './catalogues/sq.json' with { type: 'json' };
import srLatn from './catalogues/sr-Latn.json' with { type: 'json' };
import srCyrl from './catalogues/sr-Cyrl.json' with { type: 'json' };

type Catalogue = { [key: string]: string | Catalogue };

/** One catalogue per language (src/i18n/catalogues/<language>.json), following docs/glossary.md. */
export const CATALOGUES: Record<Language, Catalogue> = { en, sq, 'sr-Latn': srLatn, 'sr-Cyrl': srCyrl };

/** A plural form's suffix on a message name (`noticeDays_few`). */
export const PLURAL = /_(zero|one|two|few|many|other)$/;

/**
 * An i18next instance over the catalogues. i18next picks a plural form (`_one`, `_few`, `_other`)
 * with Intl.PluralRules for the language: Serbian has one/few/other (21 is "one", 11 is "other"),
 * Albanian one/other.
 */
export function createI18n(): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: CATALOGUES[l] }])),
    lng: 'en',
    fallbackLng: 'en',
    load: 'currentOnly',
    // Values are plain text here; the renderer escapes each part for its medium.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

const i18n = createI18n();
const compiled = new CompiledMessages(i18n);

/** One message of the catalogue: `translate('sr-Cyrl', 'calendar.summary', { group, title })`; a missing one is the English. */
export function translate(language: Language, key: string, values: Record<string, unknown> = {}): string {
  return compiled.translate(language, key, values, undefined, CompiledMessages.plainValues(values));
}

/** A message of a section: its name without the plural suffix, and the view numbers that may count it. */
interface SectionMessage {
  name: string;
  key: string;
  /** The camelCase prefixes of the name, longest first: the first that is a number in the view counts it. */
  countedBy: string[];
}

const sections = new Map<string, SectionMessage[] | null>();

/** The messages of a section of the English catalogue (which has every message), worked out once. */
function sectionMessages(section: string): SectionMessage[] | null {
  let messages = sections.get(section);
  if (messages !== undefined) return messages;
  const english = CATALOGUES.en[section];
  messages = null;
  if (english !== undefined && typeof english !== 'string') {
    messages = [];
    for (const name of new Set(Object.keys(english).map((k) => k.replace(PLURAL, '')))) {
      if (typeof english[name] === 'object') continue;
      const words = name.split(/(?=[A-Z])/);
      const countedBy = words.map((_, i) => words.slice(0, words.length - i).join(''));
      messages.push({ name, key: `${section}.${name}`, countedBy });
    }
  }
  sections.set(section, messages);
  return messages;
}

/**
 * Every message of a template's section (`meeting-invitation` in the catalogue), filled in from the
 * template's view, for the template to show as `{{t.intro}}`: the template chooses which to show,
 * the catalogue says them. A plural message's name starts with the name of the view's number it
 * counts: `noticeDays_one`/`noticeDays_other` and `noticeDaysShort_one`/... count `noticeDays`.
 * `only`: the names the template shows (the renderer knows them), so the others are not filled in.
 * Null when the section does not exist.
 */
export function messagesFor(
  language: Language,
  section: string,
  view: Record<string, unknown>,
  only?: ReadonlySet<string>,
): Record<string, string> | null {
  const messages = sectionMessages(section);
  if (!messages) return null;
  const plain = CompiledMessages.plainValues(view);
  const strings: Record<string, string> = {};
  for (const m of messages) {
    if (only && !only.has(m.name)) continue;
    strings[m.name] = compiled.translate(language, m.key, view, countFor(m, view), plain);
  }
  return strings;
}

/** The view's number a message counts: the longest camelCase prefix of its name that is one. */
function countFor(m: SectionMessage, view: Record<string, unknown>): number | undefined {
  for (const name of m.countedBy) {
    const value = view[name];
    if (typeof value === 'number') return value;
  }
  return undefined;
}

/**
 * The messages `language` lacks that English has (dotted keys); a plural needs every form the
 * language's plural rules have (Serbian `_one`, `_few`, `_other`).
 */
export function missingKeys(language: Language): string[] {
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const missing: string[] = [];
  const walk = (english: Catalogue, other: Catalogue | undefined, path: string): void => {
    const plurals = new Set<string>();
    for (const [key, value] of Object.entries(english)) {
      const at = path ? `${path}.${key}` : key;
      if (typeof value === 'object') {
        const sub = other?.[key];
        walk(value, typeof sub === 'object' ? sub : undefined, at);
      } else if (PLURAL.test(key)) {
        plurals.add(key.replace(PLURAL, ''));
      } else if (typeof other?.[key] !== 'string') {
        missing.push(at);
      }
    }
    for (const base of plurals) {
      for (const form of forms) if (typeof other?.[`${base}_${form}`] !== 'string') missing.push(`${path}.${base}_${form}`);
    }
  };
  walk(CATALOGUES.en, CATALOGUES[language], '');
  return missing;
}

/** A person's language, else their exercise's, else English. */
export function languageOf(person: { language?: Language | null } | null | undefined, exercise: { language?: Language } | null | undefined): Language {
  return person?.language ?? exercise?.language ?? 'en';
}

/** Whether `kind`'s template reads its words from the catalogues (it has a section there). */
export function isTranslated(kind: string): boolean {
  return typeof CATALOGUES.en[kind] === 'object';
}

/**
 * The language a message of `kind` is written in for this reader: theirs (or their exercise's)
 * when the template is translated, English while it is not, so no message mixes two languages.
 */
export function messageLanguage(
  kind: string,
  person: { language?: Language | null } | null | undefined,
  exercise: { language?: Language } | null | undefined,
): Language {
  return isTranslated(kind) ? languageOf(person, exercise) : 'en';
}
