import i18next from 'i18next';
import { LANGUAGES, type Language } from '../domain/vocabulary';
import en from './catalogues/en.json' with { type: 'json' };
import sq from './catalogues/sq.json' with { type: 'json' };
import srLatn from './catalogues/sr-Latn.json' with { type: 'json' };
import srCyrl from './catalogues/sr-Cyrl.json' with { type: 'json' };

type Catalogue = { [key: string]: string | Catalogue };

/** One catalogue per language (src/i18n/catalogues/<language>.json), following docs/glossary.md. */
export const CATALOGUES: Record<Language, Catalogue> = { en, sq, 'sr-Latn': srLatn, 'sr-Cyrl': srCyrl };

const PLURAL = /_(zero|one|two|few|many|other)$/;

// i18next picks a plural form (`_one`, `_few`, `_other`) with Intl.PluralRules for the language:
// Serbian has one/few/other (21 is "one", 11 is "other"), Albanian one/other.
const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: CATALOGUES[l] }])),
  lng: 'en',
  fallbackLng: 'en',
  load: 'currentOnly',
  // Values are plain text here; the renderer escapes each part for its medium.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** One message of the catalogue: `translate('sr-Cyrl', 'calendar.summary', { group, title })`; a missing one is the English. */
export function translate(language: Language, key: string, values: Record<string, unknown> = {}): string {
  return i18n.t(key, { ...values, lng: language });
}

/**
 * Every message of a template's section (`meeting-invitation` in the catalogue), filled in from the
 * template's view, for the template to show as `{{t.intro}}`: the template chooses which to show,
 * the catalogue says them. A plural message's name starts with the name of the view's number it
 * counts: `noticeDays_one`/`noticeDays_other` and `noticeDaysShort_one`/... count `noticeDays`.
 * Null when the section does not exist.
 */
export function messagesFor(language: Language, section: string, view: Record<string, unknown>): Record<string, string> | null {
  const english = CATALOGUES.en[section];
  if (english === undefined || typeof english === 'string') return null;
  const strings: Record<string, string> = {};
  for (const key of new Set(Object.keys(english).map((k) => k.replace(PLURAL, '')))) {
    if (typeof english[key] === 'object') continue;
    const count = countFor(key, view);
    strings[key] = translate(language, `${section}.${key}`, count === undefined ? view : { ...view, count });
  }
  return strings;
}

/** The view's number a message counts: the longest camelCase prefix of its name that is one. */
function countFor(key: string, view: Record<string, unknown>): number | undefined {
  const words = key.split(/(?=[A-Z])/);
  for (let n = words.length; n > 0; n--) {
    const value = view[words.slice(0, n).join('')];
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
