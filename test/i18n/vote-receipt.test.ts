import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { ok } from '../helpers/meetings';
import { outboxByRef } from '../../src/store/outbox';

let app: TestApp;
afterEach(() => app?.close());

describe('the vote receipt in each member language', () => {
  it("tells the organisation's focal points in their own languages, the earlier vote included", () => {
    app = createTestApp();
    // UNHCR has two focal points: one reads Albanian, the other Serbian in Cyrillic.
    ok(app, '/members language protection@unhcr.example.org sr-Cyrl');
    ok(app, '/members language focal@unhcr.example.org sq');
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    ok(app, '/endorse vote E1 object', 'focal@unhcr.example.org');
    ok(app, '/endorse vote E1 endorse Fine now', 'protection@unhcr.example.org');
    const receipts = outboxByRef(app.db, 'endorsement:1').filter((e) => e.kind === 'endorsement-receipt' && e.medium === 'email');
    const last = (address: string) => receipts.filter((e) => e.address === address).at(-1)!.payload;
    const albanian = receipts.find((e) => e.address === 'focal@unhcr.example.org')!.payload;
    expect(albanian.subject).toBe('[PWG] Vota e UNHCR për E1 tani është: object');
    expect(albanian.text).toContain('Ky kundërshtim nuk jep arsye.');
    expect(albanian.text).toContain('  /endorse vote E1 object <the reason>');
    const cyrillic = last('protection@unhcr.example.org');
    expect(cyrillic.subject).toBe('[PWG] Глас организације UNHCR о E1 сада је: endorse');
    expect(cyrillic.text).toMatch(/Замењује: object, гласао\/ла Luan Berisha 2026-11-22 10:00 Europe\/Belgrade/);
    expect(cyrillic.text).toContain('Коментар:  Fine now');
    expect(last('focal@unhcr.example.org').text).toContain('E merrni këtë sepse jeni pikë kontakti e UNHCR');
  });
});

describe('the e-mail footer', () => {
  it("is written in the message's language, and in English under a message not translated yet", async () => {
    const { TemplateRenderer } = await import('../../src/render/renderer');
    const { TEMPLATES } = await import('../helpers/app');
    const renderer = new TemplateRenderer(TEMPLATES);
    const links = { page: 'http://127.0.0.1/p/x' };
    const view = { id: 'E1', group: 'PWG', organisation: 'KAS', choice: 'endorse', links };
    expect(renderer.render('endorsement-receipt', view, 'sr-Latn').text).toContain('-- \nVaša stranica (vaši sastanci, glasovi i zadaci vaše organizacije, zapisnici): http://127.0.0.1/p/x\nLinkovi u ovoj poruci su samo vaši; ne prosleđujte je.');
    expect(renderer.render('endorsement-result', { ...view, links }, 'en').text).toContain("-- \nYour page (your meetings, your organisation's votes and actions, the minutes): http://127.0.0.1/p/x");
  });
});
