import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { ok } from '../helpers/meetings';
import { meetingUnderWay } from '../helpers/minutes';
import { cliSandbox, runCli } from '../helpers/cli';
import type { Language } from '../../src/domain/vocabulary';

let app: TestApp;
afterEach(() => app?.close());

const KAS = 'focal@kas.example.org';

/** Lines of `/exercise status` as a focal point reads them: one of each section, where English would show. */
const LINES: Record<Exclude<Language, 'en'>, string[]> = {
  sq: [
    'Kosovo 2014 (kosovo-2014): në vazhdim; zona kohore Europe/Belgrade, njoftim paraprak 7 ditë më parë, procesverbali brenda 7 ditëve.',
    '    M1 "Agree the TOR", Martë, 1 Dhjetor 2026, 10:00 (Europe/Belgrade): caktuar; njoftuar në kohë: po (10 nga 10 organizata u njoftuan brenda afatit); mbajtur: nuk është shënuar si i mbajtur',
    '- findings (të diskutohen gjetjet dhe të bihet dakord për rekomandimet kryesore): nuk është caktuar.',
    '- tor: M1, procesverbali: jo, 1 ditë me vonesë (afati 2026-12-08)',
    '- metodologjia (takimi kyç: methodology): miratimi ende nuk është kërkuar.',
    '    afati i njoftimit Dielë, 13 Dhjetor 2026, 10:00 (Europe/Belgrade): caktuar, njoftimi ende nuk është dërguar',
    'Detyrat: të hapura 1, të vonuara 1:',
    '- A1 UNHCR, afati 2026-12-03, 6 ditë me vonesë: Circulate the revised TOR',
    'Çdo organizatë anëtare ka një pikë kontakti.',
  ],
  'sr-Latn': [
    'Kosovo 2014 (kosovo-2014): u toku; vremenska zona Europe/Belgrade, prethodno obaveštenje 7 dana ranije, zapisnik u roku od 7 dana.',
    '    M1 „Agree the TOR“, utorak, 1. decembar 2026, 10:00 (Europe/Belgrade): zakazan; obavešteno na vreme: da (do roka obavešteno 10 od 10 organizacija); održan: nije zabeleženo da je održan',
    '- findings (razmatranje nalaza i dogovor o glavnim preporukama): nije zakazan.',
    '- tor: M1, zapisnik: ne, kasni 1 dan (rok 2026-12-08)',
    '- metodologija (ključni sastanak: methodology): odobrenje još nije traženo.',
    '    rok za obaveštenje nedelja, 13. decembar 2026, 10:00 (Europe/Belgrade): zakazan, obaveštenje još nije poslato',
    'Zadaci: otvorenih 1, zakasnelih 1:',
    '- A1 UNHCR, rok 2026-12-03, kasni 6 dana: Circulate the revised TOR',
    'Svaka organizacija članica ima kontakt osobu.',
  ],
  'sr-Cyrl': [
    'Kosovo 2014 (kosovo-2014): у току; временска зона Europe/Belgrade, претходно обавештење 7 дана раније, записник у року од 7 дана.',
    '    M1 „Agree the TOR“, уторак, 1. децембар 2026, 10:00 (Europe/Belgrade): заказан; обавештено на време: да (до рока обавештено 10 од 10 организација); одржан: није забележено да је одржан',
    '- findings (разматрање налаза и договор о главним препорукама): није заказан.',
    '- tor: M1, записник: не, касни 1 дан (рок 2026-12-08)',
    '- методологија (кључни састанак: methodology): одобрење још није тражено.',
    '    рок за обавештење недеља, 13. децембар 2026, 10:00 (Europe/Belgrade): заказан, обавештење још није послато',
    'Задаци: отворених 1, закаснелих 1:',
    '- A1 UNHCR, рок 2026-12-03, касни 6 дана: Circulate the revised TOR',
    'Свака организација чланица има контакт особу.',
  ],
};

/** M1 held under way on 1 Dec and not minuted, M2 (methodology) to come, E1 open on the TOR, A1 overdue; 9 Dec. */
async function anExerciseUnderWay(a: TestApp): Promise<void> {
  await meetingUnderWay(a);
  ok(a, '/meeting schedule PWG 2026-12-20 10:00 Methodology milestone:methodology');
  ok(a, '/minutes action M1 UNHCR 2026-12-03 Circulate the revised TOR');
  ok(a, '/endorse open PWG Terms of Reference version:v1 document:tor');
  a.clock.set('2026-12-09T09:00:00Z');
}

describe('/exercise status in the member language', () => {
  for (const [language, lines] of Object.entries(LINES)) {
    it(`is written for a ${language} reader, day names from date-fns, ids and command words as typed`, async () => {
      app = createTestApp();
      ok(app, `/members language ${KAS} ${language}`);
      await anExerciseUnderWay(app);
      const status = ok(app, '/exercise status', KAS).split('\n');
      for (const line of lines) expect(status, line).toContain(line);
      // The coordinator, who reads English, still gets the English screen with its steps.
      expect(ok(app, '/exercise status')).toContain('- findings (discuss the findings and agree on main recommendations): not scheduled. /meeting schedule PWG <date> <time> <title> milestone:findings');
    });
  }

  it("shows a reader's own zone beside the exercise's", async () => {
    app = createTestApp();
    ok(app, `/members language ${KAS} sr-Latn`);
    ok(app, '/members timezone me America/New_York', KAS);
    await anExerciseUnderWay(app);
    expect(ok(app, '/exercise status', KAS)).toContain(
      '- M2 PWG „Methodology“, nedelja, 20. decembar 2026, 10:00 (Europe/Belgrade) (nedelja, 20. decembar 2026, 04:00 (America/New_York) kod vas)',
    );
  });

  it('answers from the one-shot CLI in the reader language', async () => {
    const box = cliSandbox();
    try {
      expect((await runCli(['init', '--example', 'kosovo', '--now', '2026-11-22T09:00:00Z'], box.env)).code).toBe(0);
      expect((await runCli(['--now', '2026-11-22T09:00:00Z', `/members language ${KAS} sr-Cyrl`], box.env)).code).toBe(0);
      const status = await runCli(['--now', '2026-11-22T09:00:00Z', '--as', KAS, '/exercise status'], box.env);
      expect(status).toMatchObject({ code: 0, stdout: expect.stringContaining('Кључни састанци из TOR-а:\n- tor (договор о циљевима профилисања и о TOR-у): није заказан.') });
    } finally {
      rmSync(box.dir, { recursive: true, force: true });
    }
  });
});

describe('/meeting list, /meeting show and /members list in the member language', () => {
  const SAID: Record<Exclude<Language, 'en'>, { list: string[]; show: string[]; members: string[]; missing: string }> = {
    sq: {
      list: ['Takimet e ardhshme të Kosovo 2014 (1):', 'M2  PWG  Dielë, 20 Dhjetor 2026, 10:00 (Europe/Belgrade)  "Methodology" [takim kyç: methodology]'],
      show: ['Kur: Martë, 1 Dhjetor 2026, 10:00 (Europe/Belgrade) deri në 12:00 (120 minuta)', 'Gjendja: njoftimi u dërgua në kohë', 'v1 ftesë: 2026-11-10 10:00 Europe/Belgrade, në kohë', '2026-11-30 10:00 Europe/Belgrade: kujtesë për anëtarët'],
      members: ['PMG e Kosovo 2014: 5 organizata anëtare.', '  pikë kontakti: Besa Gashi <focal@mcr.example.org>'],
      missing: 'Nuk ka takim M9 në Kosovo 2014. /meeting list i tregon takimet.',
    },
    'sr-Latn': {
      list: ['Predstojeći sastanci profilisanja Kosovo 2014 (1):', 'M2  PWG  nedelja, 20. decembar 2026, 10:00 (Europe/Belgrade)  „Methodology“ [ključni sastanak: methodology]'],
      show: ['Vreme: utorak, 1. decembar 2026, 10:00 (Europe/Belgrade) do 12:00 (120 minuta)', 'Stanje: obaveštenje poslato na vreme', 'v1 poziv: 2026-11-10 10:00 Europe/Belgrade, na vreme', '2026-11-30 10:00 Europe/Belgrade: podsetnik članovima'],
      members: ['PMG profilisanja Kosovo 2014: 5 organizacija članica.', '  kontakt osoba: Besa Gashi <focal@mcr.example.org>'],
      missing: 'U profilisanju Kosovo 2014 ne postoji sastanak M9. /meeting list prikazuje sastanke.',
    },
    'sr-Cyrl': {
      list: ['Предстојећи састанци профилисања Kosovo 2014 (1):', 'M2  PWG  недеља, 20. децембар 2026, 10:00 (Europe/Belgrade)  „Methodology“ [кључни састанак: methodology]'],
      show: ['Време: уторак, 1. децембар 2026, 10:00 (Europe/Belgrade) до 12:00 (120 минута)', 'Стање: обавештење послато на време', 'v1 позив: 2026-11-10 10:00 Europe/Belgrade, на време', '2026-11-30 10:00 Europe/Belgrade: подсетник члановима'],
      members: ['PMG профилисања Kosovo 2014: 5 организација чланица.', '  контакт особа: Besa Gashi <focal@mcr.example.org>'],
      missing: 'У профилисању Kosovo 2014 не постоји састанак M9. /meeting list приказује састанке.',
    },
  };
  for (const [language, said] of Object.entries(SAID)) {
    it(`answers a ${language} reader`, async () => {
      app = createTestApp();
      ok(app, `/members language ${KAS} ${language}`);
      await anExerciseUnderWay(app);
      const list = ok(app, '/meeting list', KAS).split('\n');
      for (const line of said.list) expect(list).toContain(line);
      const show = ok(app, '/meeting show M1', KAS).split('\n');
      for (const line of said.show) expect(show).toContain(line);
      const members = ok(app, '/members list PMG', KAS).split('\n');
      for (const line of said.members) expect(members).toContain(line);
      expect(app.run('/meeting show M9', KAS)).toMatchObject({ status: 'refused', reply: said.missing });
    });
  }
});

describe('/minutes show, /meeting agenda show and /members check in the member language', () => {
  const SAID: Record<Exclude<Language, 'en'>, string[]> = {
    sq: [
      'Procesverbali i M1: takim i PWG "Agree the TOR", Martë, 1 Dhjetor 2026, 10:00 (Europe/Belgrade).',
      'Projekt, i papublikuar; afati 2026-12-08.',
      'Vendimet: asnjë.',
      '  A1 me afat 2026-12-15, e hapur: Share the sampling frame (Profiling Coordinator, 2026-12-01 10:30 Europe/Belgrade)',
      'Rendi i ditës i M1 (PWG, Martë, 1 Dhjetor 2026, 10:00 (Europe/Belgrade)):',
      'Çdo organizatë anëtare e Kosovo 2014 ka një pikë kontakti me e-mail që funksionon.',
    ],
    'sr-Latn': [
      'Zapisnik sa sastanka M1: sastanak grupe PWG „Agree the TOR“, utorak, 1. decembar 2026, 10:00 (Europe/Belgrade).',
      'Nacrt, nije objavljen; rok 2026-12-08.',
      'Odluke: nema ih.',
      '  A1 rok 2026-12-15, otvoren: Share the sampling frame (Profiling Coordinator, 2026-12-01 10:30 Europe/Belgrade)',
      'Dnevni red sastanka M1 (PWG, utorak, 1. decembar 2026, 10:00 (Europe/Belgrade)):',
      'Svaka organizacija članica profilisanja Kosovo 2014 ima kontakt osobu sa ispravnom adresom e-pošte.',
    ],
    'sr-Cyrl': [
      'Записник са састанка M1: састанак групе PWG „Agree the TOR“, уторак, 1. децембар 2026, 10:00 (Europe/Belgrade).',
      'Нацрт, није објављен; рок 2026-12-08.',
      'Одлуке: нема их.',
      '  A1 рок 2026-12-15, отворен: Share the sampling frame (Profiling Coordinator, 2026-12-01 10:30 Europe/Belgrade)',
      'Дневни ред састанка M1 (PWG, уторак, 1. децембар 2026, 10:00 (Europe/Belgrade)):',
      'Свака организација чланица профилисања Kosovo 2014 има контакт особу са исправном адресом е-поште.',
    ],
  };
  for (const [language, lines] of Object.entries(SAID)) {
    it(`answers a ${language} reader`, async () => {
      app = createTestApp();
      ok(app, `/members language ${KAS} ${language}`);
      await meetingUnderWay(app);
      ok(app, '/minutes note M1 The TOR was read out');
      ok(app, '/minutes action M1 KAS 2026-12-15 Share the sampling frame');
      const said = [ok(app, '/minutes show M1', KAS), ok(app, '/meeting agenda M1 show', KAS), ok(app, '/members check', KAS)].join('\n').split('\n');
      for (const line of lines) expect(said).toContain(line);
    });
  }
});
