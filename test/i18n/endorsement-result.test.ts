import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { ok } from '../helpers/meetings';
import { messages } from '../helpers/endorsements';
import { chooseLanguages, deliverOverSmtp, LANGUAGES_READ, READERS } from '../helpers/mail-languages';

let app: TestApp;
afterEach(() => app?.close());

describe('the endorsement result in each member language', () => {
  it('goes to each member in their language with the outcome and why, parsed back over real SMTP', async () => {
    app = createTestApp({ now: '2026-11-22T09:00:00Z' });
    chooseLanguages(app);
    ok(app, '/members timezone me America/New_York', READERS['sr-Cyrl']);
    ok(app, '/endorse open PWG Terms of Reference version:v2');
    ok(app, '/endorse vote E1 endorse', READERS.sq);
    ok(app, '/endorse vote E1 object the sampling is unclear', READERS['sr-Latn']);
    app.clock.set('2026-11-23T09:00:00Z');
    ok(app, '/endorse close E1');
    const { to } = await deliverOverSmtp(app);
    const expected = {
      en: ['[PWG] Endorsement result: Terms of Reference (version v2): no quorum', 'Outcome: no quorum. 2 of 10 organisations voted; the quorum is 6.', 'closed by the coordinator on 2026-11-23 10:00 Europe/Belgrade.'],
      sq: ['[PWG] Rezultati i miratimit: Terms of Reference (versioni v2): pa kuorum', 'Rezultati: pa kuorum. Votuan 2 nga 10 organizata; kuorumi është 6.', 'u mbyll nga koordinatori më 2026-11-23 10:00 Europe/Belgrade.'],
      'sr-Latn': ['[PWG] Rezultat odobrenja: Terms of Reference (verzija v2): nema kvoruma', 'Ishod: nema kvoruma. Glasalo je 2 od 10 organizacija; kvorum je 6.', 'MCR: object ('],
      'sr-Cyrl': ['[PWG] Резултат одобрења: Terms of Reference (верзија v2): нема кворума', 'затворен је од стране координатора 2026-11-23 10:00 Europe/Belgrade (2026-11-23 04:00 America/New_York код вас).', 'Нису гласали: UNHCR, DRC, UNDP, IOM, SCR, UNFPA, UNICEF, OSCE.'],
    };
    for (const language of LANGUAGES_READ) {
      const mail = to(READERS[language]);
      const [subject, ...lines] = expected[language];
      expect(mail.subject, language).toBe(subject);
      for (const line of lines) expect(mail.text, language).toContain(line);
    }
    expect(to(READERS['sr-Latn']).text).toContain('MCR: object (Besa Gashi, 2026-11-22 10:00 Europe/Belgrade): "the sampling is unclear"');
  });

  it("writes the result in the exercise's language for members who chose none", () => {
    app = createTestApp({ now: '2026-11-22T09:00:00Z' });
    ok(app, '/exercise language sq');
    ok(app, '/endorse open PWG Terms of Reference');
    ok(app, '/endorse close E1 withdraw');
    const emailed = messages(app, 'endorsement-result').find((m) => m.medium === 'email')!;
    expect(emailed.payload.subject).toBe('[PWG] Rezultati i miratimit: Terms of Reference: tërhequr');
    expect(emailed.payload.text).toContain('Koordinatori e tërhoqi kërkesën');
  });
});
