import type { i18n as I18n } from 'i18next';

/**
 * i18next's `t` resolves a key from scratch on every call (key parsing, the language hierarchy,
 * the plural suffix, regex interpolation): about 10 µs, and a vote's receipts and channel tally
 * made some 70 such calls. Here each message is resolved by i18next once per language, key and
 * plural form, and kept split at its `{{placeholders}}`; a call only fills the parts in.
 *
 * The output is i18next's own for every case: whatever this fast path does not handle exactly as
 * i18next would (a value that is missing, null or an object; a message with a format, nesting or
 * `{{- raw}}`; a value named like an option of `t`, such as `context` or `replace`) goes to `t`
 * itself. test/i18n/compiled-messages.test.ts compares the two over the whole catalogue.
 */

/** A message where the catalogue has it, and compiled (null when only `t` itself gets it right). */
interface Found {
  parent: Record<string, unknown>;
  name: string;
  raw: string;
  message: CompiledMessage | null;
}

interface CompiledMessage {
  /** Literal text around the placeholders: always one more than `paths`. */
  texts: string[];
  /** Each placeholder's value path in the values, split at dots (`shortNotice.reason`). */
  paths: string[][];
  /** Each placeholder as written (`{{ x }}`). */
  placeholders: string[];
}

/** Options of `t` that change what it returns when a view carries them as values. */
const OPTION_NAMES = [
  'context', 'replace', 'ordinal', 'defaultValue', 'ns', 'lngs', 'fallbackLng', 'keySeparator', 'nsSeparator',
  'returnObjects', 'returnDetails', 'joinArrays', 'postProcess', 'interpolation', 'skipInterpolation', 'nest',
  'keyPrefix', 'missingInterpolationHandler', 'returnEmptyString',
] as const;

const PLACEHOLDER = /\{\{(.+?)\}\}/g;

export class CompiledMessages {
  /** `language \0 key \0 plural forms` → the message as found in the language's own catalogue. */
  private readonly messages = new Map<string, Found>();
  /** Per language: i18next's plural rules for each language it looks in (the language, then English). */
  private readonly rules = new Map<string, Intl.PluralRules[]>();

  constructor(private readonly i18n: I18n) {}

  /** Whether `values` may take the fast path at all (it carries no option of `t`); checked once per view. */
  static plainValues(values: Record<string, unknown>): boolean {
    for (const name of OPTION_NAMES) if (Object.hasOwn(values, name)) return false;
    for (const name in values) if (name.startsWith('defaultValue')) return false;
    return true;
  }

  /**
   * `t(key, { ...values, count, lng: language })`, the same string. `count` (when given) is
   * the plural count and the value of `{{count}}`; else `values.count` is, as in i18next.
   */
  translate(language: string, key: string, values: Record<string, unknown>, count: unknown, plain: boolean): string {
    if (count === undefined) count = values['count'];
    if (!plain || (count !== undefined && typeof count !== 'number')) return this.viaT(language, key, values, count);
    const id = count === undefined ? `${language}\0${key}` : `${language}\0${key}\0${this.forms(language, count)}`;
    let found = this.messages.get(id);
    // Still what the catalogue says (a test may change a catalogue in place, as a translator's edit would).
    if (found === undefined || found.parent[found.name] !== found.raw) {
      found = this.find(language, key, count);
      if (found) this.messages.set(id, found);
      else this.messages.delete(id);
    }
    const message = found?.message;
    if (!message) return this.viaT(language, key, values, count);
    let out = message.texts[0]!;
    for (let i = 0; i < message.paths.length; i++) {
      const path = message.paths[i]!;
      if (path[0] === 'count' || path[0] === 'lng') {
        if (path.length > 1) return this.viaT(language, key, values, count);
        const value = path[0] === 'lng' ? language : count;
        if (value === undefined) return this.viaT(language, key, values, count);
        out += String(value);
      } else {
        out += valueText(values, path, message.placeholders[i]!);
      }
      out += message.texts[i + 1]!;
    }
    return out;
  }

  /**
   * The message i18next resolves for this key, language and count, when the language's own
   * catalogue has it; undefined when it falls back to English or to the key (`t` answers those:
   * rare, since every catalogue is complete, and never cached against a catalogue that may get the message).
   */
  private find(language: string, key: string, count: unknown): Found | undefined {
    const d = this.i18n.t(key, { lng: language, skipInterpolation: true, returnDetails: true, ...(count === undefined ? {} : { count }) }) as unknown as {
      res: unknown; usedLng: string; usedNS: string; exactUsedKey: string;
    };
    if (typeof d.res !== 'string' || d.usedLng !== language) return undefined;
    const names = d.exactUsedKey.split('.');
    const name = names.pop()!;
    let parent: unknown = this.i18n.store.data[language]?.[d.usedNS];
    for (const step of names) parent = parent !== null && typeof parent === 'object' ? (parent as Record<string, unknown>)[step] : undefined;
    if (parent === null || typeof parent !== 'object' || (parent as Record<string, unknown>)[name] !== d.res) return undefined;
    return { parent: parent as Record<string, unknown>, name, raw: d.res, message: compile(d.res) };
  }

  private viaT(language: string, key: string, values: Record<string, unknown>, count: unknown): string {
    return this.i18n.t(key, { ...values, ...(count === undefined ? {} : { count }), lng: language });
  }

  /** The plural form of `count` in each language i18next looks in, and whether it is 0 (`_zero` is looked up then). */
  private forms(language: string, count: number): string {
    let rules = this.rules.get(language);
    if (!rules) {
      const services = this.i18n.services;
      const codes = services.languageUtils.toResolveHierarchy(language) as string[];
      // i18next counts with English's rule where a language has none of its own (getSuffix).
      rules = codes.map((code) => (services.pluralResolver.getRule(code) ?? services.pluralResolver.getRule('en')) as Intl.PluralRules);
      this.rules.set(language, rules);
    }
    let forms = count === 0 ? '0' : '';
    for (const rule of rules) forms += `,${rule.select(count)}`;
    return forms;
  }
}

/** The message split at its placeholders, or null when it needs more of i18next than `{{path}}`. */
function compile(raw: string): CompiledMessage | null {
  if (raw.includes('$t(') || raw.includes('{{-')) return null;
  const texts: string[] = [];
  const paths: string[][] = [];
  const placeholders: string[] = [];
  let from = 0;
  for (const m of raw.matchAll(PLACEHOLDER)) {
    const name = m[1]!.trim();
    if (name.includes(',') || name.includes('###') || name === '') return null;
    texts.push(raw.slice(from, m.index));
    paths.push(name.split('.'));
    placeholders.push(m[0]);
    from = m.index + m[0].length;
  }
  texts.push(raw.slice(from));
  return { texts, paths, placeholders };
}

/**
 * What i18next's interpolator writes for a `{{path}}` (escapeValue off): the value its getPath
 * finds (own properties, stepping only into objects); else what its deepFind finds (it also tries
 * dotted names such as `links.page` and steps over primitives); a name given as undefined is
 * written as nothing, a name not found at all stays as written (`skipOnVariables`); null is
 * nothing, anything else String(value) (its makeString).
 */
function valueText(values: Record<string, unknown>, path: string[], placeholder: string): string {
  let value = getPath(values, path);
  const joined = path.length === 1 ? path[0]! : path.join('.');
  if (value === undefined || value === null) value = deepFind(values, joined, path);
  if (value === undefined) return Object.hasOwn(values, joined) ? '' : placeholder;
  return typeof value === 'string' ? value : value === null ? '' : String(value);
}

/** i18next's getPath: own properties only; a step into nothing or a string finds nothing. */
function getPath(values: Record<string, unknown>, path: string[]): unknown {
  let at: unknown = values;
  for (let i = 0; i < path.length - 1; i++) {
    if (!at || typeof at === 'string') return undefined;
    at = Object.hasOwn(at, path[i]!) ? (at as Record<string, unknown>)[path[i]!] : {};
  }
  if (!at || typeof at === 'string') return undefined;
  return Object.hasOwn(at, path[path.length - 1]!) ? (at as Record<string, unknown>)[path[path.length - 1]!] : undefined;
}

/** i18next's deepFind, step for step (it reads inherited properties too, except functions). */
function deepFind(values: Record<string, unknown>, joined: string, path: string[]): unknown {
  if (values[joined]) return Object.hasOwn(values, joined) ? values[joined] : undefined;
  let current: unknown = values;
  for (let i = 0; i < path.length; ) {
    if (!current || typeof current !== 'object') return undefined;
    let next: unknown;
    let nextPath = '';
    for (let j = i; j < path.length; ++j) {
      if (j !== i) nextPath += '.';
      nextPath += path[j];
      next = (current as Record<string, unknown>)[nextPath];
      if ((typeof next === 'function' || nextPath === '__proto__') && !Object.hasOwn(current, nextPath)) next = undefined;
      if (next !== undefined) {
        if ((typeof next === 'string' || typeof next === 'number' || typeof next === 'boolean') && j < path.length - 1) continue;
        i += j - i + 1;
        break;
      }
    }
    current = next;
  }
  return current;
}
