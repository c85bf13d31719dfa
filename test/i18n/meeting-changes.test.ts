import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { icsFields, meetingWithAgenda, ok } from '../helpers/meetings';
import { calendarPart, chooseLanguages, cyrillicReaderInNewYork, deliverOverSmtp, LANGUAGES_READ, lastEmail, READERS } from '../helpers/mail-languages';

let app: TestApp;
afterEach(() => app?.close());

const latestTo = (app: TestApp, kind: string, email: string) => lastEmail(app, kind, email, 'meeting:1');

/** RFC 5545 §3.3.11: the text of a property value, unescaped. */
const unescapeText = (value: string) => value.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');

describe('changes to a meeting in each member language', () => {
  it('cancels in as many languages as the readers chose, parsed back over real SMTP with a valid CANCEL calendar part in the same language', async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    chooseLanguages(app);
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    await app.sender.drain();
    ok(app, '/meeting cancel M1 the donor withdrew');
    const { to } = await deliverOverSmtp(app);
    const expected = {
      en: { subject: 'Cancelled: PWG meeting M1, Tue 1 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR', text: 'THE MEETING IS CANCELLED: the PWG meeting M1 "Agree the TOR" of Tue 1 Dec 2026, 10:00 (Europe/Belgrade) will not take place.', summary: 'PWG meeting: Agree the TOR', description: 'Agenda:' },
      sq: { subject: 'Anuluar: takimi M1 i PWG, Martë, 1 Dhjetor 2026, 10:00 (Europe/Belgrade): Agree the TOR', text: 'Arsyeja: the donor withdrew', summary: 'Takim i PWG: Agree the TOR', description: 'Rendi i ditës:' },
      'sr-Latn': { subject: 'Otkazan: sastanak M1 grupe PWG, utorak, 1. decembar 2026, 10:00 (Europe/Belgrade): Agree the TOR', text: 'SASTANAK JE OTKAZAN: sastanak M1 „Agree the TOR“ grupe PWG (utorak, 1. decembar 2026, 10:00 (Europe/Belgrade)) neće biti održan.', summary: 'Sastanak grupe PWG: Agree the TOR', description: 'Dnevni red:' },
      'sr-Cyrl': { subject: 'Отказан: састанак M1 групе PWG, уторак, 1. децембар 2026, 10:00 (Europe/Belgrade): Agree the TOR', text: 'Приложено отказивање уклања састанак из вашег календара.', summary: 'Састанак групе PWG: Agree the TOR', description: 'Дневни ред:' },
    };
    for (const language of LANGUAGES_READ) {
      const mail = to(READERS[language]);
      const want = expected[language];
      expect(mail.subject, language).toBe(want.subject);
      expect(mail.text, language).toContain(want.text);
      expect(mail.html, language).toContain(want.text.replace(/"/g, '&quot;'));
      const { calendar, event } = icsFields(calendarPart(mail));
      expect(calendar.METHOD, language).toBe('CANCEL');
      expect(event.STATUS?.value, language).toBe('CANCELLED');
      expect(event.SEQUENCE?.value, language).toBe('1');
      expect(event.UID?.value, language).toBe('meeting-1-kosovo-2014@convene');
      expect(event.DTSTART?.value, language).toBe('20261201T090000Z');
      expect(unescapeText(event.SUMMARY!.value), language).toBe(want.summary);
      expect(unescapeText(event.DESCRIPTION!.value), language).toContain(`${want.description}\n1. Review of the draft TOR`);
    }
    expect(to(READERS.en).text).toContain('Reason: the donor withdrew');
  });

  it('shows a reader in sr-Cyrl and America/New_York Cyrillic months and New York times beside the Belgrade ones when the meeting moves or is cancelled', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    const reader = cyrillicReaderInNewYork(app);
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    ok(app, '/meeting postpone M1 2026-12-08 10:00 the draft needs another week');
    const moved = latestTo(app, 'meeting-postponed', reader);
    expect(moved.subject).toBe('Померен: састанак M1 групе PWG је сада уторак, 8. децембар 2026, 10:00 (Europe/Belgrade): Agree the TOR');
    expect(moved.text).toContain('САСТАНАК ЈЕ ПОМЕРЕН са уторак, 1. децембар 2026, 10:00 (Europe/Belgrade) (уторак, 1. децембар 2026, 04:00 (America/New_York) код вас) на уторак, 8. децембар 2026, 10:00 (Europe/Belgrade).');
    expect(moved.text).toContain('уторак, 8. децембар 2026, 04:00 (America/New_York) у вашој временској зони');
    ok(app, '/meeting agenda M1 add Roles of the PMG');
    ok(app, '/meeting send M1');
    const amended = latestTo(app, 'meeting-amended', reader);
    expect(amended.subject).toMatch(/^Измењен дневни ред: састанак M1 групе PWG, уторак, 8\. децембар 2026/);
    expect(amended.text).toContain('ДНЕВНИ РЕД ЈЕ ИЗМЕЊЕН у односу на обавештење од уторак, 10. новембар 2026, 10:00 (Europe/Belgrade) (уторак, 10. новембар 2026, 04:00 (America/New_York) код вас).');
    expect(amended.html).toContain('<strong>Дневни ред је измењен');
    ok(app, '/meeting cancel M1 the donor withdrew');
    const cancelled = latestTo(app, 'meeting-cancelled', reader);
    expect(cancelled.text).toContain('У вашој временској зони: уторак, 8. децембар 2026, 04:00 (America/New_York).');
    expect(cancelled.text).toContain('Разлог: the donor withdrew');
    for (const message of [moved, amended, cancelled]) expect(message.text).not.toMatch(/December|November|Tue /);
  });

  it('follows a change of language in the next notice, not in those already queued', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    ok(app, '/meeting postpone M1 2026-12-08 10:00');
    const before = latestTo(app, 'meeting-postponed', READERS.sq).subject;
    ok(app, '/members language me sq', READERS.sq);
    expect(latestTo(app, 'meeting-postponed', READERS.sq).subject).toBe(before);
    expect(before).toMatch(/^Moved: /);
    ok(app, '/meeting cancel M1 the donor withdrew');
    expect(latestTo(app, 'meeting-cancelled', READERS.sq).subject).toBe('Anuluar: takimi M1 i PWG, Martë, 8 Dhjetor 2026, 10:00 (Europe/Belgrade): Agree the TOR');
  });
});
