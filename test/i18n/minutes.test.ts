import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { ok } from '../helpers/meetings';
import { meetingUnderWay } from '../helpers/minutes';
import { chooseLanguages, cyrillicReaderInNewYork, deliverOverSmtp, LANGUAGES_READ, lastEmail, READERS } from '../helpers/mail-languages';

let app: TestApp;
afterEach(() => app?.close());

async function capturedMinutes(app: TestApp): Promise<void> {
  await meetingUnderWay(app);
  ok(app, '/minutes attendance M1 MCR UNHCR KAS');
  ok(app, '/minutes note M1 UNHCR presented the draft TOR.');
  ok(app, '/minutes decision M1 The objectives are agreed.');
  ok(app, '/minutes action M1 KAS 2026-12-15 Share the sampling frame');
  app.clock.set('2026-12-03T09:00:00Z');
}

const minutesTo = (app: TestApp, email: string, kind = 'minutes') => lastEmail(app, kind, email, 'minutes:1');

describe('the minutes in each member language', () => {
  it('go out in as many languages as their readers chose, each e-mail in one, parsed back over real SMTP', async () => {
    app = createTestApp();
    chooseLanguages(app);
    await capturedMinutes(app);
    ok(app, '/minutes publish M1');
    const { to } = await deliverOverSmtp(app);
    const expected = {
      en: { subject: '[PWG] Minutes of M1, Tue 1 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR', present: 'Present (3 of 10 organisations): MCR, UNHCR, KAS', actions: 'Action items by owner:\n  KAS:\n    A1, due 2026-12-15: Share the sampling frame', published: 'published Thu 3 Dec 2026, 10:00 (Europe/Belgrade)' },
      sq: { subject: '[PWG] Procesverbali i takimit M1, Martë, 1 Dhjetor 2026, 10:00 (Europe/Belgrade): Agree the TOR', present: 'Të pranishëm (3 nga 10 organizata): MCR, UNHCR, KAS', actions: 'Detyrat sipas organizatës përgjegjëse:\n  KAS:\n    A1, afati 2026-12-15: Share the sampling frame', published: 'i publikuar më Enjte, 3 Dhjetor 2026, 10:00 (Europe/Belgrade)' },
      'sr-Latn': { subject: '[PWG] Zapisnik sa sastanka M1, utorak, 1. decembar 2026, 10:00 (Europe/Belgrade): Agree the TOR', present: 'Prisutni (3 od 10 organizacija): MCR, UNHCR, KAS', actions: 'Zadaci po organizaciji nosiocu:\n  KAS:\n    A1, rok 2026-12-15: Share the sampling frame', published: 'objavljena četvrtak, 3. decembar 2026, 10:00 (Europe/Belgrade)' },
      'sr-Cyrl': { subject: '[PWG] Записник са састанка M1, уторак, 1. децембар 2026, 10:00 (Europe/Belgrade): Agree the TOR', present: 'Присутни (3 од 10 организација): MCR, UNHCR, KAS', actions: 'Задаци по организацији носиоцу:\n  KAS:\n    A1, рок 2026-12-15: Share the sampling frame', published: 'објављена четвртак, 3. децембар 2026, 10:00 (Europe/Belgrade)' },
    };
    for (const language of LANGUAGES_READ) {
      const mail = to(READERS[language]);
      const want = expected[language];
      expect(mail.subject, language).toBe(want.subject);
      expect(mail.text, language).toContain(want.present);
      expect(mail.text, language).toContain(want.actions);
      expect(mail.text, language).toContain(want.published);
      expect(mail.html, language).toContain(want.present);
      expect(mail.html, language).toContain(want.published);
      // The frame of the HTML (its lang, the line under it) is in the reader's language too.
      expect(mail.html, language).toContain(`<html lang="${language}">`);
      if (language !== 'en') expect(mail.html, language).not.toContain('Sent by Convene');
    }
    expect(to(READERS['sr-Cyrl']).html).toContain('Послао Convene за радну групу за профилисање Kosovo 2014. Ова порука је део евиденције групе.');
    // No English left in the others' copies.
    for (const language of ['sq', 'sr-Latn', 'sr-Cyrl'] as const) expect(to(READERS[language]).text, language).not.toMatch(/Minutes|Present|Agenda|Decisions|version \d/);
    expect(to('focal@iom.example.org').subject).toBe(expected.en.subject);
  });

  it('show a reader in sr-Cyrl and America/New_York Cyrillic months and their New York time beside the Belgrade one', async () => {
    app = createTestApp();
    cyrillicReaderInNewYork(app);
    await capturedMinutes(app);
    ok(app, '/minutes publish M1');
    const { text } = minutesTo(app, READERS['sr-Cyrl']);
    expect(text).toContain('Састанак у вашој временској зони: уторак, 1. децембар 2026, 04:00 (America/New_York).');
    expect(text).toContain('објављена четвртак, 3. децембар 2026, 10:00 (Europe/Belgrade) (четвртак, 3. децембар 2026, 04:00 (America/New_York) код вас)');
    expect(text).not.toMatch(/December|Thu /);
  });

  it('say late minutes were due by a day written out in the reader words', async () => {
    app = createTestApp();
    chooseLanguages(app);
    await capturedMinutes(app);
    app.clock.set('2026-12-10T09:00:00Z');
    ok(app, '/minutes publish M1');
    expect(minutesTo(app, READERS['sr-Cyrl']).text).toContain('Објављен је после рока, који је био уторак, 8. децембар 2026.');
    expect(minutesTo(app, READERS.sq).text).toContain('Ai shpërndahet pas afatit të tij, Martë, 8 Dhjetor 2026.');
    expect(minutesTo(app, READERS.en).text).toContain('They are shared after the date they were due by, 2026-12-08.');
  });

  it('write a correction in the reader language, with what was added counted in its plural forms', async () => {
    app = createTestApp();
    chooseLanguages(app);
    await capturedMinutes(app);
    ok(app, '/minutes publish M1');
    app.clock.set('2026-12-04T09:00:00Z');
    ok(app, '/minutes decision M1 The PMG meets monthly.');
    ok(app, '/minutes decision M1 The census frame is used.');
    ok(app, '/minutes correct M1 Decision 1: The objectives are agreed as amended.');
    expect(minutesTo(app, READERS['sr-Cyrl'], 'minutes-correction').text).toContain('Додато од верзије 1: 2 одлуке.');
    expect(minutesTo(app, READERS['sr-Latn'], 'minutes-correction').subject).toBe('[PWG] Ispravljen zapisnik sa sastanka M1 (verzija 2), utorak, 1. decembar 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(minutesTo(app, READERS.sq, 'minutes-correction').text).toContain('Shtuar që nga versioni 1: 2 vendime.');
    expect(minutesTo(app, READERS.en, 'minutes-correction').text).toContain('Added since version 1: 2 decisions.');
  });

  it('follow a change of language in the next message, not in those already queued', async () => {
    app = createTestApp();
    await capturedMinutes(app);
    ok(app, '/minutes publish M1');
    const before = minutesTo(app, READERS.sq).subject;
    expect(before).toMatch(/^\[PWG\] Minutes of M1/);
    ok(app, '/members language me sq', READERS.sq);
    expect(minutesTo(app, READERS.sq).subject).toBe(before);
    app.clock.set('2026-12-04T09:00:00Z');
    ok(app, '/minutes correct M1 Decision 1: The objectives are agreed as amended.');
    expect(minutesTo(app, READERS.sq, 'minutes-correction').subject).toMatch(/^\[PWG\] Procesverbal i korrigjuar i takimit M1/);
  });
});
