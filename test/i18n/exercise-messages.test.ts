import { afterEach, describe, expect, it } from 'vitest';
import { COORDINATOR, createTestApp, type TestApp } from '../helpers/app';
import { meetingWithAgenda, ok } from '../helpers/meetings';
import { cyrillicReaderInNewYork, lastEmail as latest, READERS } from '../helpers/mail-languages';

let app: TestApp;
afterEach(() => app?.close());

describe('the messages about the exercise itself, in the reader language', () => {
  it("tells a member in sr-Cyrl and America/New_York of the dissolution in Cyrillic, the meeting's cancellation giving its reason in Cyrillic too", async () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    const reader = cyrillicReaderInNewYork(app);
    meetingWithAgenda(app, '2026-12-01', '10:00');
    ok(app, '/meeting send M1');
    await app.sender.drain();
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    ok(app, '/exercise dissolve confirm');
    const dissolved = latest(app, 'exercise-dissolved', reader);
    expect(dissolved.subject).toBe('Профилисање Kosovo 2014 је закључено: рад радне групе је завршен');
    expect(dissolved.text).toContain('Координатор профилисања закључио је профилисање Kosovo 2014 дана уторак, 10. новембар 2026, 10:00 (Europe/Belgrade) (уторак, 10. новембар 2026, 04:00 (America/New_York) код вас).');
    expect(dissolved.text).toContain('  M1 PWG "Agree the TOR", уторак, 1. децембар 2026, 10:00 (Europe/Belgrade) (уторак, 1. децембар 2026, 04:00 (America/New_York) код вас)');
    expect(dissolved.text).toContain('  E1 PWG „Terms of Reference“ (верзија v1)');
    const cancelled = latest(app, 'meeting-cancelled', reader);
    expect(cancelled.text).toContain('Разлог: профилисање је закључено');
    expect(dissolved.text).not.toMatch(/November|December|Tue /);
    // Those who chose no language read the exercise's default, English, as before.
    expect(latest(app, 'meeting-cancelled', 'focal@iom.example.org').text).toContain('Reason: the exercise was dissolved');
  });

  it('sends the verification code in the language of the person who asked to link', async () => {
    app = createTestApp();
    ok(app, `/members language ${READERS.sq} sq`);
    expect((await app.runChat(`/members link ${READERS.sq}`, 'discord', '4242')).status).toBe('accepted');
    const code = latest(app, 'verification-code', READERS.sq);
    expect(code.subject).toBe('Kodi juaj i verifikimit për Convene (Kosovo 2014)');
    expect(code.text).toContain('Për ta përfunduar, shkruani këtë në Discord:\n\n    /members verify ');
    expect(code.text).toMatch(/Kodi skadon pas \d+ minutash dhe vlen vetëm një herë\./);
    expect(code.html).toContain('Kodi juaj i verifikimit është:');
  });

  it("e-mails the overview link and the export in the coordinator's language", async () => {
    app = createTestApp({ links: { baseUrl: 'http://127.0.0.1:9', localOnly: true } });
    ok(app, `/members language ${COORDINATOR} sr-Latn`);
    const chat = { actor: { kind: 'chat' as const, medium: 'slack' as const, userId: 'U-COORD', email: COORDINATOR } };
    expect((await app.runChat('/exercise status web', 'slack', 'U-COORD', chat)).status).toBe('accepted');
    const overview = latest(app, 'overview-link', COORDINATOR);
    expect(overview.subject).toBe('Vaš pregled za Kosovo 2014');
    expect(overview.text).toMatch(/Link je samo vaš i važi do [a-zčćšžđ]+, \d+\. [a-z]+ 2026, \d\d:\d\d \(Europe\/Belgrade\)\. Ne prosleđujte ovu e-poruku\. Radi samo na računaru na kome radi bot\./);
    expect((await app.runChat('/exercise export', 'slack', 'U-COORD', chat)).status).toBe('accepted');
    const exported = latest(app, 'exercise-export', COORDINATOR);
    expect(exported.subject).toMatch(/^Izvoz evidencije Kosovo 2014, \d{4}-\d\d-\d\d$/);
    expect(exported.text).toContain('record.json   cela evidencija u JSON formatu');
  });
});
