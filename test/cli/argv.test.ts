import { describe, expect, it } from 'vitest';
import { parseArgv, parseInstant } from '../../adapters/cli/argv';

describe('the CLI arguments', () => {
  it('reads the mode word before or after the flags', () => {
    const before = parseArgv(['tick', '--now', '2026-11-21T09:00:00Z']);
    const after = parseArgv(['--now', '2026-11-21T09:00:00Z', 'tick']);
    expect(before).toEqual(after);
    expect(after.ok && after.invocation).toMatchObject({ mode: 'tick', now: new Date('2026-11-21T09:00:00Z') });
    expect(parseArgv(['--db=/tmp/x.sqlite', 'init', '--example', 'kosovo'])).toMatchObject({ ok: true, invocation: { mode: 'init', db: '/tmp/x.sqlite', init: { example: 'kosovo' } } });
  });

  it('keeps a command whose text is the word tick as a command when it is not the first word', () => {
    const r = parseArgv(['--as', 'a@b.org', '/minutes', 'note', 'M1', 'tick']);
    expect(r.ok && r.invocation).toMatchObject({ mode: 'command', text: '/minutes note M1 tick' });
  });

  it('refuses an empty flag value instead of ignoring it', () => {
    expect(parseArgv(['--as', '', '/members list'])).toEqual({ ok: false, message: '--as needs a value.' });
    expect(parseArgv(['--exercise=', '/members list'])).toEqual({ ok: false, message: '--exercise needs a value.' });
  });

  it('refuses flags that the mode does not take', () => {
    expect(parseArgv(['--as', 'a@b.org', 'tick'])).toMatchObject({ ok: false, message: expect.stringContaining('Unknown flag --as for convene tick') });
  });

  it('requotes shell words so values with spaces stay whole', () => {
    const r = parseArgv(['/meeting', 'schedule', 'PWG', '2027-01-20', '10:00', 'Agree the TOR', 'where:UNHCR office, Pristina']);
    expect(r.ok && r.invocation.text).toBe('/meeting schedule PWG 2027-01-20 10:00 "Agree the TOR" where:"UNHCR office, Pristina"');
  });

  it('parses --now strictly', () => {
    expect(parseInstant('2026-11-24T14:00+01:00')?.toISOString()).toBe('2026-11-24T13:00:00.000Z');
    expect(parseInstant('2026-11-24T14:00')).toBeNull();
    expect(parseInstant('2026-02-29T10:00:00Z')).toBeNull();
    expect(parseInstant('2026-11-24T24:00:00Z')).toBeNull();
  });

  it('refuses a --now outside the years 1970 to 2999, as every other date, with a sentence', () => {
    for (const now of ['1969-12-31T23:59:59Z', '1970-01-01T00:30:00+01:00', '9999-12-31T23:59:59Z', '3000-01-01T00:00:00Z']) {
      expect(parseArgv(['tick', '--now', now])).toEqual({ ok: false, message: `--now ${now} is out of range: use an instant from 1970 to 2999, e.g. --now 2026-11-24T13:00:00Z.` });
    }
    expect(parseArgv(['tick', '--now', '1970-01-01T00:00:00Z'])).toMatchObject({ ok: true });
    expect(parseArgv(['tick', '--now', '2999-12-31T23:59:59Z'])).toMatchObject({ ok: true });
  });
});
