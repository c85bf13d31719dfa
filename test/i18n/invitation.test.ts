import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { calendarPart, chooseLanguages, cyrillicReaderInNewYork, deliverOverSmtp, LANGUAGES_READ, lastEmail, READERS } from '../helpers/mail-languages';
import { icsFields, meetingWithAgenda, ok, outbox } from '../helpers/meetings';
import { linkIdentity, personByEmail } from '../../src/store/members';

let app: TestApp;
afterEach(() => app?.close());

// The Kosovo example meets in Europe/Belgrade; each of READERS reads another language.
const invitationTo = (app: TestApp, email: string, meeting = 'M1') => lastEmail(app, 'meeting-invitation', email, `meeting:${meeting.slice(1)}`);

describe('the meeting invitation in each member language', () => {
  it('goes out in as many languages as its recipients chose, each e-mail in one, parsed back over real SMTP with a valid calendar part', async () => {
    app = createTestApp();
    chooseLanguages(app);
    meetingWithAgenda(app);
    ok(app, '/meeting send M1');
    {
      const { to } = await deliverOverSmtp(app);
      const expected = {
        en: { subject: 'Invitation: PWG meeting M1, Thu 10 Dec 2026, 10:00 (Europe/Belgrade): Agree the TOR', text: 'Under the TOR the agenda and invitation reach members at least 7 days', summary: 'PWG meeting: Agree the TOR', agenda: 'Agenda:' },
        sq: { subject: 'Ftesë: takimi M1 i PWG, Enjte, 10 Dhjetor 2026, 10:00 (Europe/Belgrade): Agree the TOR', text: 'të paktën 7 ditë para takimit', summary: 'Takim i PWG: Agree the TOR', agenda: 'Rendi i ditës:' },
        'sr-Latn': { subject: 'Poziv: sastanak M1 grupe PWG, četvrtak, 10. decembar 2026, 10:00 (Europe/Belgrade): Agree the TOR', text: 'najmanje 7 dana pre sastanka', summary: 'Sastanak grupe PWG: Agree the TOR', agenda: 'Dnevni red:' },
        'sr-Cyrl': { subject: 'Позив: састанак M1 групе PWG, четвртак, 10. децембар 2026, 10:00 (Europe/Belgrade): Agree the TOR', text: 'најмање 7 дана пре састанка', summary: 'Састанак групе PWG: Agree the TOR', agenda: 'Дневни ред:' },
      };
      for (const language of LANGUAGES_READ) {
        const mail = to(READERS[language]);
        const want = expected[language];
        expect(mail.subject, language).toBe(want.subject);
        expect(mail.text, language).toContain(want.text);
        expect(mail.html, language).toContain(want.text);
        const { calendar, event } = icsFields(calendarPart(mail));
        expect(calendar.METHOD, language).toBe('REQUEST');
        expect(event.DTSTART?.value, language).toBe('20261210T090000Z');
        expect(event.UID?.value, language).toBe('meeting-1-kosovo-2014@convene');
        expect(event.SUMMARY?.value, language).toBe(want.summary);
        expect(event.DESCRIPTION?.value, language).toContain(want.agenda);
      }
      // The others (no language chosen) read the exercise's default, English.
      expect(to('focal@iom.example.org').subject).toBe(expected.en.subject);
    }
  });

  it('shows a reader in sr-Cyrl and America/New_York the Belgrade time in Cyrillic with their New York time beside it', () => {
    app = createTestApp();
    const reader = cyrillicReaderInNewYork(app);
    meetingWithAgenda(app);
    ok(app, '/meeting send M1');
    const { text, html } = invitationTo(app, reader);
    expect(text).toContain('Време:    четвртак, 10. децембар 2026, 10:00 (Europe/Belgrade) до 12:00');
    expect(text).toContain('четвртак, 10. децембар 2026, 04:00 (America/New_York) у вашој временској зони');
    expect(html).toContain('04:00 (America/New_York) у вашој временској зони');
    expect(text).not.toMatch(/December|Thu /);
  });

  it('gives each meeting its own offset across the two changes to summer time (New York on 14 March 2027, Belgrade on 28 March), not the offset of the day it was sent', () => {
    app = createTestApp();
    const reader = cyrillicReaderInNewYork(app);
    // Sent in November (both zones on winter time): before, between and after the two changes.
    const seen = ['2027-03-10', '2027-03-17', '2027-03-31'].map((date) => {
      const meeting = meetingWithAgenda(app, date);
      ok(app, `/meeting send ${meeting}`);
      return invitationTo(app, reader, meeting).text;
    });
    expect(seen[0]).toContain('среда, 10. март 2027, 04:00 (America/New_York) у вашој временској зони');
    expect(seen[1]).toContain('среда, 17. март 2027, 05:00 (America/New_York) у вашој временској зони');
    expect(seen[2]).toContain('среда, 31. март 2027, 04:00 (America/New_York) у вашој временској зони');
    for (const text of seen) expect(text).toMatch(/10:00 \(Europe\/Belgrade\) до 12:00/);
  });

  it('shows a reader whose own zone is the exercise\'s one time only', () => {
    app = createTestApp();
    const reader = READERS['sr-Cyrl'];
    ok(app, `/members language ${reader} sr-Cyrl`);
    ok(app, '/members timezone me Europe/Belgrade', reader);
    meetingWithAgenda(app);
    ok(app, '/meeting send M1');
    const { text, html } = invitationTo(app, reader);
    expect(text).toContain('Време:    четвртак, 10. децембар 2026, 10:00 (Europe/Belgrade) до 12:00');
    expect(text).not.toContain('у вашој временској зони');
    expect(html).not.toContain('у вашој временској зони');
    expect(text.match(/10:00 \(Europe\/Belgrade\)/g)).toHaveLength(text.match(/10:00/g)!.length);
    // Nor the "(… at yours)" form that other messages put beside a Belgrade time.
    ok(app, '/meeting postpone M1 2026-12-17 10:00');
    const moved = lastEmail(app, 'meeting-postponed', reader, 'meeting:1').text;
    expect(moved).toContain('САСТАНАК ЈЕ ПОМЕРЕН са четвртак, 10. децембар 2026, 10:00 (Europe/Belgrade) на четвртак, 17. децембар 2026, 10:00 (Europe/Belgrade).');
    expect(moved).not.toContain('код вас');
  });

  it("changes the next message when a member changes language, not those already sent", async () => {
    app = createTestApp();
    const reader = READERS.sq;
    meetingWithAgenda(app);
    ok(app, '/meeting send M1');
    const before = invitationTo(app, reader).subject;
    expect(before).toMatch(/^Invitation: /);
    ok(app, '/members language me sq', reader);
    expect(invitationTo(app, reader).subject).toBe(before);
    // What was queued before the change goes over the wire as it was written.
    expect((await deliverOverSmtp(app)).to(reader).subject).toBe(before);
    meetingWithAgenda(app, '2026-12-17');
    ok(app, '/meeting send M2');
    expect(invitationTo(app, reader, 'M2').subject).toMatch(/^Ftesë: takimi M2 i PWG/);
  });

  it("writes the group channel's post, and the messages of members who chose no language, in the exercise's default", async () => {
    app = createTestApp({ chatMedia: ['slack'] });
    ok(app, '/exercise language sr-Latn');
    linkIdentity(app.db, { medium: 'slack', userId: 'UCOORD', personId: personByEmail(app.db, 'coordinator@unhcr.example.org')!.id, at: '2026-11-01T00:00:00Z', by: 'test' });
    expect((await app.runChat('/exercise channel PWG', 'slack', 'UCOORD', { channel: { medium: 'slack', id: 'CPWG' } })).status).toBe('accepted');
    ok(app, `/members language ${READERS.en} en`);
    meetingWithAgenda(app);
    ok(app, '/meeting send M1');
    const post = outbox(app.db, 'M1', 'meeting-invitation').find((e) => e.personId === null)!;
    expect(post.payload.text).toContain('Članovima grupe PWG (Radna grupa za profilisanje):');
    expect(invitationTo(app, 'focal@iom.example.org').subject).toMatch(/^Poziv: sastanak M1 grupe PWG/);
    expect(invitationTo(app, READERS.en).subject).toMatch(/^Invitation: PWG meeting M1/);
  });
});
