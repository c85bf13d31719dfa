import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COORDINATOR, createTestApp, snapshot, type TestApp } from '../helpers/app';
import { meetingWithAgenda, no, ok } from '../helpers/meetings';
import { linkIdentity, personByEmail } from '../../src/store/members';
import { markMediumFailing, pauseMedium } from '../../src/store/delivery-media';
import type { Language } from '../../src/domain/vocabulary';
import { verifyExport } from '../../src/use-cases/exercise/verify-export';
import { reportMarkdown } from '../../src/use-cases/exercise/export-report';
import { translate } from '../../src/i18n/catalogue';

let app: TestApp;
afterEach(() => app?.close());

const KAS = 'focal@kas.example.org';

/** A few words of each of the coordinator's replies about the exercise: enough to fail when one falls back to English. */
type Said = Record<
  | 'languageSet' | 'languageAlready' | 'channelWhere' | 'channelBound' | 'overviewFocal' | 'overviewNoWeb' | 'overviewPrinted'
  | 'paused' | 'failing' | 'withoutFocalHint' | 'preview' | 'previewActions' | 'confirmHow' | 'dissolved' | 'exported' | 'list' | 'group',
  string
>;

const SAID: Record<Exclude<Language, 'en'>, Said> = {
  sq: {
    languageSet: 'Kosovo 2014 tani u flet serbisht me alfabet latin anëtarëve që nuk kanë zgjedhur gjuhë',
    languageAlready: 'Kosovo 2014 flet tashmë serbisht me alfabet latin si gjuhë të paracaktuar; asgjë nuk ndryshoi.',
    channelWhere: 'Shkruani /exercise channel PWG brenda kanalit në Slack ose Discord që duhet të mbajë njoftimet e PWG.',
    channelBound: 'Njoftimet e PMG për Kosovo 2014 do të postohen në këtë kanal.',
    overviewFocal: 'Faqja e pasqyrës është për koordinatorin e profilizimit; /exercise status tregon të njëjtat fakte këtu.',
    overviewNoWeb: 'Faqet web nuk janë të konfiguruara në këtë instalim',
    overviewPrinted: 'Pasqyra juaj e Kosovo 2014: http://127.0.0.1/',
    paused: 'Dërgimi me Slack është pezulluar që nga 2026-11-22 10:00 Europe/Belgrade: ofruesi refuzon cilësimet e vetë Convene (invalid_auth). Presin 0 mesazhe të këtij procesi profilizimi',
    failing: 'Dërgimi me e-mail dështon që nga 2026-11-22 08:00 Europe/Belgrade (përgjigjja e fundit: 421 busy). Pret 1 mesazh i këtij procesi profilizimi dhe provohet sërish',
    withoutFocalHint: '    Shtoni një me /members add-focal KAS <e-mail> <emri>; /members check rendit çdo mangësi.',
    preview: 'Mbyllja e Kosovo 2014 e përfundon procesin e profilizimit përgjithmonë: 1 kërkesë e hapur për miratim (E1) mbyllet si e tërhequr; 1 takim i ardhshëm anulohet (M1); çdo kujtesë ndalet; njoftimi i mbylljes u shkon 14 anëtarëve.',
    previewActions: '',
    confirmHow: 'Për të vazhduar, shkruani: /exercise dissolve confirm',
    dissolved: 'Kosovo 2014 u mbyll më 2026-11-22 10:00 Europe/Belgrade: 1 kërkesë për miratim u mbyll si e tërhequr (E1); 1 takim u anulua (M1);',
    exported: 'Arkivi i Kosovo 2014 u eksportua në',
    list: '1 proces profilizimi:\n- kosovo-2014: Kosovo 2014, Europe/Belgrade, aktiv',
    group: 'Grupi është PWG (i gjithë grupi i punës) ose PMG (grupi i menaxhimit).',
  },
  'sr-Latn': {
    languageSet: 'Profilisanje Kosovo 2014 se sada obraća na srpskom, latinicom članovima koji nisu izabrali jezik',
    languageAlready: 'Profilisanje Kosovo 2014 se već podrazumevano obraća na srpskom, latinicom; ništa se nije promenilo.',
    channelWhere: 'Otkucajte /exercise channel PWG u onom kanalu na platformi Slack ili Discord u kome treba da stižu objave grupe PWG.',
    channelBound: 'Objave grupe PMG za profilisanje Kosovo 2014 stizaće u ovaj kanal.',
    overviewFocal: 'Stranica sa pregledom je za koordinatora profilisanja; /exercise status ovde prikazuje iste podatke.',
    overviewNoWeb: 'Veb stranice nisu podešene u ovoj instalaciji',
    overviewPrinted: 'Vaš pregled profilisanja Kosovo 2014: http://127.0.0.1/',
    paused: 'Slanje (Slack) pauzirano je od 2026-11-22 10:00 Europe/Belgrade: dobavljač odbija sama podešavanja sistema Convene (invalid_auth). Čeka 0 poruka ovog profilisanja',
    failing: 'Slanje (e-pošta) ne uspeva od 2026-11-22 08:00 Europe/Belgrade (poslednji odgovor: 421 busy). Čeka 1 poruka ovog profilisanja',
    withoutFocalHint: '    Dodajte je komandom /members add-focal KAS <adresa> <ime>; /members check navodi sve nedostatke.',
    preview: 'Zaključenjem profilisanja Kosovo 2014 ono se trajno završava: 1 otvoren zahtev za odobrenje (E1) zatvara se kao povučen; otkazuje se 1 predstojeći sastanak (M1); svi podsetnici se zaustavljaju; obaveštenje o zaključenju ide članovima, njih 14.',
    previewActions: '',
    confirmHow: 'Da nastavite, otkucajte: /exercise dissolve confirm',
    dissolved: 'Profilisanje Kosovo 2014 zaključeno je 2026-11-22 10:00 Europe/Belgrade: 1 zahtev za odobrenje zatvoren je kao povučen (E1); otkazan je 1 sastanak (M1);',
    exported: 'Evidencija profilisanja Kosovo 2014 izvezena je u',
    list: '1 profilisanje:\n- kosovo-2014: Kosovo 2014, Europe/Belgrade, u toku',
    group: 'Grupa je PWG (cela radna grupa) ili PMG (upravljačka grupa).',
  },
  'sr-Cyrl': {
    languageSet: 'Профилисање Kosovo 2014 се сада обраћа на српском, латиницом члановима који нису изабрали језик',
    languageAlready: 'Профилисање Kosovo 2014 се већ подразумевано обраћа на српском, латиницом; ништа се није променило.',
    channelWhere: 'Откуцајте /exercise channel PWG у оном каналу на платформи Slack или Discord у коме треба да стижу објаве групе PWG.',
    channelBound: 'Објаве групе PMG за профилисање Kosovo 2014 стизаће у овај канал.',
    overviewFocal: 'Страница са прегледом је за координатора профилисања; /exercise status овде приказује исте податке.',
    overviewNoWeb: 'Веб странице нису подешене у овој инсталацији',
    overviewPrinted: 'Ваш преглед профилисања Kosovo 2014: http://127.0.0.1/',
    paused: 'Слање (Slack) паузирано је од 2026-11-22 10:00 Europe/Belgrade: добављач одбија сама подешавања система Convene (invalid_auth). Чека 0 порука овог профилисања',
    failing: 'Слање (е-пошта) не успева од 2026-11-22 08:00 Europe/Belgrade (последњи одговор: 421 busy). Чека 1 порука овог профилисања',
    withoutFocalHint: '    Додајте је командом /members add-focal KAS <адреса> <име>; /members check наводи све недостатке.',
    preview: 'Закључењем профилисања Kosovo 2014 оно се трајно завршава: 1 отворен захтев за одобрење (E1) затвара се као повучен; отказује се 1 предстојећи састанак (M1); сви подсетници се заустављају; обавештење о закључењу иде члановима, њих 14.',
    previewActions: '',
    confirmHow: 'Да наставите, откуцајте: /exercise dissolve confirm',
    dissolved: 'Профилисање Kosovo 2014 закључено је 2026-11-22 10:00 Europe/Belgrade: 1 захтев за одобрење затворен је као повучен (E1); отказан је 1 састанак (M1);',
    exported: 'Евиденција профилисања Kosovo 2014 извезена је у',
    list: '1 профилисање:\n- kosovo-2014: Kosovo 2014, Europe/Belgrade, у току',
    group: 'Група је PWG (цела радна група) или PMG (управљачка група).',
  },
};

/** How the steps /exercise status offers name a date, a time and a title. */
const STEP_WORDS = { sq: ['data', 'ora', 'titulli'], 'sr-Latn': ['datum', 'vreme', 'naslov'], 'sr-Cyrl': ['датум', 'време', 'наслов'] };

/** A Slack account linked to the coordinator, as /members verify would leave it. */
function coordinatorOnSlack(app: TestApp): void {
  linkIdentity(app.db, { medium: 'slack', userId: 'UCOORD', personId: personByEmail(app.db, COORDINATOR)!.id, at: '2026-11-01T00:00:00Z', by: 'test' });
}

describe('the counts the coordinator reads, at their plural edges', () => {
  it('Serbian says one/few/other by the last digits (1, 21 one; 2, 4 few; 5, 11, 12 other), Albanian and English one/other', () => {
    const failing = (language: Language, count: number) => translate(language, 'delivery-lines.failing', { Medium: 'E-mail', medium: 'e-pošta', since: 'x', error: 'y', count });
    expect(failing('sr-Latn', 1)).toContain('Čeka 1 poruka ovog profilisanja i ponovo se pokušava');
    expect(failing('sr-Latn', 21)).toContain('Čeka 21 poruka ovog profilisanja i ponovo se pokušava');
    expect(failing('sr-Latn', 2)).toContain('Čekaju 2 poruke ovog profilisanja i ponovo se pokušavaju');
    expect(failing('sr-Cyrl', 4)).toContain('Чекају 4 поруке овог профилисања');
    expect(failing('sr-Latn', 5)).toContain('Čeka 5 poruka ovog profilisanja i ponovo se pokušavaju');
    expect(failing('sr-Latn', 11)).toContain('Čeka 11 poruka');
    expect(failing('sq', 1)).toContain('Pret 1 mesazh i këtij procesi profilizimi dhe provohet');
    expect(failing('sq', 2)).toContain('Presin 2 mesazhe të këtij procesi profilizimi dhe provohen');
    expect(failing('en', 1)).toContain('1 message of this exercise waits and is retried');
    expect(failing('en', 0)).toContain('0 messages of this exercise wait and are retried');
    const meetings = (language: Language, count: number) => translate(language, 'reply-exercise-dissolve.meetingsCancelled', { count, ids: '' });
    expect([1, 2, 5, 11, 21, 101].map((n) => meetings('sr-Cyrl', n))).toEqual([
      'отказује се 1 предстојећи састанак', 'отказују се 2 предстојећа састанка', 'отказује се 5 предстојећих састанака',
      'отказује се 11 предстојећих састанака', 'отказује се 21 предстојећи састанак', 'отказује се 101 предстојећи састанак',
    ]);
    const votes = (language: Language, count: number) =>
      translate(language, 'reply-exercise-dissolve.requestsWithVotes', {
        requests: translate(language, 'reply-exercise-dissolve.requests', { count: 1 }),
        votes: translate(language, 'reply-exercise-dissolve.votes', { count }),
      });
    expect([1, 2, 5, 21].map((n) => votes('sr-Latn', n))).toEqual([
      '1 zahtev za odobrenje sa 1 glasom', '1 zahtev za odobrenje sa 2 glasa', '1 zahtev za odobrenje sa 5 glasova', '1 zahtev za odobrenje sa 21 glasom',
    ]);
    expect([1, 2].map((n) => votes('sq', n))).toEqual(['1 kërkesë për miratim me 1 votë', '1 kërkesë për miratim me 2 vota']);
    expect([1, 2].map((n) => votes('en', n))).toEqual(['1 endorsement request with 1 vote', '1 endorsement request with 2 votes']);
  });
});

describe("the coordinator's commands about the exercise, in the coordinator's language", () => {
  for (const [language, said] of Object.entries(SAID)) {
    it(`/exercise language, channel and status web answer a ${language} coordinator; the channel hears the exercise's language`, async () => {
      app = createTestApp();
      ok(app, `/members language me ${language}`);
      ok(app, `/members language ${KAS} ${language}`);
      expect(ok(app, '/exercise language sr-Latn')).toContain(said.languageSet);
      const before = snapshot(app.db);
      expect(no(app, '/exercise language sr-Latn').reply).toBe(said.languageAlready);
      expect(no(app, '/exercise channel PWG').reply).toBe(said.channelWhere);
      expect(no(app, '/exercise channel ABC').reply).toBe(said.group);
      expect(ok(app, '/exercise list')).toBe(said.list);
      expect(no(app, '/exercise status web', KAS).reply).toBe(said.overviewFocal);
      expect(no(app, '/exercise status web').reply).toContain(said.overviewNoWeb);
      expect(snapshot(app.db)).toBe(before);
      app.settings.links = { baseUrl: 'http://127.0.0.1', localOnly: false };
      expect(ok(app, '/exercise status web')).toContain(said.overviewPrinted);

      // The whole channel is told, in the exercise's language: set to the coordinator's for this.
      if (language !== 'sr-Latn') ok(app, `/exercise language ${language}`);
      coordinatorOnSlack(app);
      const bound = await app.runChat('/exercise channel PMG', 'slack', 'UCOORD', { channel: { medium: 'slack', id: 'CPMG' } });
      expect(bound).toMatchObject({ status: 'accepted', reply: said.channelBound });
    });

    it(`/exercise status says delivery trouble and the coordinator's next step to a ${language} coordinator`, () => {
      app = createTestApp();
      ok(app, `/members language me ${language}`);
      ok(app, `/members remove-focal KAS ${KAS}`);
      pauseMedium(app.db, 'slack', '2026-11-22T09:00:00.000Z', 'invalid_auth', '2026-11-22T09:02:00.000Z');
      markMediumFailing(app.db, 'email', '2026-11-22T07:00:00.000Z', '421 busy');
      const status = ok(app, '/exercise status');
      expect(status).toContain(said.paused);
      expect(status).toContain(said.withoutFocalHint);
      // E-mail has failed for two hours: its line says so, and since when.
      expect(status).toContain(said.failing.split(' (')[0]);
      // The steps it offers name the values to give in the coordinator's words.
      const [date, time, title] = STEP_WORDS[language as keyof typeof STEP_WORDS];
      expect(status).toContain(`/meeting schedule PWG <${date}> <${time}> <${title}> milestone:tor`);
      expect(status).toContain(`/endorse open PWG <${title}> document:tor`);
    });

    it(`/exercise dissolve and /exercise export answer a ${language} coordinator`, () => {
      app = createTestApp();
      ok(app, `/members language me ${language}`);
      meetingWithAgenda(app);
      ok(app, '/endorse open PWG Terms of Reference version:v1');
      const preview = ok(app, '/exercise dissolve');
      expect(preview).toContain(said.preview);
      expect(preview.split('\n').at(-1)).toBe(said.confirmHow);
      expect(ok(app, '/exercise dissolve confirm')).toContain(said.dissolved);
      const exported = ok(app, '/exercise export');
      expect(exported).toContain(said.exported);
      expect(existsSync(join(app.dir, 'exports'))).toBe(true);
      expect(readdirSync(join(app.dir, 'exports'))).toHaveLength(1);
    });
  }
});

/** A few lines of report.md in each language of the exercise. */
const REPORT: Record<Exclude<Language, 'en'>, string[]> = {
  sq: [
    '# Kosovo 2014: arkivi i procesit të profilizimit',
    '## Organizatat anëtare dhe pikat e tyre të kontaktit',
    '| Organizata | Emri | Grupet | Pikat e kontaktit |',
    '- Kur: Enjte, 10 Dhjetor 2026, 10:00 (Europe/Belgrade), 120 minuta.',
    '- Gjendja: i planifikuar.',
    '- Rregulli consensus, kuorumi ',
    '; hapur më 2026-11-22 10:00 Europe/Belgrade nga Profiling Coordinator (coordinator@unhcr.example.org); afati 2026-11-29 10:00 Europe/Belgrade.',
    '| Organizata | Vota | Komenti | Dhënë nga | Kur | Vlen |',
    '## Regjistri i auditimit',
  ],
  'sr-Latn': [
    '# Kosovo 2014: evidencija profilisanja',
    '## Organizacije članice i njihove kontakt osobe',
    '| Organizacija | Naziv | Grupe | Kontakt osobe |',
    '- Kada: četvrtak, 10. decembar 2026, 10:00 (Europe/Belgrade), 120 min.',
    '- Stanje: zakazan.',
    '- Pravilo consensus, kvorum ',
    '; otvoren 2026-11-22 10:00 Europe/Belgrade, otvorio/la Profiling Coordinator (coordinator@unhcr.example.org); rok 2026-11-29 10:00 Europe/Belgrade.',
    '| Organizacija | Glas | Komentar | Glasao/la | Kada | Važi |',
    '## Revizijski dnevnik',
  ],
  'sr-Cyrl': [
    '# Kosovo 2014: евиденција профилисања',
    '## Организације чланице и њихове контакт особе',
    '| Организација | Назив | Групе | Контакт особе |',
    '- Када: четвртак, 10. децембар 2026, 10:00 (Europe/Belgrade), 120 мин.',
    '- Стање: заказан.',
    '- Правило consensus, кворум ',
    '; отворен 2026-11-22 10:00 Europe/Belgrade, отворио/ла Profiling Coordinator (coordinator@unhcr.example.org); рок 2026-11-29 10:00 Europe/Belgrade.',
    '| Организација | Глас | Коментар | Гласао/ла | Када | Важи |',
    '## Ревизијски дневник',
  ],
};

describe("report.md of /exercise export, in the exercise's language", () => {
  for (const [language, lines] of Object.entries(REPORT)) {
    it(`writes the report of a ${language} exercise in ${language}, and the folder verifies`, () => {
      app = createTestApp();
      ok(app, `/exercise language ${language}`);
      meetingWithAgenda(app);
      ok(app, '/endorse open PWG Terms of Reference version:v1');
      ok(app, '/endorse vote E1 endorse', KAS);
      ok(app, '/exercise export');
      const folder = join(app.dir, 'exports', readdirSync(join(app.dir, 'exports'))[0]!);
      const report = readFileSync(join(folder, 'report.md'), 'utf8');
      for (const line of lines) expect(report, line).toContain(line);
      expect(verifyExport(folder).findings).toEqual([]);
    });
  }

  it('keeps an English report for an exercise in English, and for an export made before the language was recorded', () => {
    app = createTestApp();
    meetingWithAgenda(app);
    ok(app, '/exercise export');
    const folder = join(app.dir, 'exports', readdirSync(join(app.dir, 'exports'))[0]!);
    const report = readFileSync(join(folder, 'report.md'), 'utf8');
    expect(report.split('\n')[0]).toBe('# Kosovo 2014: the record of the exercise');
    expect(report).toContain('- When: Thu 10 Dec 2026, 10:00 (Europe/Belgrade), 120 minutes.');
    const record = JSON.parse(readFileSync(join(folder, 'record.json'), 'utf8'));
    expect(record.exercise.language).toBe('en');
    delete record.exercise.language;
    expect(reportMarkdown(record)).toBe(report);
  });
});
