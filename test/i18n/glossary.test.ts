import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/i18n/catalogue';

// The glossary is the one source of the rules: the two tables under "## What the check accepts".
const glossary = readFileSync(new URL('../../docs/glossary.md', import.meta.url), 'utf8');
const TRANSLATED = ['sq', 'sr-Latn', 'sr-Cyrl'] as const;
type Translated = (typeof TRANSLATED)[number];

/** The rows of the markdown table that follows `heading` (its header and rule line left out). */
function tableAfter(text: string, heading: RegExp): string[][] {
  const lines = text.slice(text.search(heading)).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|').slice(1, -1).map((cell) => cell.trim()));
  }
  return rows;
}

/** A cell's forms: comma-separated, each one or more word beginnings in order ("pik e kontakt"). */
const formsOf = (cell: string): string[] => cell.split(',').map((f) => f.trim()).filter(Boolean);

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A form of a translation as a pattern: each word beginning starts a word (letters of any script
 * count, so Cyrillic works) and may go on with more letters (the inflection); the words stand next
 * to each other, or with up to three words between where the form says "…" ("zon … kohor" accepts
 * "zonën tuaj kohore").
 */
function formPattern(form: string, caseMatters: boolean): RegExp {
  const words = form.split(/\s+/).map((w) => (w === '…' ? '(?:\\p{L}+\\s+){0,3}' : `${escape(w)}\\p{L}*\\s+`));
  const body = words.join('').replace(/\\s\+$/, '');
  if (!caseMatters) return new RegExp(`(?<!\\p{L})${body}`, 'iu');
  // The first letter may be a capital at the start of a sentence; the rest must match as written.
  const first = form[0]!;
  return new RegExp(`(?<!\\p{L})[${first.toLowerCase()}${first.toUpperCase()}]${body.slice(1)}`, 'u');
}

/** An English form as a pattern: its words as written, the last one also with a plural or possessive s. */
function englishPattern(form: string): RegExp {
  const body = form.split(/\s+/).map(escape).join('\\s+');
  return new RegExp(`(?<!\\p{L})${body}(?:s|'s)?(?!\\p{L})`, 'iu');
}

/** What of an English message is its own words: placeholders, commands, hints and option lists left out. */
function englishWords(message: string): string {
  return (
    message
      // Minutes of time ("10 minutes", "a few minutes", "Duration (minutes)", a duration's "{{min}} to
      // {{max}} minutes", "a whole number of minutes", "duration: is in minutes") are not a meeting's
      // minutes: only these counts and the duration option.
      .replace(/(\{\{(?:count|min|max|duration)\}\}|\d+|few|several|number of|duration: is in|\()\s*minutes/gi, ' ')
      .replace(/\{\{[^}]*\}\}/g, ' ')
      .replace(/\/[a-z-]+(?: [a-z]+)?/g, ' ')
      // A command named as typed, without its slash: "members add-focal".
      .replace(/\b[a-z]+ [a-z]+-[a-z]+\b/g, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\S*\|\S*/g, ' ')
      .replace(/`[^`]*`/g, ' ')
  );
}

type Catalogue = { [key: string]: string | Catalogue };
const flatten = (c: Catalogue, prefix = ''): [string, string][] =>
  Object.entries(c).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
const messages = Object.fromEntries(
  (['en', ...TRANSLATED] as const).map((l) => [l, new Map(flatten(CATALOGUES[l] as Catalogue))]),
) as Record<'en' | Translated, Map<string, string>>;

const terms = tableAfter(glossary, /^## What the check accepts/m).map(([english, sq, srLatn, srCyrl]) => ({
  english: formsOf(english!),
  forms: { sq: formsOf(sq!), 'sr-Latn': formsOf(srLatn!), 'sr-Cyrl': formsOf(srCyrl!) } as Record<Translated, string[]>,
}));
const never = tableAfter(glossary, /^No catalogue of the language uses these words/m).map(([language, words]) => ({
  language: language as Translated,
  words: formsOf(words!),
}));

/** The messages of `language` that miss the glossary's word for a term their English uses. */
function deviations(language: Translated): string[] {
  const found: string[] = [];
  for (const [key, english] of messages.en) {
    const translation = messages[language].get(key);
    if (translation === undefined) continue;
    const words = englishWords(english);
    // A command word named without its slash ("e.g. meeting or members add-focal") stays English in the translation too.
    const kept = englishWords(translation);
    for (const term of terms) {
      const used = term.english.filter((f) => englishPattern(f).test(words));
      if (used.length === 0 || used.every((f) => englishPattern(f).test(kept))) continue;
      if (term.forms[language].some((f) => formPattern(f, false).test(translation))) continue;
      found.push(`${key}: "${term.english.join(', ')}" is not "${term.forms[language].join(', ')}" in: ${translation}`);
    }
  }
  return found;
}

/** The messages of `language` that use a word the glossary refuses. */
function refusedWords(language: Translated): string[] {
  const found: string[] = [];
  for (const rule of never.filter((r) => r.language === language)) {
    for (const word of rule.words) {
      const pattern = formPattern(word, /\p{Lu}/u.test(word.slice(1)));
      for (const [key, text] of messages[language]) if (pattern.test(text)) found.push(`${key}: "${word}" in: ${text}`);
    }
  }
  return found;
}

describe('the catalogues follow docs/glossary.md', () => {
  it('reads the glossary tables (the exercise, the focal point and the refused drill words are among them)', () => {
    const english = terms.flatMap((t) => t.english);
    expect(english).toEqual(expect.arrayContaining(['exercise', 'focal point', 'minutes', 'endorsement request', 'PWG']));
    expect(terms.find((t) => t.english.includes('exercise'))!.forms['sr-Latn']).toEqual(['profilisanj']);
    expect(never.flatMap((r) => r.words)).toEqual(expect.arrayContaining(['ushtrim', 'vežb', 'вежб']));
  });

  for (const language of TRANSLATED) {
    it(`${language} says each term the English says with the glossary's word`, () => {
      expect(deviations(language)).toEqual([]);
    });
    it(`${language} uses none of the words the glossary refuses`, () => {
      expect(refusedWords(language)).toEqual([]);
    });
  }

  it('writes Serbian Latin without Cyrillic letters', () => {
    const cyrillic = [...messages['sr-Latn']].filter(([, v]) => /[\u0400-\u04FF]/.test(v)).map(([k]) => k);
    expect(cyrillic).toEqual([]);
  });
});

// Serbian Cyrillic is Serbian Latin in the other script: one letter (or lj, nj, dž) for one letter.
const AZBUKA = [...'абвгдђежзијклљмнњопрстћуфхцчџш'];
const ABECEDA = ['a', 'b', 'v', 'g', 'd', 'đ', 'e', 'ž', 'z', 'i', 'j', 'k', 'l', 'lj', 'm', 'n', 'nj', 'o', 'p', 'r', 's', 't', 'ć', 'u', 'f', 'h', 'c', 'č', 'dž', 'š'];
const LATIN_OF: Record<string, string> = Object.fromEntries(AZBUKA.map((c, i) => [c, ABECEDA[i]!]));
const latinOf = (cyrillic: string) => [...cyrillic.toLowerCase()].map((c) => LATIN_OF[c] ?? c).join('');

describe('Serbian in two scripts', () => {
  it('says in Cyrillic what it says in Latin, word for word (names, acronyms and command words stay Latin in both)', () => {
    const differ = [...messages['sr-Latn']]
      .filter(([key, latin]) => latinOf(messages['sr-Cyrl'].get(key) ?? '') !== latin.toLowerCase())
      .map(([key, latin]) => `${key}: ${latin} | ${messages['sr-Cyrl'].get(key)}`);
    expect(differ).toEqual([]);
  });
  it('reads Cyrillic letter by letter, with the three letters that are two in Latin', () => {
    expect(latinOf('Љубљана, Његош, џеп, TOR-а')).toBe('ljubljana, njegoš, džep, tor-a');
  });
});

describe('the glossary check at its edges', () => {
  it('lists a message that says "vežba" for the exercise, and passes it once it says "profilisanje" again', () => {
    const key = 'refusal.noCoordinator';
    const saved = messages['sr-Latn'].get(key)!;
    const drill = 'Za ovu vežbu nije postavljen koordinator; pokrenite init.';
    messages['sr-Latn'].set(key, drill);
    try {
      expect(refusedWords('sr-Latn')).toEqual([`${key}: "vežb" in: ${drill}`]);
      expect(deviations('sr-Latn')).toEqual([`${key}: "exercise" is not "profilisanj" in: ${drill}`]);
    } finally {
      messages['sr-Latn'].set(key, saved);
    }
    expect(refusedWords('sr-Latn')).toEqual([]);
    expect(deviations('sr-Latn')).toEqual([]);
  });
  it('accepts an inflected form and refuses another word', () => {
    const form = formPattern('kontakt osob', false);
    expect(form.test('Potvrda ide kontakt osobama organizacije')).toBe(true);
    expect(form.test('Potvrda ide fokalnim tačkama')).toBe(false);
    expect(formPattern('профилисањ', false).test('У профилисању Kosovo 2014')).toBe(true);
    // A form begins a word: "procesi" is not found inside "procesverbali".
    expect(formPattern('procesi', false).test('procesverbali')).toBe(false);
  });
  it('matches a refused capital mid-sentence and at the start, and lets the lower case pass', () => {
    const refused = formPattern('koordinator i Profiliz', true);
    expect(refused.test('Vetëm Koordinatori i Profilizimit mund')).toBe(true);
    expect(refused.test('Kërkojini koordinatori i Profilizimit')).toBe(true);
    expect(refused.test('Vetëm koordinatori i profilizimit mund')).toBe(false);
  });
  it('takes a count of minutes of time for time, and still lists a meeting\'s minutes said as time', () => {
    const duration = messages.en.get('args.duration.outOfRange')!;
    expect(englishWords(duration)).not.toMatch(/minutes/i);
    expect(englishWords(messages.en.get('args.duration.notNumber')!)).not.toMatch(/minutes/i);
    expect(englishWords(messages.en.get('help-commands.meeting schedule.details')!)).not.toMatch(/minutes/i);
    // The exemption is the count before the word, not the word: "its minutes" stays a meeting's minutes.
    expect(englishWords('{{id}} has no minutes; they are due in {{count}} minutes.')).toMatch(/no minutes;.*due in +\.$/);
    const key = 'reply-minutes.cancelled';
    const saved = messages['sr-Latn'].get(key)!;
    const time = '{{id}} je otkazan ({{reason}}); nema minuta.';
    messages['sr-Latn'].set(key, time);
    try {
      expect(deviations('sr-Latn')).toEqual([`${key}: "minutes" is not "zapisni" in: ${time}`]);
    } finally {
      messages['sr-Latn'].set(key, saved);
    }
    expect(deviations('sr-Latn')).toEqual([]);
  });
  it('leaves placeholders, commands, hints and option lists out of the English', () => {
    expect(englishWords('/endorse vote {{id}} endorse|object|abstain <reason>').trim()).toBe('');
    expect(englishWords('The exercise "{{exercise}}" was dissolved. /exercise export still writes it out.')).toMatch(/exercise .* dissolved\. +still/);
  });
});
