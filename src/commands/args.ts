import { z } from 'zod';
import { GROUPS, LANGUAGES, type Group, type Language } from '../domain/vocabulary';
import { parseDate, parseTime, parseTimeZone, type Parsed } from '../domain/time';
import { hasMessage } from '../i18n/say';

/**
 * Refuses an argument with its English sentence and, when the catalogue has it, the sentence's key
 * and values (`params.sentence`): the parser says it in the reader's language (parse.ts).
 */
export function refuse(ctx: z.RefinementCtx, english: string, key: string, values: Record<string, unknown> = {}): void {
  ctx.addIssue({ code: 'custom', message: english, ...(hasMessage(key) ? { params: { sentence: { key, values } } } : {}) });
}

/**
 * A zod string schema that runs one of our strict parsers and reports its sentence: under `key`,
 * else under the catalogue section `dates-args` by the parser's `problem.rule`.
 */
export function parsedBy<T>(parse: (text: string) => Parsed<T>, key?: string) {
  return z.string().transform((text, ctx): T => {
    const r = parse(text);
    if (!r.ok) {
      if (key) refuse(ctx, r.error, key, { text });
      else if (r.problem) refuse(ctx, r.error, `dates-args.${r.problem.rule}`, r.problem.values);
      else ctx.addIssue({ code: 'custom', message: r.error });
      return z.NEVER;
    }
    return r.value;
  });
}

// C0/C1 controls, and the bidirectional overrides that make "Name\u202Egnp.exe" display as something else.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/**
 * One line of text (a name, a title): no line breaks or control characters, at most `max` characters.
 * Its refusals are `<section>.<what>.empty|lines|tooLong` in the catalogue when it has them, else
 * English; `section` is `args` unless a command keeps its arguments' words in its own section.
 */
export function lineText(what: string, max: number, section = 'args') {
  return z
    .string()
    .transform((s) => s.trim())
    .superRefine((s, ctx) => {
      const key = (problem: string) => `${section}.${what}.${problem}`;
      if (s === '') refuse(ctx, `The ${what} is empty.`, key('empty'));
      else if (LINE_BREAK.test(s) || CONTROL.test(s))
        refuse(ctx, `The ${what} must be one line of plain text, without line breaks or control characters.`, key('lines'));
      else if ([...s].length > max) refuse(ctx, `The ${what} is ${[...s].length} characters long; the limit is ${max}.`, key('tooLong'), { length: [...s].length, max });
    });
}

/** Free text that may span lines (an agenda item, a note): no control characters, at most `max` characters; `section` as for lineText. */
export function freeText(what: string, max: number, section = 'args') {
  return z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .superRefine((s, ctx) => {
      const key = (problem: string) => `${section}.${what}.${problem}`;
      if (s === '') refuse(ctx, `The ${what} is empty.`, key('empty'));
      else if (CONTROL.test(s)) refuse(ctx, `The ${what} contains control characters; type plain text.`, key('control'));
      else if ([...s].length > max) refuse(ctx, `The ${what} is ${[...s].length} characters long; the limit is ${max}.`, key('tooLong'), { length: [...s].length, max });
    });
}

/** A person's name: one line, and nothing that reads as an address in a mail header (`<`, `>`, `@`, `"`). */
export const personNameArg = lineText('name', 200).superRefine((s, ctx) => {
  if (/[<>@"]/.test(s)) refuse(ctx, 'A name is written without <, >, @ or quotes (the e-mail address is given separately).', 'args.name.noAddress');
});

export const acronymArg = z
  .string()
  .superRefine((s, ctx) => {
    if (!/^[A-Za-z][A-Za-z0-9&.\-]{0,15}$/.test(s))
      refuse(ctx, 'An organisation acronym is 1 to 16 letters, digits, "&", "." or "-", starting with a letter (e.g. UNHCR).', 'args.acronym');
  })
  .transform((s) => s.toUpperCase());

/** An e-mail address as members type it: name@organisation.org (no display name, no comments). */
export const EMAIL_ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export const emailArg = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .superRefine((s, ctx) => {
    if (s.length > 254 || !EMAIL_ADDRESS.test(s))
      refuse(ctx, `${s.slice(0, 80)} is not an e-mail address: write it as name@organisation.org.`, 'args.email', { text: s.slice(0, 80) });
  });

export const groupArg = z.string().transform((s, ctx): Group => {
  const group = GROUPS.find((g) => g === s.toUpperCase());
  if (group) return group;
  refuse(ctx, 'The group is PWG (the whole working group) or PMG (the management group).', 'args.group');
  return z.NEVER;
});

/** One of `choices`, in any letter case; its refusal is `<section>.<what>.oneOf` (`section` as for lineText). */
export function choiceArg<const T extends readonly [string, ...string[]]>(what: string, choices: T, section = 'args') {
  const english = `The ${what} is one of: ${choices.join(', ')}.`;
  return z.string().transform((s, ctx): T[number] => {
    const word = s.toLowerCase();
    if (choices.includes(word)) return word;
    refuse(ctx, english, `${section}.${what}.oneOf`, { choices: choices.join(', ') });
    return z.NEVER;
  });
}

/** A language of LANGUAGES, in any letter case (`sr-cyrl` is `sr-Cyrl`). */
export const languageArg = z.string().transform((s, ctx): Language => {
  const found = LANGUAGES.find((l) => l.toLowerCase() === s.trim().toLowerCase());
  if (!found) {
    refuse(ctx, `"${s.slice(0, 40)}" is not a language Convene speaks: use one of ${LANGUAGES.join(', ')}.`, 'args.language', { text: s.slice(0, 40), languages: LANGUAGES.join(', ') });
    return z.NEVER;
  }
  return found;
});

export const dateArg = parsedBy(parseDate);
export const timeArg = parsedBy(parseTime);
export const zoneArg = parsedBy(parseTimeZone, 'args.zone');

/** Short human ids: M12, E3, A7. Accepts the bare number too. */
export function idArg(prefix: string, what: string) {
  return z.string().transform((s, ctx): number => {
    const m = new RegExp(`^${prefix}?(\\d{1,9})$`, 'i').exec(s.trim());
    if (!m) {
      const article = /^[aeiou]/i.test(what) ? 'an' : 'a';
      refuse(ctx, `${s.slice(0, 40)} is not ${article} ${what} id: ${what} ids look like ${prefix}12.`, `args.${what}.id`, { text: s.slice(0, 40) });
      return z.NEVER;
    }
    return Number(m[1]);
  });
}

const MIN_MINUTES = 5;
const MAX_MINUTES = 24 * 60;

/** A meeting's length in whole minutes, 5 to 1440; any number outside is refused with the limits. */
export const positiveMinutesArg = z.string().transform((s, ctx): number => {
  const text = s.trim();
  const limits = { min: MIN_MINUTES, max: MAX_MINUTES };
  if (!/^\d+$/.test(text)) {
    refuse(ctx, `The duration is a whole number of minutes from ${MIN_MINUTES} to ${MAX_MINUTES} (24 hours), e.g. duration:90.`, 'args.duration.notNumber', limits);
    return z.NEVER;
  }
  const minutes = Number(text);
  if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
    const duration = text.length > 12 ? `${text.slice(0, 12)}...` : text;
    refuse(
      ctx,
      `A duration of ${duration} minutes is out of range: a meeting lasts ${MIN_MINUTES} to ${MAX_MINUTES} minutes (24 hours), e.g. duration:90.`,
      'args.duration.outOfRange',
      { duration, ...limits },
    );
    return z.NEVER;
  }
  return minutes;
});
