import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/commands/tokenize';
import { parseCommand } from '../../src/commands/parse';
import { usageOf } from '../../src/commands/registry';
import { buildRegistry } from '../../src/use-cases/index';

const registry = buildRegistry();

describe('tokenize', () => {
  it('splits words, keeps quoted text together and reads key:value options', () => {
    const r = tokenize('/meeting schedule PWG 2026-12-10 10:00 "Agree the TOR" where:"UNHCR office, Pristina" duration:90');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tokens.map((t) => t.text)).toEqual(['/meeting', 'schedule', 'PWG', '2026-12-10', '10:00', 'Agree the TOR', 'where:UNHCR office, Pristina', 'duration:90']);
    expect(r.tokens[5]).toMatchObject({ quoted: true });
    expect(r.tokens[6]).toMatchObject({ key: 'where', value: 'UNHCR office, Pristina' });
    expect(r.tokens[7]).toMatchObject({ key: 'duration', value: '90' });
  });

  it('does not take a time for an option, and accepts curly quotes and escaped quotes', () => {
    const r = tokenize('10:00 urgent:\u201cminister\u2019s visit\u201d "say \\"hi\\""');
    expect(r.ok && r.tokens.map((t) => [t.text, t.key])).toEqual([
      ['10:00', undefined],
      ['urgent:minister\u2019s visit', 'urgent'],
      ['say "hi"', undefined],
    ]);
  });

  it('refuses an unclosed quote with a sentence', () => {
    const r = tokenize('/members add-org KAS "Kosovo Agency');
    expect(r).toEqual({ ok: false, error: expect.stringContaining('quote is not closed') });
  });
});

describe('parseCommand', () => {
  it('binds positionals, the rest argument and a trailing flag', () => {
    const r = parseCommand(registry, '/members add-org mcr Ministry of Communities and Return pmg');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.definition.path).toBe('members add-org');
    expect(r.args).toEqual({ acronym: 'MCR', name: 'Ministry of Communities and Return', pmg: true });
  });

  it('keeps a quoted flag word as text', () => {
    const r = parseCommand(registry, '/members add-org ABC "Alpha Beta" "pmg"');
    expect(r.ok && r.args).toEqual({ acronym: 'ABC', name: 'Alpha Beta pmg', pmg: false });
  });

  it('works without the leading slash and in any case', () => {
    const r = parseCommand(registry, 'MEMBERS List pmg');
    expect(r.ok && r.args).toEqual({ group: 'PMG' });
  });

  it('says which argument is missing, with the usage', () => {
    const r = parseCommand(registry, '/members add-focal KAS');
    expect(r).toMatchObject({ ok: false, code: 'bad-argument' });
    expect(!r.ok && r.message).toBe('Missing <email>. Usage: /members add-focal <acronym> <email> <name...>');
  });

  it('refuses extra words on a command without a rest argument', () => {
    const r = parseCommand(registry, '/members remove-focal KAS a@kas.example.org please');
    expect(!r.ok && r.message).toContain('Unexpected "please"');
  });

  it('calls an unknown command or subcommand a usage error', () => {
    expect(parseCommand(registry, '/frobnicate')).toMatchObject({ ok: false, code: 'usage' });
    const sub = parseCommand(registry, '/members frob');
    expect(sub).toMatchObject({ ok: false, code: 'usage' });
    expect(!sub.ok && sub.message).toContain('it has: list, add-org');
    expect(parseCommand(registry, '   ')).toMatchObject({ ok: false, code: 'usage' });
  });

  it('refuses a misspelt option instead of taking it into the title, and suggests the right one', () => {
    const r = parseCommand(registry, '/meeting schedule PWG 2027-05-03 10:00 Methodology milstone:methodology');
    expect(r).toMatchObject({ ok: false, code: 'bad-argument' });
    expect(!r.ok && r.message).toBe(
      '/meeting schedule has no option milstone:. Did you mean milestone:? Its options: milestone:, where:, duration:, urgent:. To put a word with a colon in the text, write it in quotes.',
    );
    expect(parseCommand(registry, '/meeting schedule PWG 2027-05-03 10:00 Methodology "Phase:2"')).toMatchObject({ ok: true });
    // A URL is text, and commands without options take key:value words as text.
    expect(parseCommand(registry, '/meeting schedule PWG 2027-05-03 10:00 See https://example.org/tor')).toMatchObject({ ok: true });
    expect(parseCommand(registry, '/members add-org WFP Food:Programme')).toMatchObject({ ok: true, args: { name: 'Food:Programme' } });
  });

  it('names the bad part of a value', () => {
    const r = parseCommand(registry, '/members role someone@example.org king');
    expect(!r.ok && r.message).toBe('The role is one of: coordinator, observer, focal.');
  });
});

describe('the registry', () => {
  it('holds every command of SPEC §3', () => {
    const paths = registry.all().map((d) => d.path).sort();
    expect(paths).toEqual(
      [
        'help',
        'meeting schedule', 'meeting agenda', 'meeting send', 'meeting postpone', 'meeting cancel', 'meeting list', 'meeting show', 'meeting notices',
        'endorse open', 'endorse vote', 'endorse proxy', 'endorse status', 'endorse close', 'endorse list',
        'minutes note', 'minutes decision', 'minutes action', 'minutes show', 'minutes publish', 'minutes correct', 'minutes actions', 'minutes done',
        // Beyond SPEC §3: which organisations were present, for the minutes.
        'minutes attendance',
        // SPEC §7: the draft is edited before publication.
        'minutes edit', 'minutes remove',
        'members list', 'members add-org', 'members add-focal', 'members remove-focal', 'members add-observer', 'members role', 'members check', 'members link', 'members verify',
        'exercise status', 'exercise dissolve', 'exercise export', 'exercise channel',
        // SPEC §7.
        'exercise list',
        // Issue 13: each member in their own language and time zone.
        'members language', 'members timezone', 'exercise language',
      ].sort(),
    );
  });

  it('derives usage lines from the parameters', () => {
    expect(usageOf(registry.get('members add-org')!)).toBe('/members add-org <acronym> <name...> [pmg]');
    expect(usageOf(registry.get('members list')!)).toBe('/members list [PWG|PMG]');
    expect(usageOf(registry.get('members role')!)).toBe('/members role <email> <coordinator|observer|focal>');
  });
});
