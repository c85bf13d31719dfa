import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cliSandbox, runCli } from '../helpers/cli';
import { COORDINATOR, createTestApp, type TestApp } from '../helpers/app';
import { ok } from '../helpers/meetings';
import type { Language } from '../../src/domain/vocabulary';

let app: TestApp;
afterEach(() => app?.close());

/** A few lines of /help for the meeting, endorsement and minutes commands: enough to fail when one falls back to English. */
type Said = Record<'scheduleSummary' | 'scheduleExample' | 'scheduleOptions' | 'closeSummary' | 'correctLine' | 'minutesShow' | 'membersList', string>;

const SAID: Record<Exclude<Language, 'en'>, Said> = {
  sq: {
    scheduleSummary: "Cakton një takim të PWG ose PMG; refuzohet nëse rendi i ditës nuk mund t'u arrijë më anëtarëve shtatë ditë përpara.",
    scheduleExample: 'Shembull: /meeting schedule PWG 2026-12-10 10:00 Miratimi i TOR-it milestone:tor where:"Zyra e UNHCR, Prishtinë" duration:90',
    scheduleOptions: 'milestone: shënon një nga katër takimet kyçe të TOR-it (vetëm PWG); duration: është në minuta (parazgjedhur 120).',
    closeSummary: 'Mbyll tani një kërkesë për miratim; rezultati i saj, me votën e çdo organizate, i shkon grupit.',
    correctLine: 'Procesverbali i një takimi të PMG u shkon vetëm PMG. Procesverbali i publikuar nuk ndryshohet kurrë: /minutes correct <takimi> <çfarë ndryshoi> publikon një version të ri.',
    minutesShow: '  Tregon procesverbalin e një takimi: pjesëmarrjen, rendin e ditës, shënimet, vendimet, detyrat sipas organizatës përgjegjëse, dhe çdo version të publikuar.',
    membersList: 'Liston organizatat anëtare të një grupi (PWG si parazgjedhje), pikat e tyre të kontaktit, koordinatorët dhe vëzhguesit.',
  },
  'sr-Latn': {
    scheduleSummary: 'Zakazuje sastanak grupe PWG ili PMG; odbija se ako dnevni red više ne može da stigne do članova sedam dana ranije.',
    scheduleExample: 'Primer: /meeting schedule PWG 2026-12-10 10:00 Usvajanje TOR-a milestone:tor where:"Kancelarija UNHCR, Priština" duration:90',
    scheduleOptions: 'milestone: označava jedan od četiri ključna sastanka iz TOR-a (samo PWG); duration: je u minutima (podrazumevano 120).',
    closeSummary: 'Odmah zatvara zahtev za odobrenje; njegov rezultat, sa glasom svake organizacije, stiže grupi.',
    correctLine: 'Zapisnik sastanka grupe PMG ide samo grupi PMG. Objavljeni zapisnik se nikada ne menja: /minutes correct <sastanak> <šta je izmenjeno> objavljuje novu verziju.',
    minutesShow: '  Prikazuje zapisnik sastanka: prisustvo, dnevni red, beleške, odluke, zadatke po organizaciji nosiocu i svaku objavljenu verziju.',
    membersList: 'Navodi organizacije članice grupe (podrazumevano PWG), njihove kontakt osobe, koordinatore i posmatrače.',
  },
  'sr-Cyrl': {
    scheduleSummary: 'Заказује састанак групе PWG или PMG; одбија се ако дневни ред више не може да стигне до чланова седам дана раније.',
    scheduleExample: 'Пример: /meeting schedule PWG 2026-12-10 10:00 Усвајање TOR-а milestone:tor where:"Канцеларија UNHCR, Приштина" duration:90',
    scheduleOptions: 'milestone: означава један од четири кључна састанка из TOR-а (само PWG); duration: је у минутима (подразумевано 120).',
    closeSummary: 'Одмах затвара захтев за одобрење; његов резултат, са гласом сваке организације, стиже групи.',
    correctLine: 'Записник састанка групе PMG иде само групи PMG. Објављени записник се никада не мења: /minutes correct <састанак> <шта је измењено> објављује нову верзију.',
    minutesShow: '  Приказује записник састанка: присуство, дневни ред, белешке, одлуке, задатке по организацији носиоцу и сваку објављену верзију.',
    membersList: 'Наводи организације чланице групе (подразумевано PWG), њихове контакт особе, координаторе и посматраче.',
  },
};

describe("/help for the coordinator's meeting, endorsement and minutes commands, in the reader's language", () => {
  it('keeps English as the definitions say it', () => {
    app = createTestApp();
    const schedule = ok(app, '/help meeting schedule').split('\n');
    expect(schedule[1]).toBe('Schedule a meeting of the PWG or PMG; refused if its agenda can no longer reach members seven days ahead.');
    expect(schedule[5]).toBe('milestone: marks one of the four key meetings of the TOR (PWG only); duration: is in minutes (default 120).');
  });

  for (const [language, said] of Object.entries(SAID)) {
    it(`explains a command, a topic's commands and the members list to a ${language} reader`, () => {
      app = createTestApp();
      ok(app, `/members language ${COORDINATOR} ${language}`);
      const schedule = ok(app, '/help meeting schedule').split('\n');
      expect(schedule.slice(1, 3)).toEqual([said.scheduleSummary, said.scheduleExample]);
      expect(schedule[5]).toBe(said.scheduleOptions);
      expect(ok(app, '/help endorse close').split('\n')[1]).toBe(said.closeSummary);
      expect(ok(app, '/help minutes publish').split('\n')).toContain(said.correctLine);
      // A topic lists each command with its summary: every summary of /minutes is the reader's.
      const minutes = ok(app, '/help minutes').split('\n');
      expect(minutes).toContain(said.minutesShow);
      expect(minutes.filter((l) => l.startsWith('  ') && /\b(the|a|of|and)\b/.test(l))).toEqual([]);
      expect(ok(app, '/help members list').split('\n')[1]).toBe(said.membersList);
    });
  }
});

describe('/help from the one-shot CLI', () => {
  it("explains /meeting postpone to the coordinator who reads sr-Cyrl (exit 0), the command words unchanged", async () => {
    const box = cliSandbox();
    try {
      expect((await runCli(['init', '--example', 'kosovo'], box.env)).code).toBe(0);
      expect((await runCli([`/members language ${COORDINATOR} sr-Cyrl`], box.env)).code).toBe(0);
      const help = await runCli(['/help meeting postpone'], box.env);
      expect(help.code).toBe(0);
      expect(help.stdout.split('\n').slice(1, 3)).toEqual([
        'Помера састанак; ако је обавештење о њему послато, чланови се обавештавају (измена се наводи на врху), а њихови календари ажурирају.',
        'Пример: /meeting postpone M3 2026-12-10 10:00 сала није слободна',
      ]);
    } finally {
      rmSync(box.dir, { recursive: true, force: true });
    }
  });
});
