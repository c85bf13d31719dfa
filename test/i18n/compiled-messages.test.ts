import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { LANGUAGES } from '../../src/domain/vocabulary';
import { CATALOGUES, createI18n, messagesFor, translate } from '../../src/i18n/catalogue';
import { CompiledMessages } from '../../src/i18n/compiled';

type Catalogue = { [key: string]: string | Catalogue };

/** Every message key of the English catalogue, plural forms by their base name (`meeting-invitation.noticeDays`). */
function keysOf(c: Catalogue, path = ''): string[] {
  return [...new Set(Object.entries(c).flatMap(([k, v]) => {
    const at = path ? `${path}.${k}` : k;
    return typeof v === 'object' ? keysOf(v, at) : [at.replace(/_(zero|one|two|few|many|other)$/, '')];
  }))];
}

/** The placeholders a key's messages use, in any language. */
function placeholdersOf(key: string): string[] {
  const messages = LANGUAGES.flatMap((l) => {
    const c = CATALOGUES[l] as Catalogue;
    const [section, name] = key.includes('.') ? [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)] : ['', key];
    const node = section.split('.').reduce<Catalogue | string | undefined>((at, s) => (typeof at === 'object' ? at[s] : undefined), c);
    if (typeof node !== 'object') return [];
    return Object.entries(node).filter(([k]) => k === name || k.startsWith(`${name}_`)).map(([, v]) => v).filter((v): v is string => typeof v === 'string');
  });
  return [...new Set(messages.flatMap((m) => [...m.matchAll(/\{\{(.+?)\}\}/g)].map((x) => x[1]!.trim())))];
}

/** Views that put each placeholder through every case: a string, a number, missing, undefined, null, an object, a nested path. */
function viewsFor(names: string[]): Record<string, unknown>[] {
  const nested = (name: string, value: unknown): Record<string, unknown> => {
    const [head, ...rest] = name.split('.');
    return { [head!]: rest.length ? nested(rest.join('.'), value) : value };
  };
  const merge = (value: (n: string, i: number) => unknown) =>
    Object.assign({}, ...names.map((n, i) => nested(n, value(n, i)))) as Record<string, unknown>;
  return [
    merge((n) => `‹${n}›`),
    merge((_, i) => i * 7),
    merge((_, i) => i % 2 === 0),
    merge((n, i) => (i % 2 === 0 ? `${n} has {{count}} and $t(common.or)` : undefined)),
    merge(() => null),
    merge(() => ({ nested: true })),
    {},
    // A nested name whose parent is false, a string or an array; a dotted name given flat.
    Object.assign({}, ...names.map((n) => ({ [n.split('.')[0]!]: false }))) as Record<string, unknown>,
    Object.assign({}, ...names.map((n) => ({ [n.split('.')[0]!]: 'text' }))) as Record<string, unknown>,
    Object.assign({}, ...names.map((n) => ({ [n.split('.')[0]!]: ['a', 'b'] }))) as Record<string, unknown>,
    Object.fromEntries(names.map((n) => [n, `flat ${n}`])),
    { ...merge((n) => n), count: 'three' },
    { ...merge((n) => n), context: 'male' },
  ];
}

const COUNTS = [undefined, 0, 1, 2, 3, 4, 5, 11, 21, 22, 25, 101, 1.5];

describe('translate and messagesFor give exactly what i18next gives', () => {
  const reference = createI18n();
  for (const language of LANGUAGES) {
    it(`${language}: every message of the catalogue, with every kind of value and count`, () => {
      let compared = 0;
      // Differences are gathered and shown together: one expect per comparison cost seconds per language.
      const differences: { values: string; ours: string; i18next: string }[] = [];
      for (const key of keysOf(CATALOGUES.en as Catalogue)) {
        for (const view of viewsFor(placeholdersOf(key))) {
          for (const count of COUNTS) {
            const values = count === undefined ? view : { ...view, count };
            const ours = translate(language, key, values);
            const theirs = reference.t(key, { ...values, lng: language });
            if (ours !== theirs) differences.push({ values: `${language} ${key} ${JSON.stringify(values)}`, ours, i18next: theirs });
            compared++;
          }
        }
      }
      expect(differences).toEqual([]);
      expect(compared).toBeGreaterThan(1000);
    });
  }

  it('a section asked for some of its messages fills in those, the same as all of them', () => {
    const view = { noticeDays: 21, deadline: 'уторак', recipientName: 'Милица' };
    const all = messagesFor('sr-Cyrl', 'meeting-invitation', view)!;
    const some = messagesFor('sr-Cyrl', 'meeting-invitation', view, new Set(['noticeDays', 'dear']))!;
    expect(Object.keys(some).sort()).toEqual(['dear', 'noticeDays']);
    expect(some.noticeDays).toBe(all.noticeDays);
    expect(some.dear).toBe(all.dear);
    expect(all.noticeDays).toContain('21 дан');
    expect(Object.keys(all).length).toBeGreaterThan(5);
  });

  it('a message changed in a catalogue after it was used is read again: English while it is missing, then the new words', () => {
    const section = (CATALOGUES.sq as Catalogue)['meeting-invitation'] as Record<string, string>;
    const before = translate('sq', 'meeting-invitation.dear', { recipientName: 'Arta' });
    const saved = section.dear!;
    delete section.dear;
    try {
      expect(translate('sq', 'meeting-invitation.dear', { recipientName: 'Arta' })).toBe('Dear Arta,');
      section.dear = 'Përshëndetje {{recipientName}},';
      expect(translate('sq', 'meeting-invitation.dear', { recipientName: 'Arta' })).toBe('Përshëndetje Arta,');
    } finally {
      section.dear = saved;
    }
    expect(translate('sq', 'meeting-invitation.dear', { recipientName: 'Arta' })).toBe(before);
    expect(before).not.toBe('Dear Arta,');
  });

  it('a key the catalogue lacks is the key, as i18next says it', () => {
    expect(translate('sq', 'nowhere.at-all', { a: 1 })).toBe(createI18n().t('nowhere.at-all', { a: 1, lng: 'sq' }));
  });
});

describe('CompiledMessages over messages the catalogue does not have yet', () => {
  // Formats, nesting and unescaped values are i18next's to do: they must come out as `t` makes them.
  const resources = {
    en: { translation: {
      nested: 'Before $t(plain) after {{x}}',
      plain: 'plain {{x}}',
      raw: 'raw {{- x}} and {{x}}',
      formatted: 'when {{x, uppercase}}',
      item_one: '{{count}} item of {{owner.name}}',
      item_other: '{{count}} items of {{owner.name}}',
      item_zero: 'no items of {{owner.name}}',
      withContext: 'plain', withContext_male: 'his',
    } },
    sr: { translation: { item_one: '{{count}} stavka', item_few: '{{count}} stavke', item_other: '{{count}} stavki' } },
  };
  const build = () => {
    const i = i18next.createInstance();
    void i.init({ initAsync: false, resources, lng: 'en', fallbackLng: 'en', load: 'currentOnly', interpolation: { escapeValue: false }, returnNull: false });
    i.services.formatter?.add('uppercase', (value: unknown) => String(value).toUpperCase());
    return i;
  };
  const reference = build();
  const compiled = new CompiledMessages(build());

  it('gives t’s own output for nesting, formats, raw values, _zero, context and fallback plurals', () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['en', 'nested', { x: 'X' }], ['en', 'raw', { x: '<b>' }], ['en', 'formatted', { x: 'soon' }],
      ['en', 'item', { count: 0, owner: { name: 'ORG1' } }], ['en', 'item', { count: 1, owner: { name: 'ORG1' } }],
      ['en', 'item', { count: 7, owner: { name: 'ORG1' } }], ['en', 'item', { count: 7, owner: null }],
      ['en', 'item', { count: 7, owner: false }], ['en', 'item', { count: 7, 'owner.name': 'flat' }], ['en', 'item', { count: 2, owner: { name: { x: 1 } } }],
      ['en', 'item', { count: 2, owner: { name: undefined } }], ['en', 'plain', { x: undefined }], ['en', 'plain', {}], ['en', 'plain', { x: ['a', 'b'] }],
      ['sr', 'item', { count: 3 }], ['sr', 'item', { count: 21 }], ['sr', 'item', { count: 0 }], ['sr', 'nested', { x: 1 }],
      ['en', 'withContext', { context: 'male' }], ['en', 'plain', { x: 'a {{x}} b' }],
    ];
    for (const [lng, key, values] of cases) {
      const expected = reference.t(key, { ...values, lng });
      // Twice: the second call is answered from what the first one kept.
      for (let i = 0; i < 2; i++) expect(compiled.translate(lng, key, values, undefined, CompiledMessages.plainValues(values)), `${lng} ${key}`).toBe(expected);
    }
    expect(reference.t('item', { count: 3, lng: 'sr' })).toBe('3 stavke');
    expect(reference.t('formatted', { x: 'soon', lng: 'en' })).toBe('when SOON');
  });
});
