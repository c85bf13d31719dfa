import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { no, ok } from '../helpers/meetings';
import { cliSandbox, runCli } from '../helpers/cli';
import type { Language } from '../../src/domain/vocabulary';
import { insertExercise, listExercises } from '../../src/store/exercises';

let app: TestApp;
afterEach(() => app?.close());

const KAS = 'focal@kas.example.org';
const OBSERVER = 'support@jips.example.org';

/** What each language says, in a few words of each reply: enough to fail when a reply falls back to English. */
type Said = Record<
  'list' | 'listVote' | 'recorded' | 'asksReason' | 'votedSoFar' | 'status' | 'open' | 'notFound' | 'choice' | 'missing' | 'near' | 'badId' | 'unknownOption' | 'coordinatorOnly' | 'focalOnly' | 'deadline' | 'closed' | 'noCommand',
  string
>;
const SAID: Record<Exclude<Language, 'en'>, Said> = {
  sq: {
    list: 'Kërkesat e hapura për miratim në Kosovo 2014:',
    listVote: '  KAS: object, dhënë nga Valon Morina më 2026-11-22 10:00 Europe/Belgrade',
    recorded: "U regjistrua: vota e KAS për E1 \"Terms of Reference\" (versioni v1) tani është object.",
    asksReason: 'Një kundërshtim duhet të tregojë arsyen: shtojeni me /endorse vote E1 object <arsyeja>.',
    votedSoFar: 'Kanë votuar 1 nga 10 organizata. KAS mund ta ndryshojë votën deri më 2026-11-29 10:00 Europe/Belgrade.',
    status: 'Votat (1 nga 10 organizata):',
    open: 'e hapur deri më 2026-11-29 10:00 Europe/Belgrade',
    notFound: 'Nuk ka kërkesë për miratim E9 në Kosovo 2014. /endorse list all i tregon.',
    choice: 'Vota është njëra nga: endorse, object, abstain.',
    missing: 'Mungon <id>. Përdorimi: /endorse vote <id> <endorse|object|abstain> [komenti...]',
    near: '/endorse nuk ka "vot" (mos keni parasysh /endorse vote?)',
    badId: 'X1 nuk është shenjë kërkese: kërkesat shënohen si E12.',
    unknownOption: '/endorse open nuk ka opsionin documnt:. Mos keni parasysh document:?',
    coordinatorOnly: 'Vetëm koordinatori i profilizimit mund të përdorë /endorse proxy; ju jeni pikë kontakti.',
    focalOnly: 'Vetëm pikat e kontaktit të organizatave anëtare mund të përdorin /endorse vote; ju jeni vëzhgues.',
    deadline: 'Votimi për E1 u mbyll në afat, 2026-11-29 10:00 Europe/Belgrade',
    closed: 'E1 është mbyllur nga koordinatori më',
    noCommand: 'Nuk ka komandë /endors. Mos keni parasysh /endorse? Shkruani /help për të parë komandat.',
  },
  'sr-Latn': {
    list: 'Otvoreni zahtevi za odobrenje u profilisanju Kosovo 2014:',
    listVote: '  KAS: object, glasao/la Valon Morina 2026-11-22 10:00 Europe/Belgrade',
    recorded: 'Zabeleženo: glas organizacije KAS o E1 „Terms of Reference“ (verzija v1) sada je object.',
    asksReason: 'Protivljenje treba da navede razlog: dodajte ga komandom /endorse vote E1 object <razlog>.',
    votedSoFar: 'Glasalo je 1 od 10 organizacija. KAS može da promeni svoj glas do 2026-11-29 10:00 Europe/Belgrade.',
    status: 'Glasovi (1 od 10 organizacija):',
    open: 'otvoren do 2026-11-29 10:00 Europe/Belgrade',
    notFound: 'U profilisanju Kosovo 2014 ne postoji zahtev za odobrenje E9. /endorse list all ih prikazuje.',
    choice: 'Glas je jedno od: endorse, object, abstain.',
    missing: 'Nedostaje <id>. Upotreba: /endorse vote <id> <endorse|object|abstain> [komentar...]',
    near: '/endorse nema „vot“ (da li ste mislili na /endorse vote?)',
    badId: 'X1 nije oznaka zahteva: oznake zahteva izgledaju kao E12.',
    unknownOption: '/endorse open nema opciju documnt:. Da li ste mislili na document:?',
    coordinatorOnly: 'Samo koordinator profilisanja može da koristi /endorse proxy; vi ste kontakt osoba.',
    focalOnly: 'Samo kontakt osobe organizacija članica mogu da koriste /endorse vote; vi ste posmatrač.',
    deadline: 'Glasanje o E1 zatvoreno je u roku, 2026-11-29 10:00 Europe/Belgrade',
    closed: 'E1 je zatvoren od strane koordinatora',
    noCommand: 'Ne postoji komanda /endors. Da li ste mislili na /endorse? Otkucajte /help da vidite komande.',
  },
  'sr-Cyrl': {
    list: 'Отворени захтеви за одобрење у профилисању Kosovo 2014:',
    listVote: '  KAS: object, гласао/ла Valon Morina 2026-11-22 10:00 Europe/Belgrade',
    recorded: 'Забележено: глас организације KAS о E1 „Terms of Reference“ (верзија v1) сада је object.',
    asksReason: 'Противљење треба да наведе разлог: додајте га командом /endorse vote E1 object <разлог>.',
    votedSoFar: 'Гласало је 1 од 10 организација. KAS може да промени свој глас до 2026-11-29 10:00 Europe/Belgrade.',
    status: 'Гласови (1 од 10 организација):',
    open: 'отворен до 2026-11-29 10:00 Europe/Belgrade',
    notFound: 'У профилисању Kosovo 2014 не постоји захтев за одобрење E9. /endorse list all их приказује.',
    choice: 'Глас је једно од: endorse, object, abstain.',
    missing: 'Недостаје <id>. Употреба: /endorse vote <id> <endorse|object|abstain> [коментар...]',
    near: '/endorse нема „vot“ (да ли сте мислили на /endorse vote?)',
    badId: 'X1 није ознака захтева: ознаке захтева изгледају као E12.',
    unknownOption: '/endorse open нема опцију documnt:. Да ли сте мислили на document:?',
    coordinatorOnly: 'Само координатор профилисања може да користи /endorse proxy; ви сте контакт особа.',
    focalOnly: 'Само контакт особе организација чланица могу да користе /endorse vote; ви сте посматрач.',
    deadline: 'Гласање о E1 затворено је у року, 2026-11-29 10:00 Europe/Belgrade',
    closed: 'E1 је затворен од стране координатора',
    noCommand: 'Не постоји команда /endors. Да ли сте мислили на /endorse? Откуцајте /help да видите команде.',
  },
};

describe('the vote, its status and their refusals, in the actor language', () => {
  for (const [language, said] of Object.entries(SAID)) {
    it(`answers a focal point and an observer who read ${language}, refusals included, and changes nothing on a refusal`, () => {
      app = createTestApp();
      ok(app, `/members language ${KAS} ${language}`);
      ok(app, `/members language ${OBSERVER} ${language}`);
      ok(app, '/endorse open PWG Terms of Reference version:v1');

      const vote = ok(app, '/endorse vote E1 object', KAS);
      expect(vote).toContain(said.recorded);
      expect(vote).toContain(said.asksReason);
      expect(vote).toContain(said.votedSoFar);
      const list = ok(app, '/endorse list', KAS).split('\n');
      expect(list[0]).toBe(said.list);
      expect(list).toContain(said.listVote);
      const status = ok(app, '/endorse status E1', KAS);
      expect(status).toContain(said.status);
      expect(status).toContain(said.open);

      const refusals: [string, string, string][] = [
        ['/endorse vote E9 endorse', KAS, said.notFound],
        ['/endorse vote E1 maybe', KAS, said.choice],
        ['/endorse vote', KAS, said.missing],
        ['/endorse vot E1', KAS, said.near],
        ['/endorse vote X1 endorse', KAS, said.badId],
        ['/endorse open PWG Methodology documnt:methodology', KAS, said.unknownOption],
        ['/endorse proxy E1 KAS endorse', KAS, said.coordinatorOnly],
        ['/endorse vote E1 endorse', OBSERVER, said.focalOnly],
        ['/endors vote E1 endorse', KAS, said.noCommand],
      ];
      for (const [text, as, sentence] of refusals) expect(no(app, text, as).reply, text).toContain(sentence);
      // The refusal keeps the argument it is about, for a form.
      expect(app.run('/endorse vote E1 maybe', KAS)).toMatchObject({ field: 'choice' });
      expect(ok(app, '/endorse status E1', KAS)).toContain(said.status);

      app.clock.set('2026-11-29T09:00:00Z');
      expect(no(app, '/endorse vote E1 endorse', KAS).reply).toContain(said.deadline);
      app.clock.set('2026-11-23T09:00:00Z');
      ok(app, '/endorse close E1');
      expect(no(app, '/endorse vote E1 endorse', KAS).reply).toContain(said.closed);
    });
  }

  it("falls back to the exercise's language for a member who chose none, and answers a stranger in the installation's language", async () => {
    app = createTestApp();
    ok(app, '/exercise language sr-Cyrl');
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    expect(ok(app, '/endorse vote E1 endorse', KAS)).toContain('Забележено: глас организације KAS');
    // An unlinked chat account is nobody the bot knows: answered, as a page whose link names no one,
    // in the language every active exercise shares.
    const stranger = await app.runChat('/endorse vote E1 endorse', 'slack', 'U0STRANGER');
    expect(stranger.reply).toBe('Ваш налог (Slack, Discord) још није повезан са чланом. Откуцајте /members link <ваша адреса е-поште>, а затим /members verify <код> са кодом који вам пошаљемо е-поштом.');
    const near = (await app.runChat('/endorse vot E1', 'slack', 'U0STRANGER')).reply;
    expect(near).toContain('/endorse vote?');
    expect(near).toMatch(/[\u0400-\u04FF]/);
    // A second active exercise in another language: nobody can say which the stranger reads, so English.
    const kosovo = listExercises(app.db)[0]!.slug;
    insertExercise(app.db, { slug: 'other', name: 'Other', timeZone: 'UTC', language: 'sq', noticeDays: 7, minutesDays: 14, createdAt: '2026-11-01T00:00:00Z' });
    expect((await app.runChat('/endorse vote E1 endorse', 'slack', 'U0STRANGER', { exerciseSlug: kosovo })).reply).toBe(
      'Your chat account is not linked to a member yet. Type /members link <your e-mail> and then /members verify <code> with the code we e-mail you.',
    );
  });

  it("writes the times in the actor's own zone beside the exercise's", () => {
    app = createTestApp();
    ok(app, `/members language ${KAS} sr-Latn`);
    ok(app, '/members timezone me America/New_York', KAS);
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    expect(ok(app, '/endorse vote E1 endorse', KAS)).toContain('do 2026-11-29 10:00 Europe/Belgrade (2026-11-29 04:00 America/New_York kod vas).');
    expect(ok(app, '/endorse status E1', KAS)).toContain('- KAS: endorse (Valon Morina, 2026-11-22 10:00 Europe/Belgrade (2026-11-22 04:00 America/New_York kod vas))');
  });

  it('says a busy database in the actor language, and changes nothing', () => {
    app = createTestApp();
    ok(app, `/members language ${KAS} sr-Latn`);
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    // Only the words are at stake here: the bot's 5 s wait for the lock is test/store/bad-environment.test.ts's.
    app.db.pragma('busy_timeout = 50');
    const writer = new Database(app.dbPath);
    writer.exec('BEGIN IMMEDIATE');
    try {
      expect(app.run('/endorse vote E1 endorse', KAS)).toMatchObject({
        status: 'refused',
        code: 'not-available',
        reply: 'Baza podataka je zauzeta drugim procesom (bot, rezervna kopija ili druga komanda); ništa se nije promenilo. Pokušajte ponovo za trenutak.',
      });
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    expect(ok(app, '/endorse status E1', KAS)).toContain('- još nijedan');
  });

  it('keeps English as it was for an English reader', () => {
    app = createTestApp();
    ok(app, '/endorse open PWG Terms of Reference version:v1');
    expect(ok(app, '/endorse vote E1 object', KAS)).toBe(
      'Recorded: KAS\'s vote on E1 "Terms of Reference" (version v1) is now object. An objection should say why: add the reason with /endorse vote E1 object <reason>. ' +
        "A receipt goes to KAS's focal point. 1 of 10 organisations have voted. KAS can change its vote until 2026-11-29 10:00 Europe/Belgrade.",
    );
    expect(no(app, '/endorse vote E1 endorse', OBSERVER).reply).toBe('Only focal points of member organisations can use /endorse vote; you are an observer.');
  });
});

describe('the vote from the one-shot CLI, in the actor language', () => {
  for (const [language, said] of Object.entries(SAID)) {
    it(`answers --as a ${language} reader: the receipt (exit 0), a refusal (exit 1) and a grammar error (exit 2)`, async () => {
      const box = cliSandbox();
      const at = (...args: string[]) => runCli(['--now', '2026-11-22T10:00:00Z', ...args], box.env);
      try {
        expect((await runCli(['init', '--example', 'kosovo', '--now', '2026-11-22T09:00:00Z'], box.env)).code).toBe(0);
        expect((await at('/endorse open PWG Terms of Reference version:v1')).code).toBe(0);
        expect((await at(`/members language ${KAS} ${language}`)).code).toBe(0);
        const vote = await at('--as', KAS, '/endorse vote E1 object');
        expect(vote).toMatchObject({ code: 0, stdout: expect.stringContaining(said.recorded) });
        expect(await at('--as', KAS, '/endorse status E1')).toMatchObject({ code: 0, stdout: expect.stringContaining(said.status) });
        expect(await at('--as', KAS, '/endorse vote E9 endorse')).toMatchObject({ code: 1, stdout: `${said.notFound}\n` });
        expect(await at('--as', KAS, '/endorse vote E1 maybe')).toMatchObject({ code: 1, stdout: expect.stringContaining(said.choice) });
        expect(await at('--as', KAS, '/endors vote E1 endorse')).toMatchObject({ code: 2, stdout: `${said.noCommand}\n` });
      } finally {
        rmSync(box.dir, { recursive: true, force: true });
      }
    });
  }
});
