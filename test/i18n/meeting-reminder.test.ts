import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { meetingWithAgenda, ok } from '../helpers/meetings';
import { chooseLanguages, lastEmail, READERS } from '../helpers/mail-languages';
import { describeTimeLeftIn } from '../../src/i18n/dates';

let app: TestApp;
afterEach(() => app?.close());

describe('the meeting reminder in each member language', () => {
  it('reminds each member the day before in their language, with the time left in their plural forms', async () => {
    app = createTestApp();
    chooseLanguages(app);
    ok(app, '/members timezone me America/New_York', READERS['sr-Cyrl']);
    meetingWithAgenda(app);
    ok(app, '/meeting send M1');
    app.clock.set('2026-12-09T09:00:00Z');
    await app.scheduler.tick();
    const to = (email: string) => lastEmail(app, 'meeting-reminder', email, 'meeting:1');
    expect(to(READERS.en).subject).toBe('Tomorrow: PWG meeting M1, Thu 10 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(to(READERS.en).text).toContain('A reminder: the Profiling Working Group meets tomorrow, in 1 day.');
    expect(to(READERS.sq).subject).toBe('Nesër: takimi M1 i PWG, Enjte, 10 Dhjetor 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(to(READERS.sq).text).toContain('Kujtesë: Grupi i Punës për Profilizim mblidhet nesër; mbeten edhe 1 ditë.');
    expect(to(READERS['sr-Latn']).text).toContain('Podsetnik: Radna grupa za profilisanje se sastaje sutra, za 1 dan.');
    const cyrillic = to(READERS['sr-Cyrl']);
    expect(cyrillic.subject).toBe('Сутра: састанак M1 групе PWG, четвртак, 10. децембар 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(cyrillic.text).toContain('четвртак, 10. децембар 2026, 04:00 (America/New_York) у вашој временској зони');
    expect(cyrillic.text).toContain('Дневни ред:\n  1. Review of the draft TOR');
  });

  it('counts the time left in Serbian one/few/other and in Albanian one/other', () => {
    const now = new Date('2026-12-01T09:00:00Z');
    const after = (ms: number) => new Date(now.getTime() + ms);
    const H = 3_600_000;
    expect(describeTimeLeftIn(now, after(21 * 24 * H + 2 * H), 'Europe/Belgrade', 'sr-Latn')).toBe('21 dan i 2 sata');
    expect(describeTimeLeftIn(now, after(5 * 24 * H + 11 * H), 'Europe/Belgrade', 'sr-Cyrl')).toBe('5 дана и 11 сати');
    expect(describeTimeLeftIn(now, after(H + 60_000), 'Europe/Belgrade', 'sr-Latn')).toBe('1 sat i 1 minut');
    expect(describeTimeLeftIn(now, after(2 * H + 5 * 60_000), 'Europe/Belgrade', 'sq')).toBe('2 orë e 5 minuta');
    expect(describeTimeLeftIn(now, after(30_000), 'Europe/Belgrade', 'sq')).toBe('më pak se një minutë');
    expect(describeTimeLeftIn(now, after(2 * H), 'Europe/Belgrade', 'en')).toBe('2 hours');
  });

  it("counts the time left by the clock of the zone it is said in: across Belgrade's change to summer time 23 hours are a day there, not in New York", () => {
    // 10:00 Belgrade on Sat 27 March 2027 to 10:00 on Sunday, after the clocks went forward; New York changed two weeks before.
    const now = new Date('2027-03-27T09:00:00Z');
    const until = new Date('2027-03-28T08:00:00Z');
    expect(describeTimeLeftIn(now, until, 'Europe/Belgrade', 'sr-Cyrl')).toBe('1 дан');
    expect(describeTimeLeftIn(now, until, 'Europe/Belgrade', 'sq')).toBe('1 ditë');
    expect(describeTimeLeftIn(now, until, 'America/New_York', 'sr-Cyrl')).toBe('23 сата');
    expect(describeTimeLeftIn(now, until, 'America/New_York', 'sr-Latn')).toBe('23 sata');
    // And the other way round on New York's change (14 March), in English too.
    expect(describeTimeLeftIn(new Date('2027-03-13T15:00:00Z'), new Date('2027-03-14T14:00:00Z'), 'America/New_York', 'sr-Cyrl')).toBe('1 дан');
    expect(describeTimeLeftIn(new Date('2027-03-13T15:00:00Z'), new Date('2027-03-14T14:00:00Z'), 'Europe/Belgrade', 'en')).toBe('23 hours');
  });
});
