import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { chooseLanguages, deliverOverSmtp, LANGUAGES_READ, READERS } from '../helpers/mail-languages';
import { ok } from '../helpers/meetings';
import { linkIdentity, personByEmail } from '../../src/store/members';
import { outboxByRef } from '../../src/store/outbox';
import { groupAddressee } from '../../src/i18n/say';

let app: TestApp;
afterEach(() => app?.close());

describe('the endorsement request in each member language', () => {
  it('reaches each focal point in their language over real SMTP, with the command words unchanged', async () => {
    app = createTestApp({ chatPlatforms: ['slack', 'discord'] });
    chooseLanguages(app);
    ok(app, '/members timezone me America/New_York', READERS['sr-Cyrl']);
    ok(app, '/endorse open PWG Terms of Reference version:v2');
    {
      const { to } = await deliverOverSmtp(app);
      const expected = {
        en: ['[PWG] Endorsement sought: Terms of Reference (version v2), vote by 2026-11-29 10:00 Europe/Belgrade', 'In Slack or Discord, press Endorse, Object or Abstain', 'Quorum:    6 of the PWG\'s 10 member organisations must vote'],
        sq: ['[PWG] Kërkohet miratim: Terms of Reference (versioni v2), votoni deri më 2026-11-29 10:00 Europe/Belgrade', 'Në Slack ose Discord, shtypni Endorse, Object ose Abstain', 'duhet të votojnë 6 nga 10 organizatat anëtare të PWG'],
        'sr-Latn': ['[PWG] Traži se odobrenje: Terms of Reference (verzija v2), glasajte do 2026-11-29 10:00 Europe/Belgrade', 'U aplikaciji Slack ili Discord pritisnite Endorse, Object ili Abstain', 'mora da glasa 6 od 10 organizacija članica grupe PWG'],
        'sr-Cyrl': ['[PWG] Тражи се одобрење: Terms of Reference (верзија v2), гласајте до 2026-11-29 10:00 Europe/Belgrade (2026-11-29 04:00 America/New_York код вас)', 'У апликацији Slack или Discord притисните Endorse, Object или Abstain', 'мора да гласа 6 од 10 организација чланица групе PWG'],
      };
      for (const language of LANGUAGES_READ) {
        const mail = to(READERS[language]);
        const [subject, buttons, quorum] = expected[language];
        expect(mail.subject, language).toBe(subject);
        expect(mail.text, language).toContain(buttons);
        expect(mail.text, language).toContain(quorum);
        expect(mail.text, language).toContain('/endorse vote E1 endorse');
        expect(mail.html, language).toContain(quorum!.replace(/'/g, '&#39;'));
      }
    }
  });

  it("posts the request and its tally in the group channel in the exercise's language", async () => {
    app = createTestApp({ chatMedia: ['slack'] });
    ok(app, '/exercise language sr-Cyrl');
    linkIdentity(app.db, { medium: 'slack', userId: 'UCOORD', personId: personByEmail(app.db, 'coordinator@unhcr.example.org')!.id, at: '2026-11-01T00:00:00Z', by: 'test' });
    expect((await app.runChat('/exercise channel PWG', 'slack', 'UCOORD', { channel: { medium: 'slack', id: 'CPWG' } })).status).toBe('accepted');
    ok(app, '/endorse open PWG Terms of Reference');
    const post = outboxByRef(app.db, 'endorsement:1').find((e) => e.personId === null)!;
    expect(post.payload.text).toContain('Члановима групе PWG:');
    expect(post.payload.text).toContain('Контакт особе гласају за своју организацију');
    await app.sender.drain();
    ok(app, '/endorse vote E1 endorse', READERS.en);
    const tally = outboxByRef(app.db, 'endorsement:1').filter((e) => e.kind === 'endorsement-tally').at(-1)!;
    expect(tally.payload.text).toContain('Досадашњи гласови, по организацијама (1 endorse, 0 object, 0 abstain; гласало 1, кворум 6 није достигнут):');
    expect(tally.payload.text).toContain('  DRC: endorse');
    // The post's addressee is the group in the post's language too (kept unrendered until it is sent).
    const kept = app.db.prepare(`SELECT payload FROM outbox_payloads WHERE outbox_id = ?`).get(tally.id) as { payload: string };
    expect(JSON.parse(kept.payload)).toMatchObject({ deferred: { language: 'sr-Cyrl', view: { recipientName: 'Радна група за профилисање (PWG)' } } });
    expect([groupAddressee('en', 'PMG'), groupAddressee('sq', 'PWG'), groupAddressee('sr-Latn', 'PMG')]).toEqual([
      'the PMG',
      'Grupi i Punës për Profilizim (PWG)',
      'Upravljačka grupa za profilisanje (PMG)',
    ]);
  });
});
