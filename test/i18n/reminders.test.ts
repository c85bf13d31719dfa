import { afterEach, describe, expect, it } from 'vitest';
import { COORDINATOR, createTestApp, type TestApp } from '../helpers/app';
import { ok } from '../helpers/meetings';
import { meetingUnderWay, minutesMessages, tickAt } from '../helpers/minutes';
import { messagesFor } from '../../src/i18n/catalogue';
import { chooseLanguages, deliverOverSmtp, LANGUAGES_READ, READERS } from '../helpers/mail-languages';

let app: TestApp;
afterEach(() => app?.close());

describe('the action item reminder in each member language', () => {
  it("reaches each owner's focal point in their language, parsed back over real SMTP, the due date in their words", async () => {
    app = createTestApp();
    chooseLanguages(app);
    await meetingUnderWay(app);
    for (const org of ['DRC', 'KAS', 'MCR', 'SCR']) ok(app, `/minutes action M1 ${org} 2026-12-10 Share the sampling frame`);
    app.clock.set('2026-12-08T08:00:00Z');
    app.scheduler.runDueJobs();
    const { to } = await deliverOverSmtp(app);
    const expected = {
      en: { subject: '[PWG] Action item A1 of DRC is due in 2 days (2026-12-10)', text: 'It is due on 2026-12-10, in 2 days. When it is done, any focal point of DRC marks it so:\n\n  /minutes done A1' },
      sq: { subject: '[PWG] Detyra A2 e KAS ka afatin pas 2 ditësh (Enjte, 10 Dhjetor 2026)', text: 'Afati është më Enjte, 10 Dhjetor 2026, pas 2 ditësh. Kur të jetë kryer, çdo pikë kontakti e KAS e shënon kështu:\n\n  /minutes done A2' },
      'sr-Latn': { subject: '[PWG] Rok za zadatak A3 organizacije MCR ističe za 2 dana (četvrtak, 10. decembar 2026)', text: 'Rok je četvrtak, 10. decembar 2026, za 2 dana. Kada bude urađen, bilo koja kontakt osoba organizacije MCR to označava ovako:\n\n  /minutes done A3' },
      'sr-Cyrl': { subject: '[PWG] Рок за задатак A4 организације SCR истиче за 2 дана (четвртак, 10. децембар 2026)', text: 'Рок је четвртак, 10. децембар 2026, за 2 дана. Када буде урађен, било која контакт особа организације SCR то означава овако:\n\n  /minutes done A4' },
    };
    for (const language of LANGUAGES_READ) {
      const mail = to(READERS[language]);
      expect(mail.subject, language).toBe(expected[language].subject);
      expect(mail.text, language).toContain(expected[language].text);
      expect(mail.text, language).toContain('Share the sampling frame');
    }
    expect(to(READERS['sr-Cyrl']).text).toContain('На састанку M1 „Agree the TOR“ групе PWG, организација SCR је преузела овај задатак:');
  });

  it('counts the days left in Serbian one/few/other and in Albanian one/other', () => {
    const due = (language: 'sq' | 'sr-Cyrl', n: number) => messagesFor(language, 'action-reminder', { daysLeft: n, dueDate: 'D' })!.daysLeftDue;
    expect([1, 2, 5, 11, 21, 101].map((n) => due('sr-Cyrl', n))).toEqual([
      'Рок је D, за 1 дан.', 'Рок је D, за 2 дана.', 'Рок је D, за 5 дана.', 'Рок је D, за 11 дана.', 'Рок је D, за 21 дан.', 'Рок је D, за 101 дан.',
    ]);
    expect([1, 2].map((n) => due('sq', n))).toEqual(['Afati është më D, pas 1 dite.', 'Afati është më D, pas 2 ditësh.']);
  });
});

describe('the minutes reminder in the coordinator language', () => {
  it('shows a coordinator in sr-Cyrl and America/New_York the meeting in Cyrillic, their New York time beside the Belgrade one', async () => {
    app = createTestApp();
    ok(app, `/members language ${COORDINATOR} sr-Cyrl`);
    ok(app, '/members timezone me America/New_York');
    await meetingUnderWay(app);
    ok(app, '/minutes note M1 UNHCR presented the draft TOR.');
    ok(app, '/minutes decision M1 The objectives are agreed.');
    ok(app, '/minutes decision M1 The PMG meets monthly.');
    await tickAt(app, '2026-12-01T11:00:00Z');
    await tickAt(app, '2026-12-08T08:00:00Z');
    const [reminder] = minutesMessages(app, 'M1', 'minutes-reminder').filter((e) => e.medium === 'email');
    expect(reminder!.payload.subject).toBe('Рок за записник са састанка M1 је данас: Agree the TOR');
    expect(reminder!.payload.text).toContain('Рок за записник са састанка M1 „Agree the TOR“ групе PWG (уторак, 1. децембар 2026, 10:00 (Europe/Belgrade)) је данас, уторак, 8. децембар 2026:');
    expect(reminder!.payload.text).toContain('Састанак у вашој временској зони: уторак, 1. децембар 2026, 04:00 (America/New_York).');
    expect(reminder!.payload.text).toContain('До сада је записано: 1 белешка и 2 одлуке.');
    expect(reminder!.payload.text).toContain('  /minutes publish M1');
    expect(reminder!.payload.text).not.toMatch(/December|Tue /);
  });

  it('says in English how much is captured, as before', async () => {
    app = createTestApp();
    await meetingUnderWay(app);
    ok(app, '/minutes note M1 UNHCR presented the draft TOR.');
    ok(app, '/minutes decision M1 The objectives are agreed.');
    await tickAt(app, '2026-12-01T11:00:00Z');
    await tickAt(app, '2026-12-08T08:00:00Z');
    const [reminder] = minutesMessages(app, 'M1', 'minutes-reminder').filter((e) => e.medium === 'email');
    expect(reminder!.payload.text).toContain('1 note and 1 decision are captured so far. Check the draft with /minutes show M1');
  });
});
