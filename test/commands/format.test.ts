import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { formatCommand, quoteWord, type CommandShape } from '../../src/commands/format';
import { parseCommand } from '../../src/commands/parse';
import { Registry, accepted, defineCommand } from '../../src/commands/registry';
import { tokenize } from '../../src/commands/tokenize';
import { buildRegistry } from '../../src/use-cases/index';

/** A command of every shape the grammar has: plain and optional params, free text, a flag, options. */
const shape = {
  path: 'test shape',
  params: [{ name: 'first' }, { name: 'second', optional: true }, { name: 'text', rest: true, optional: true }],
  flags: ['pmg'],
  options: { where: '"..."', milestone: '<tor>' },
} satisfies CommandShape;
// The schema takes the bound words as they are, so the test sees exactly what the parser bound.
const echo = defineCommand({
  ...shape,
  schema: z.record(z.string(), z.union([z.string(), z.boolean()])),
  summary: 'test',
  access: 'anyone',
  changes: false,
  run: () => accepted(''),
});
const registry = new Registry([echo]);

// The tokenizer reads curly quotes as quotes: the grammar writes them as straight ones.
const straight = (s: string) => s.replace(/[\u201c\u201d]/g, '"');
const text = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', ' ', '\n', '\t', ':', '\u201c', '\u201d', '\u201e', '\u2028', 'é', '😀', 'pmg', 'a:b', '//'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 30 });

describe('formatCommand', () => {
  it('round-trips through the tokenizer and the parser: the same words bind to the same names', () => {
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), fc.option(text, { nil: undefined }), fc.boolean(), fc.option(text, { nil: undefined }), (first, second, free, pmg, where) => {
        const args = { first, ...(second !== undefined ? { second } : {}), ...(second !== undefined && free !== undefined ? { text: free } : {}), pmg, ...(where !== undefined ? { where } : {}) };
        const line = formatCommand(shape, args);
        const parsed = parseCommand(registry, line);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const bound = parsed.args as Record<string, unknown>;
        expect(bound['first']).toBe(straight(first));
        expect(bound['second']).toBe(second === undefined ? undefined : straight(second));
        expect(bound['text']).toBe(args.text === undefined ? undefined : straight(args.text));
        expect(bound['pmg']).toBe(pmg);
        expect(bound['where']).toBe(where === undefined ? undefined : straight(where));
        expect(bound['milestone']).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('quotes one word so the tokenizer gives it back', () => {
    fc.assert(
      fc.property(text, (s) => {
        const t = tokenize(quoteWord(s));
        expect(t.ok && t.tokens.map((w) => w.text)).toEqual([straight(s)]);
      }),
    );
  });

  it('writes the lines a person would type, bare where a word needs no quotes', () => {
    const schedule = buildRegistry().get('meeting schedule')!;
    expect(formatCommand(schedule, { group: 'PWG', date: '2026-12-10', time: '10:00', title: 'Agree the TOR', milestone: 'tor', where: 'UNHCR office, Pristina' }))
      .toBe('/meeting schedule PWG 2026-12-10 10:00 "Agree the TOR" milestone:tor where:"UNHCR office, Pristina"');
    const addOrg = buildRegistry().get('members add-org')!;
    expect(formatCommand(addOrg, { acronym: 'MCR', name: 'Ministry for Communities and Returns', pmg: true })).toBe('/members add-org MCR "Ministry for Communities and Returns" pmg');
    // A value that would read as an option or a flag is quoted.
    expect(formatCommand(shape, { first: 'where:x', second: 'pmg' })).toBe('/test shape "where:x" "pmg"');
  });

  it('refuses arguments the command does not have, and a param after a missing one: bugs of the caller', () => {
    expect(() => formatCommand(shape, { first: 'a', nope: 'x' })).toThrow(/no argument "nope"/);
    expect(() => formatCommand(shape, { first: 'a', text: 'x' })).toThrow(/"text" is given but "second"/);
  });
});
