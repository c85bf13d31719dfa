import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, snapshot, type TestApp } from '../helpers/app';
import { no, ok } from '../helpers/meetings';
import { meetingUnderWay } from '../helpers/minutes';
import { cliSandbox, runCli } from '../helpers/cli';
import { buildRegistry } from '../../src/use-cases/index';
import { CATALOGUES } from '../../src/i18n/catalogue';
import type { Language } from '../../src/domain/vocabulary';

let app: TestApp;
afterEach(() => app?.close());

const KAS = 'focal@kas.example.org';
const OBSERVER = 'support@jips.example.org';
const UNHCR = 'focal@unhcr.example.org';

type Said = Record<
  | 'languageSet' | 'zoneSet' | 'others' | 'badLanguage' | 'badZone' | 'zoneAlready'
  | 'actionsHead' | 'actionItem' | 'overdue' | 'markDone' | 'doneButton' | 'ownerOnly' | 'marked' | 'already' | 'actionNotFound'
  | 'helpIntro' | 'helpVote' | 'helpWho' | 'helpNoCommand',
  string
>;

const SAID: Record<Exclude<Language, 'en'>, Said> = {
  sq: {
    languageSet: 'Valon Morina <focal@kas.example.org> tani i merr mesazhet në shqip, duke filluar nga i radhës.',
    zoneSet: 'Valon Morina <focal@kas.example.org> tani i sheh oraret në America/New_York, me orën e Kosovo 2014 (Europe/Belgrade) pranë tyre.',
    others: 'Vetëm koordinatori i profilizimit mund të caktojë gjuhën e një anëtari tjetër',
    badLanguage: '"de" nuk është gjuhë në të cilën shkruan Convene: përdorni njërën nga en, sq, sr-Latn, sr-Cyrl.',
    badZone: '"CET" nuk është zonë kohore: përdorni një emër IANA, p.sh. Europe/Belgrade.',
    zoneAlready: 'Zona kohore e focal@kas.example.org është tashmë America/New_York; asgjë nuk ndryshoi.',
    actionsHead: 'Detyrat e hapura të Kosovo 2014 (3), sipas organizatës përgjegjëse:',
    actionItem: '  A1 me afat 2026-12-15, e hapur (M1 "Agree the TOR"): Share the sampling frame',
    overdue: 'A2 me afat 2026-12-03, e hapur, 2 ditë me vonesë',
    markDone: 'Shënojeni një detyrë si të kryer me /minutes done <detyra>',
    doneButton: 'Kryer A1',
    ownerOnly: 'Vetëm një pikë kontakti e UNHCR, së cilës i përket A2, ose koordinatori mund ta shënojë si të kryer; ju jeni pikë kontakti e KAS.',
    marked: 'A1 (KAS, me afat 2026-12-15, nga M1) është kryer ("Share the sampling frame").',
    already: 'A1 është tashmë kryer më 2026-12-05 10:00 Europe/Belgrade (2026-12-05 04:00 America/New_York për ju) nga Valon Morina.',
    actionNotFound: 'Nuk ka detyrë A9 në Kosovo 2014. /minutes actions all i tregon.',
    helpIntro: 'Convene: koordinimi i Grupit të Punës për Profilizim (PWG)',
    helpVote: 'Jepni votën e organizatës suaj për një kërkesë për miratim',
    helpWho: 'Kush mund ta përdorë: pikat e kontaktit të organizatave anëtare.',
    helpNoCommand: 'Nuk ka komandë /frobnicate. Shkruani /help për të parë komandat.',
  },
  'sr-Latn': {
    languageSet: 'Valon Morina <focal@kas.example.org> od sledeće poruke prima poruke na srpskom, latinicom.',
    zoneSet: 'Valon Morina <focal@kas.example.org> sada vidi vreme u zoni America/New_York, a pored njega vreme profilisanja Kosovo 2014 (Europe/Belgrade).',
    others: 'Samo koordinator profilisanja može da podesi jezik drugog člana',
    badLanguage: '„de“ nije jezik na kome Convene piše: koristite jedan od ovih: en, sq, sr-Latn, sr-Cyrl.',
    badZone: '„CET“ nije vremenska zona: koristite IANA naziv, na primer Europe/Belgrade.',
    zoneAlready: 'Vremenska zona za focal@kas.example.org već je America/New_York; ništa se nije promenilo.',
    actionsHead: 'Otvoreni zadaci profilisanja Kosovo 2014 (3), po organizaciji nosiocu:',
    actionItem: '  A1 rok 2026-12-15, otvoren (M1 „Agree the TOR“): Share the sampling frame',
    overdue: 'A2 rok 2026-12-03, otvoren, kasni 2 dana',
    markDone: 'Zadatak označite kao urađen komandom /minutes done <zadatak>',
    doneButton: 'Urađeno A1',
    ownerOnly: 'Samo kontakt osoba organizacije UNHCR, čiji je zadatak A2, ili koordinator može da ga označi kao urađen; vi ste kontakt osoba organizacije KAS.',
    marked: 'A1 (KAS, rok 2026-12-15, sa sastanka M1) je urađen („Share the sampling frame“).',
    already: 'A1 je već urađen 2026-12-05 10:00 Europe/Belgrade (2026-12-05 04:00 America/New_York kod vas), označio/la Valon Morina.',
    actionNotFound: 'U profilisanju Kosovo 2014 ne postoji zadatak A9. /minutes actions all ih prikazuje.',
    helpIntro: 'Convene: koordinacija Radne grupe za profilisanje (PWG)',
    helpVote: 'Dajte glas svoje organizacije o zahtevu za odobrenje',
    helpWho: 'Ko može da je koristi: kontakt osobe organizacija članica.',
    helpNoCommand: 'Ne postoji komanda /frobnicate. Otkucajte /help da vidite komande.',
  },
  'sr-Cyrl': {
    languageSet: 'Valon Morina <focal@kas.example.org> од следеће поруке прима поруке на српском, ћирилицом.',
    zoneSet: 'Valon Morina <focal@kas.example.org> сада види време у зони America/New_York, а поред њега време профилисања Kosovo 2014 (Europe/Belgrade).',
    others: 'Само координатор профилисања може да подеси језик другог члана',
    badLanguage: '„de“ није језик на коме Convene пише: користите један од ових: en, sq, sr-Latn, sr-Cyrl.',
    badZone: '„CET“ није временска зона: користите IANA назив, на пример Europe/Belgrade.',
    zoneAlready: 'Временска зона за focal@kas.example.org већ је America/New_York; ништа се није променило.',
    actionsHead: 'Отворени задаци профилисања Kosovo 2014 (3), по организацији носиоцу:',
    actionItem: '  A1 рок 2026-12-15, отворен (M1 „Agree the TOR“): Share the sampling frame',
    overdue: 'A2 рок 2026-12-03, отворен, касни 2 дана',
    markDone: 'Задатак означите као урађен командом /minutes done <задатак>',
    doneButton: 'Урађено A1',
    ownerOnly: 'Само контакт особа организације UNHCR, чији је задатак A2, или координатор може да га означи као урађен; ви сте контакт особа организације KAS.',
    marked: 'A1 (KAS, рок 2026-12-15, са састанка M1) је урађен („Share the sampling frame“).',
    already: 'A1 је већ урађен 2026-12-05 10:00 Europe/Belgrade (2026-12-05 04:00 America/New_York код вас), означио/ла Valon Morina.',
    actionNotFound: 'У профилисању Kosovo 2014 не постоји задатак A9. /minutes actions all их приказује.',
    helpIntro: 'Convene: координација Радне групе за профилисање (PWG)',
    helpVote: 'Дајте глас своје организације о захтеву за одобрење',
    helpWho: 'Ко може да је користи: контакт особе организација чланица.',
    helpNoCommand: 'Не постоји команда /frobnicate. Откуцајте /help да видите команде.',
  },
};

/** How a usage line names the comment of a vote and the reason of a short notice. */
const COMMENT = { sq: 'komenti', 'sr-Latn': 'komentar', 'sr-Cyrl': 'коментар' };
const REASON = { sq: 'arsyeja', 'sr-Latn': 'razlog', 'sr-Cyrl': 'разлог' };

describe("the members' own commands in their language", () => {
  for (const [language, said] of Object.entries(SAID)) {
    it(`/members language and timezone me: the answer comes in ${language}, the one just chosen, and so do their refusals`, () => {
      app = createTestApp();
      expect(ok(app, `/members language me ${language}`, KAS)).toBe(said.languageSet);
      expect(ok(app, '/members timezone me America/New_York', KAS)).toBe(said.zoneSet);
      const before = snapshot(app.db);
      expect(no(app, '/members language focal@drc.example.org sq', KAS).reply).toContain(said.others);
      expect(no(app, '/members language me de', KAS).reply).toBe(said.badLanguage);
      expect(no(app, '/members timezone me CET', KAS).reply).toBe(said.badZone);
      expect(no(app, '/members timezone me America/New_York', KAS).reply).toBe(said.zoneAlready);
      expect(snapshot(app.db)).toBe(before);
    });

    it(`/minutes actions and /minutes done answer a ${language} reader, with Done buttons in it`, async () => {
      app = createTestApp();
      ok(app, `/members language ${KAS} ${language}`);
      ok(app, '/members timezone me America/New_York', KAS);
      await meetingUnderWay(app);
      ok(app, '/minutes action M1 KAS 2026-12-15 Share the sampling frame');
      ok(app, '/minutes action M1 UNHCR 2026-12-03 Circulate the revised TOR');
      ok(app, '/minutes action M1 KAS 2026-12-20 Propose enumeration areas');
      app.clock.set('2026-12-05T09:00:00Z');
      const list = app.run('/minutes actions', KAS);
      expect(list.reply).toContain(said.actionsHead);
      expect(list.reply).toContain(said.actionItem);
      expect(list.reply).toContain(said.overdue);
      expect(list.reply).toContain(said.markDone);
      expect(list.status === 'accepted' && list.actions?.map((a) => a.label)).toEqual([said.doneButton, said.doneButton.replace('A1', 'A3')]);
      expect(no(app, '/minutes done A2', KAS).reply).toBe(said.ownerOnly);
      expect(no(app, '/minutes done A9', KAS).reply).toBe(said.actionNotFound);
      expect(ok(app, '/minutes done A1', KAS)).toContain(said.marked);
      expect(no(app, '/minutes done A1', KAS).reply).toBe(said.already);
    });

    it(`/help answers a ${language} reader: the list, one command, and an unknown one`, () => {
      app = createTestApp();
      ok(app, `/members language ${KAS} ${language}`);
      ok(app, `/members language ${OBSERVER} ${language}`);
      const all = ok(app, '/help', KAS);
      expect(all.split('\n')[0]).toContain(said.helpIntro);
      // The command, option and choice words are the grammar, the same in every language; the words describing a value are the reader's.
      expect(all).toContain(`/endorse vote <id> <endorse|object|abstain> [${COMMENT[language as keyof typeof COMMENT]}...]`);
      expect(all).toContain(`/meeting send <id> [urgent:"<${REASON[language as keyof typeof REASON]}>"]`);
      const vote = ok(app, '/help endorse vote', OBSERVER);
      expect(vote).toContain(said.helpVote);
      expect(vote).toContain(said.helpWho);
      expect(no(app, '/help frobnicate', KAS).reply).toBe(said.helpNoCommand);
    });
  }

  it('says the help of the members commands in English exactly as their definitions do', () => {
    const english = CATALOGUES.en['help-commands'] as Record<string, Record<string, string>>;
    for (const [path, text] of Object.entries(english)) {
      const d = buildRegistry().get(path)!;
      expect({ path, summary: text.summary, details: text.details }).toEqual({ path, summary: d.summary, details: d.details });
    }
  });

  it('links a chat account in English (nobody is known yet), then confirms in the linked member language', async () => {
    app = createTestApp();
    ok(app, `/members language ${UNHCR} sr-Cyrl`);
    const link = await app.runChat(`/members link ${UNHCR}`, 'discord', '4242');
    expect(link.reply).toBe(`If ${UNHCR} belongs to a member, a 6-digit code is on its way to it; it expires in 15 minutes. Then type /members verify <code>.`);
    await app.sender.drain();
    const code = /\/members verify (\d{6})/.exec(app.email.to(UNHCR).at(-1)!.payload.text)![1]!;
    expect((await app.runChat('/members verify 12', 'discord', '4242')).reply).toBe('The code is the 6 digits from the e-mail, e.g. /members verify 042917.');
    expect((await app.runChat(`/members verify ${code}`, 'discord', '4242')).reply).toBe('Повезано: овај налог сада делује као Luan Berisha <focal@unhcr.example.org>.');
    // Linked, the account is answered in the member's language from now on.
    expect((await app.runChat('/members verify 123456', 'discord', '4242')).reply).toBe('За овај налог не чека ниједан код. Откуцајте /members link <ваша адреса е-поште> да добијете код.');
    expect((await app.runChat(`/members link ${UNHCR}`, 'discord', '4242')).reply).toBe('Овај налог је већ повезан са focal@unhcr.example.org.');
  });
});

describe("the members' commands from the one-shot CLI", () => {
  for (const [language, said] of Object.entries(SAID)) {
    it(`answers --as a ${language} reader: language, zone, help, and a refusal (exit 1)`, async () => {
      const box = cliSandbox();
      const at = (...args: string[]) => runCli(['--now', '2026-11-22T10:00:00Z', ...args], box.env);
      try {
        expect((await runCli(['init', '--example', 'kosovo', '--now', '2026-11-22T09:00:00Z'], box.env)).code).toBe(0);
        expect(await at('--as', KAS, `/members language me ${language}`)).toMatchObject({ code: 0, stdout: `${said.languageSet}\n` });
        expect(await at('--as', KAS, '/members timezone me America/New_York')).toMatchObject({ code: 0, stdout: `${said.zoneSet}\n` });
        expect(await at('--as', KAS, '/members timezone me CET')).toMatchObject({ code: 1, stdout: `${said.badZone}\n` });
        expect(await at('--as', KAS, '/minutes done A9')).toMatchObject({ code: 1, stdout: `${said.actionNotFound}\n` });
        expect(await at('--as', KAS, '/help')).toMatchObject({ code: 0, stdout: expect.stringContaining(said.helpIntro) });
      } finally {
        rmSync(box.dir, { recursive: true, force: true });
      }
    });
  }
});
