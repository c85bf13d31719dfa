import { afterEach, describe, expect, it } from 'vitest';
import { COORDINATOR, createTestApp, snapshot, type TestApp } from '../helpers/app';
import { no, ok } from '../helpers/meetings';
import { translate } from '../../src/i18n/catalogue';
import { parseDate, parseTime, toInstant, type Parsed } from '../../src/domain/time';

let app: TestApp;
afterEach(() => app?.close());

describe("the strict date and time rules' refusals in the reader's language", () => {
  it('says in English exactly what the domain says, for every rule it names', () => {
    const failures: Parsed<unknown>[] = [
      parseDate(''), parseDate('1.12.2026'), parseDate('1969-01-01'), parseDate('2026-13-01'), parseDate('2026-12-00'), parseDate('2027-02-29'),
      parseTime(''), parseTime('9:30'), parseTime('25:00'), parseTime('10:00+15:00'),
      toInstant({ year: 2027, month: 3, day: 28 }, { hour: 2, minute: 30 }, 'Europe/Belgrade'),
      toInstant({ year: 2027, month: 10, day: 31 }, { hour: 2, minute: 30 }, 'Europe/Belgrade'),
    ];
    const rules = new Set<string>();
    for (const f of failures) {
      if (f.ok) throw new Error('expected a refusal');
      expect(f.problem, f.error).toBeDefined();
      rules.add(f.problem!.rule);
      expect(translate('en', `dates-args.${f.problem!.rule}`, f.problem!.values)).toBe(f.error);
    }
    expect(rules.size).toBe(failures.length);
  });

  it('refuses a date, a time and a wall time the clock skips in Serbian and Albanian, and changes nothing', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    ok(app, `/members language ${COORDINATOR} sr-Latn`);
    let before = snapshot(app.db);
    expect(no(app, '/meeting schedule PWG 2026-13-01 10:00 Workshop').reply).toBe('2026-13-01 nije datum: mesec mora biti od 01 do 12.');
    expect(no(app, '/meeting schedule PWG 2027-02-29 10:00 Workshop').reply).toBe('2027-02-29 nije datum: 2. mesec 2027. godine ima 28 dana.');
    expect(no(app, '/meeting schedule PWG 2026-12-01 25:00 Workshop').reply).toBe('25:00 nije vreme: koristite 00:00 do 23:59 (HH:MM).');
    expect(no(app, '/meeting schedule PWG 2027-03-28 02:30 Workshop').reply).toBe(
      '2027-03-28 02:30 ne postoji u zoni Europe/Belgrade: te noći se satovi pomeraju unapred sa 02:00 na 03:00. Koristite 01:30 ili 03:30.',
    );
    expect(no(app, '/minutes action M1 KAS 2026-12-32 Share the frame').reply).toBe('2026-12-32 nije datum: 12. mesec 2026. godine ima 31 dan.');
    expect(snapshot(app.db)).toBe(before);
    ok(app, `/members language ${COORDINATOR} sq`);
    before = snapshot(app.db);
    expect(no(app, '/endorse open PWG Terms of Reference deadline:1.12.2026').reply).toBe('"1.12.2026" nuk është datë: shkruajeni si YYYY-MM-DD, p.sh. 2026-11-24.');
    expect(no(app, '/meeting schedule PWG 2027-10-31 02:30 Workshop').reply).toBe(
      '2027-10-31 02:30 ndodh dy herë në Europe/Belgrade: atë natë orët kthehen prapa nga 03:00 në 02:00. Shkruani 02:30+02:00 për të parën (ora verore) ose 02:30+01:00 për të dytën.',
    );
    expect(snapshot(app.db)).toBe(before);
    ok(app, `/members language ${COORDINATOR} sr-Cyrl`);
    before = snapshot(app.db);
    expect(no(app, '/meeting postpone M1 2026-12-01 9:30').reply).toBe('„9:30“ није време: напишите га као HH:MM (24-часовни формат), на пример 09:30.');
    expect(snapshot(app.db)).toBe(before);
  });
});
