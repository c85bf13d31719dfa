import { afterEach, describe, expect, it } from 'vitest';
import { replyCut } from '../../src/chat/words';
import { insertExercise } from '../../src/store/exercises';
import { createTestApp, type TestApp } from '../helpers/app';

let app: TestApp;
afterEach(() => app?.close());

const stranger = { actor: { kind: 'chat' as const, medium: 'slack' as const, userId: 'UNOBODY' }, helpCommand: '/convene' };

describe("the chat adapters' own words (Core.words)", () => {
  it('are in the language of a person known by the e-mail the platform reports, before any link', async () => {
    app = createTestApp();
    expect(app.run('/members language focal@kas.example.org sr-Cyrl').status).toBe('accepted');
    const words = await app.core.words({ ...stranger, actor: { ...stranger.actor, email: 'focal@kas.example.org' } });
    expect(words.failed).toBe('Нешто је пошло наопако код нас док смо одговарали на платформи Slack. Покушајте поново; ако се понавља, јавите ономе ко покреће бота.');
  });

  it("are for someone unknown in the one language every active exercise shares, else in English", async () => {
    app = createTestApp();
    expect((await app.core.words(stranger)).unknownForm).toBe('This form is not one this version of Convene knows. Type the command instead; /convene lists them.');
    expect(app.run('/exercise language sq').status).toBe('accepted');
    expect((await app.core.words(stranger)).unknownForm).toBe('Ky version i Convene nuk e njeh këtë formular. Shkruani komandën; /convene i tregon të gjitha komandat.');
    insertExercise(app.db, { slug: 'second', name: 'Second', timeZone: 'Europe/Belgrade', language: 'sr-Latn', noticeDays: 7, minutesDays: 7, createdAt: '2026-11-22T09:00:00Z' });
    expect((await app.core.words(stranger)).unknownForm).toBe('This form is not one this version of Convene knows. Type the command instead; /convene lists them.');
  });

  it('are English when the database cannot even say the language', async () => {
    app = createTestApp();
    expect(app.run('/exercise language sq').status).toBe('accepted');
    app.db.close();
    expect((await app.core.words({ ...stranger, actor: { ...stranger.actor, medium: 'discord' } })).failed).toBe(
      'Something went wrong on our side while answering in Discord. Please try again; if it keeps happening, tell whoever runs the bot.',
    );
  });

  it('count what a long reply leaves out by the reader plural rules', async () => {
    app = createTestApp();
    expect(app.run('/members language focal@kas.example.org sr-Cyrl').status).toBe('accepted');
    const kas = { ...stranger, actor: { ...stranger.actor, email: 'focal@kas.example.org' } };
    const said = async (left: number) => (await app.core.words({ ...kas, say: replyCut(left) })).said!.split(':')[0];
    expect(await said(1)).toBe('… још 1 знак се овде не приказује');
    expect(await said(21)).toBe('… још 21 знак се овде не приказује');
    expect(await said(2)).toBe('… још 2 знака се овде не приказују');
    expect(await said(5)).toBe('… још 5 знакова се овде не приказује');
    expect(await said(11)).toBe('… још 11 знакова се овде не приказује');
    expect((await app.core.words({ ...stranger, say: replyCut(1200) })).said).toBe(
      '… 1200 more characters are not shown here: the reply is too long for one Slack message; run the command in the console or the CLI to read it all.',
    );
  });
});

