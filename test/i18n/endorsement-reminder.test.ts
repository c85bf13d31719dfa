import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { ok } from '../helpers/meetings';
import { chooseLanguages } from '../helpers/mail-languages';
import { outboxByRef } from '../../src/store/outbox';

let app: TestApp;
afterEach(() => app?.close());

// Organisations that have not voted, each focal point reading another language.
const READERS = { en: 'focal@osce.example.org', sq: 'focal@unfpa.example.org', 'sr-Latn': 'focal@mcr.example.org', 'sr-Cyrl': 'focal@scr.example.org' } as const;

describe('the endorsement reminder in each member language', () => {
  it('reminds the focal points of organisations that have not voted, each in their language', async () => {
    app = createTestApp();
    chooseLanguages(app, READERS);
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    app.clock.set('2026-11-27T09:00:00Z');
    await app.scheduler.tick();
    const to = (email: string) => outboxByRef(app.db, 'endorsement:1').find((e) => e.kind === 'endorsement-reminder' && e.address === email)!.payload;
    expect(to(READERS.en).subject).toBe('[PWG] Reminder: OSCE has not voted on E1, about 48 hours left');
    expect(to(READERS.en).text).toContain('in about 48 hours; 0 of 10 organisations have voted.');
    expect(to(READERS.sq).subject).toBe('[PWG] Kujtesë: UNFPA nuk ka votuar për E1, mbeten rreth 48 orë');
    expect(to(READERS.sq).text).toContain('pas rreth 48 orësh; kanë votuar 0 nga 10 organizata.');
    expect(to(READERS['sr-Latn']).subject).toBe('[PWG] Podsetnik: MCR nije glasala o E1, ostalo je oko 48 sati');
    expect(to(READERS['sr-Latn']).text).toContain('za oko 48 sati; glasalo je 0 od 10 organizacija.');
    expect(to(READERS['sr-Cyrl']).subject).toBe('[PWG] Подсетник: SCR није гласала о E1, остало је око 48 сати');
    expect(to(READERS['sr-Cyrl']).text).toContain('/endorse vote E1 endorse');
    expect(to(READERS['sr-Cyrl']).text).toContain('„Terms of Reference“ (верзија v1)');
  });
});
