import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cliSandbox, runCli } from '../helpers/cli';
import { COORDINATOR, createTestApp, snapshot, type TestApp } from '../helpers/app';
import { no, ok } from '../helpers/meetings';
import type { Language } from '../../src/domain/vocabulary';

let app: TestApp;
afterEach(() => app?.close());

const KAS = 'focal@kas.example.org';
const OBSERVER = 'support@jips.example.org';
const NEW = 'focal@mfa.example.org';
const GUEST = 'guest@osce.example.org';

/** A few words of each of the coordinator's replies about members: enough to fail when one falls back to English. */
type Said = Record<
  | 'orgAdded' | 'orgAlready' | 'noOrg' | 'focalAdded' | 'focalAlready' | 'focalElsewhere' | 'focalIsObserver'
  | 'observerAdded' | 'observerIsFocal' | 'roleAlready' | 'notMember' | 'onlyCoordinator' | 'noOrgToSpeakFor' | 'roleSet' | 'noFocalLeft'
  | 'notFocalOf' | 'removed' | 'languageOther' | 'zoneOther',
  string
>;

const SAID: Record<Exclude<Language, 'en'>, Said> = {
  sq: {
    orgAdded: 'MFA (Ministry of Foreign Affairs) u shtua në PWG dhe në PMG. Caktoni pikën e kontaktit të saj: /members add-focal MFA <e-mail> <emri>.',
    orgAlready: 'KAS është tashmë organizatë anëtare (Kosovo Agency for Statistics).',
    noOrg: 'Nuk ka organizatë anëtare XYZ në Kosovo 2014. Të njohura: MCR, UNHCR',
    focalAdded: 'Arta Berisha <focal@mfa.example.org> tani është pikë kontakti e MFA.',
    focalAlready: 'focal@mfa.example.org është tashmë pikë kontakti e MFA.',
    focalElsewhere: 'focal@mfa.example.org është pikë kontakti e MFA; një person flet vetëm për një organizatë.',
    focalIsObserver: 'support@jips.example.org është vëzhgues këtu. Ndryshojini rolin me /members role support@jips.example.org focal',
    observerAdded: 'Ana Guest <guest@osce.example.org> tani është vëzhgues: merr njoftimet e grupit',
    observerIsFocal: 'focal@kas.example.org është tashmë pikë kontakti e KAS. Për ta bërë vëzhgues: /members role focal@kas.example.org observer.',
    roleAlready: 'guest@osce.example.org është tashmë vëzhgues.',
    notMember: 'nobody@example.org nuk është anëtar i Kosovo 2014.',
    onlyCoordinator: 'coordinator@unhcr.example.org është i vetmi koordinator',
    noOrgToSpeakFor: 'guest@osce.example.org nuk ka organizatë në emër të së cilës të flasë. Përdorni në vend të kësaj /members add-focal <akronimi> guest@osce.example.org <emri>.',
    roleSet: 'Arta Berisha <focal@mfa.example.org> tani është vëzhgues (më parë pikë kontakti).',
    noFocalLeft: 'MFA tani nuk ka pikë kontakti: nuk mund të marrë njoftime as të votojë derisa të shtoni një (/members add-focal MFA <e-mail> <emri>).',
    notFocalOf: 'focal@mfa.example.org nuk është pikë kontakti e MFA. Shihni /members list.',
    removed: 'Valon Morina <focal@kas.example.org> nuk është më pikë kontakti e KAS; lidhjet në e-mailet që iu dërguan nuk funksionojnë më.',
    languageOther: 'Luan Berisha <focal@unhcr.example.org> tani i merr mesazhet në serbisht me alfabet cirilik',
    zoneOther: 'Luan Berisha <focal@unhcr.example.org> tani i sheh oraret në America/New_York, me orën e Kosovo 2014',
  },
  'sr-Latn': {
    orgAdded: 'Organizacija MFA (Ministry of Foreign Affairs) dodata je u PWG i PMG. Odredite njenu kontakt osobu: /members add-focal MFA <adresa> <ime>.',
    orgAlready: 'KAS je već organizacija članica (Kosovo Agency for Statistics).',
    noOrg: 'U profilisanju Kosovo 2014 ne postoji organizacija članica XYZ. Postoje: MCR, UNHCR',
    focalAdded: 'Arta Berisha <focal@mfa.example.org> je sada kontakt osoba organizacije MFA.',
    focalAlready: 'focal@mfa.example.org je već kontakt osoba organizacije MFA.',
    focalElsewhere: 'focal@mfa.example.org je kontakt osoba organizacije MFA; jedna osoba govori u ime samo jedne organizacije.',
    focalIsObserver: 'support@jips.example.org je ovde posmatrač. Promenite ulogu komandom /members role support@jips.example.org focal',
    observerAdded: 'Ana Guest <guest@osce.example.org> je sada posmatrač: prima obaveštenja grupe',
    observerIsFocal: 'focal@kas.example.org je već kontakt osoba organizacije KAS. Da postane posmatrač: /members role focal@kas.example.org observer.',
    roleAlready: 'guest@osce.example.org je već posmatrač.',
    notMember: 'nobody@example.org nije član profilisanja Kosovo 2014.',
    onlyCoordinator: 'coordinator@unhcr.example.org je jedini koordinator',
    noOrgToSpeakFor: 'guest@osce.example.org nema organizaciju u čije ime bi govorio/la. Umesto toga upotrebite /members add-focal <akronim> guest@osce.example.org <ime>.',
    roleSet: 'Arta Berisha <focal@mfa.example.org> je sada posmatrač (ranije kontakt osoba).',
    noFocalLeft: 'Organizacija MFA sada nema kontakt osobu: ne može da prima obaveštenja ni da glasa dok je ne dodate (/members add-focal MFA <adresa> <ime>).',
    notFocalOf: 'focal@mfa.example.org nije kontakt osoba organizacije MFA. Pogledajte /members list.',
    removed: 'Valon Morina <focal@kas.example.org> više nije kontakt osoba organizacije KAS; linkovi u porukama e-pošte koje su joj poslate više ne rade.',
    languageOther: 'Luan Berisha <focal@unhcr.example.org> od sledeće poruke prima poruke na srpskom, ćirilicom.',
    zoneOther: 'Luan Berisha <focal@unhcr.example.org> sada vidi vreme u zoni America/New_York, a pored njega vreme profilisanja Kosovo 2014',
  },
  'sr-Cyrl': {
    orgAdded: 'Организација MFA (Ministry of Foreign Affairs) додата је у PWG и PMG. Одредите њену контакт особу: /members add-focal MFA <адреса> <име>.',
    orgAlready: 'KAS је већ организација чланица (Kosovo Agency for Statistics).',
    noOrg: 'У профилисању Kosovo 2014 не постоји организација чланица XYZ. Постоје: MCR, UNHCR',
    focalAdded: 'Arta Berisha <focal@mfa.example.org> је сада контакт особа организације MFA.',
    focalAlready: 'focal@mfa.example.org је већ контакт особа организације MFA.',
    focalElsewhere: 'focal@mfa.example.org је контакт особа организације MFA; једна особа говори у име само једне организације.',
    focalIsObserver: 'support@jips.example.org је овде посматрач. Промените улогу командом /members role support@jips.example.org focal',
    observerAdded: 'Ana Guest <guest@osce.example.org> је сада посматрач: прима обавештења групе',
    observerIsFocal: 'focal@kas.example.org је већ контакт особа организације KAS. Да постане посматрач: /members role focal@kas.example.org observer.',
    roleAlready: 'guest@osce.example.org је већ посматрач.',
    notMember: 'nobody@example.org није члан профилисања Kosovo 2014.',
    onlyCoordinator: 'coordinator@unhcr.example.org је једини координатор',
    noOrgToSpeakFor: 'guest@osce.example.org нема организацију у чије име би говорио/ла. Уместо тога употребите /members add-focal <акроним> guest@osce.example.org <име>.',
    roleSet: 'Arta Berisha <focal@mfa.example.org> је сада посматрач (раније контакт особа).',
    noFocalLeft: 'Организација MFA сада нема контакт особу: не може да прима обавештења ни да гласа док је не додате (/members add-focal MFA <адреса> <име>).',
    notFocalOf: 'focal@mfa.example.org није контакт особа организације MFA. Погледајте /members list.',
    removed: 'Valon Morina <focal@kas.example.org> више није контакт особа организације KAS; линкови у порукама е-поште које су јој послате више не раде.',
    languageOther: 'Luan Berisha <focal@unhcr.example.org> од следеће поруке прима поруке на српском, ћирилицом.',
    zoneOther: 'Luan Berisha <focal@unhcr.example.org> сада види време у зони America/New_York, а поред њега време профилисања Kosovo 2014',
  },
};

/** The refusals of the arguments of the members commands. */
const ARGUMENTS = {
  sq: {
    acronym: 'Akronimi i një organizate ka 1 deri në 16 shkronja, shifra, "&", "." ose "-", dhe fillon me shkronjë (p.sh. UNHCR).',
    noAddress: 'Emri shkruhet pa <, >, @ ose thonjëza (adresa e e-mailit jepet veçmas).',
    lines: 'Emri duhet të jetë një rresht tekst i thjeshtë, pa kalime rreshti ose shenja kontrolli.',
    role: 'Roli është njëri nga: coordinator, observer, focal.',
  },
  'sr-Latn': {
    acronym: 'Akronim organizacije ima od 1 do 16 slova, cifara, „&“, „.“ ili „-“ i počinje slovom (npr. UNHCR).',
    noAddress: 'Ime se piše bez <, >, @ i navodnika (adresa e-pošte se navodi posebno).',
    lines: 'Ime mora biti jedan red običnog teksta, bez prelaska u novi red i kontrolnih znakova.',
    role: 'Uloga je jedna od: coordinator, observer, focal.',
  },
  'sr-Cyrl': {
    acronym: 'Акроним организације има од 1 до 16 слова, цифара, „&“, „.“ или „-“ и почиње словом (нпр. UNHCR).',
    noAddress: 'Име се пише без <, >, @ и наводника (адреса е-поште се наводи посебно).',
    lines: 'Име мора бити један ред обичног текста, без преласка у нови ред и контролних знакова.',
    role: 'Улога је једна од: coordinator, observer, focal.',
  },
};

describe("the coordinator's commands about members, in the coordinator's language", () => {
  for (const [language, said] of Object.entries(SAID)) {
    it(`answers a coordinator who reads ${language}, accepted and refused, and a refusal changes nothing`, () => {
      app = createTestApp();
      ok(app, `/members language me ${language}`);
      const refusedAlone = (text: string, sentence: string) => {
        const before = snapshot(app.db);
        expect(no(app, text).reply, text).toContain(sentence);
        expect(snapshot(app.db), text).toBe(before);
      };

      expect(ok(app, '/members add-org MFA Ministry of Foreign Affairs pmg')).toBe(said.orgAdded);
      refusedAlone('/members add-org KAS Kosovo Agency', said.orgAlready);
      refusedAlone(`/members add-focal XYZ ${NEW} Arta Berisha`, said.noOrg);
      expect(ok(app, `/members add-focal MFA ${NEW} Arta Berisha`)).toBe(said.focalAdded);
      refusedAlone(`/members add-focal MFA ${NEW} Arta Berisha`, said.focalAlready);
      refusedAlone(`/members add-focal KAS ${NEW} Arta Berisha`, said.focalElsewhere);
      refusedAlone(`/members add-focal KAS ${OBSERVER} JIPS`, said.focalIsObserver);
      expect(ok(app, `/members add-observer ${GUEST} Ana Guest`)).toContain(said.observerAdded);
      refusedAlone(`/members add-observer ${KAS} Valon Morina`, said.observerIsFocal);

      refusedAlone(`/members role ${GUEST} observer`, said.roleAlready);
      refusedAlone('/members role nobody@example.org observer', said.notMember);
      refusedAlone(`/members role ${COORDINATOR} observer`, said.onlyCoordinator);
      refusedAlone(`/members role ${GUEST} focal`, said.noOrgToSpeakFor);
      // MFA's only focal point becomes an observer: the organisation is left without one, and that is said.
      expect(ok(app, `/members role ${NEW} observer`)).toBe(`${said.roleSet} ${said.noFocalLeft}`);

      refusedAlone(`/members remove-focal MFA ${NEW}`, said.notFocalOf);
      expect(ok(app, `/members remove-focal KAS ${KAS}`)).toBe(`${said.removed} ${said.noFocalLeft.replaceAll('MFA', 'KAS')}`);

      expect(ok(app, '/members language focal@unhcr.example.org sr-Cyrl')).toContain(said.languageOther);
      expect(ok(app, '/members timezone focal@unhcr.example.org America/New_York')).toContain(said.zoneOther);
    });
  }

  it('names the values a usage line asks for in the reader language, and keeps command, option and choice words', () => {
    app = createTestApp();
    const missing: Record<Exclude<Language, 'en'>, string> = {
      sq: 'Mungon <e-mail>. Përdorimi: /members add-focal <akronimi> <e-mail> <emri...>',
      'sr-Latn': 'Nedostaje <adresa>. Upotreba: /members add-focal <akronim> <adresa> <ime...>',
      'sr-Cyrl': 'Недостаје <адреса>. Употреба: /members add-focal <акроним> <адреса> <име...>',
    };
    const options: Record<Exclude<Language, 'en'>, string> = {
      sq: '/meeting schedule <PWG|PMG> <data> <ora> <titulli...> [milestone:<tor|methodology|findings|report>] [where:"..."] [duration:<minuta>] [urgent:"<arsyeja>"]',
      'sr-Latn': '/meeting schedule <PWG|PMG> <datum> <vreme> <naslov...> [milestone:<tor|methodology|findings|report>] [where:"..."] [duration:<minuti>] [urgent:"<razlog>"]',
      'sr-Cyrl': '/meeting schedule <PWG|PMG> <датум> <време> <наслов...> [milestone:<tor|methodology|findings|report>] [where:"..."] [duration:<минути>] [urgent:"<разлог>"]',
    };
    expect(no(app, '/members add-focal KAS').reply).toBe('Missing <email>. Usage: /members add-focal <acronym> <email> <name...>');
    for (const [language, sentence] of Object.entries(missing)) {
      ok(app, `/members language me ${language}`);
      const before = snapshot(app.db);
      expect(no(app, '/members add-focal KAS').reply).toBe(sentence);
      expect(snapshot(app.db)).toBe(before);
      expect(ok(app, '/help meeting schedule').split('\n')[0]).toBe(options[language as keyof typeof options]);
      const help = ok(app, '/help members add-org').split('\n');
      expect(help[0]).toBe(ADD_ORG_HELP[language as keyof typeof ADD_ORG_HELP][0]);
      expect(help[1]).toBe(ADD_ORG_HELP[language as keyof typeof ADD_ORG_HELP][1]);
      // A list of choices is the grammar, in the usage as in the refusal.
      expect(no(app, '/members role').reply).toContain('<coordinator|observer|focal>');
      const said = ARGUMENTS[language as keyof typeof ARGUMENTS];
      expect(no(app, '/members add-org <!channel> Everyone').reply).toBe(said.acronym);
      expect(no(app, '/members add-focal KAS evil@kas.example.org Evil <boss@kas.example.org>').reply).toBe(said.noAddress);
      expect(no(app, '/members add-observer evil@example.org Evil\r\nBcc: all@example.org').reply).toBe(said.lines);
      expect(no(app, `/members role ${KAS} boss`).reply).toBe(said.role);
      expect(snapshot(app.db)).toBe(before);
    }
  });

  it('keeps English as it was', () => {
    app = createTestApp();
    expect(ok(app, '/members add-org MFA Ministry of Foreign Affairs')).toBe('Added MFA (Ministry of Foreign Affairs) to the PWG. Name its focal point: /members add-focal MFA <email> <name>.');
    expect(ok(app, `/members add-focal MFA ${NEW} Arta Berisha`)).toBe('Arta Berisha <focal@mfa.example.org> is now a focal point of MFA.');
    expect(no(app, `/members add-focal MFA ${NEW} Arta`).reply).toBe('focal@mfa.example.org is already a focal point of MFA.');
    expect(ok(app, `/members role ${NEW} coordinator`)).toBe(
      'Arta Berisha <focal@mfa.example.org> is now a coordinator (was a focal point). MFA now has no focal point: it cannot receive notices or vote until you add one (/members add-focal MFA <email> <name>).',
    );
    expect(no(app, '/members add-focal XYZ x@example.org X').reply).toBe(
      'There is no member organisation XYZ in Kosovo 2014. Known: MCR, UNHCR, DRC, UNDP, IOM, KAS, SCR, UNFPA, UNICEF, OSCE, MFA. Add it with /members add-org.',
    );
  });
});

describe("the coordinator's members commands from the one-shot CLI", () => {
  for (const [language, said] of Object.entries(SAID)) {
    it(`answers a ${language} coordinator: the reply (exit 0), a refusal and a missing argument (exit 1)`, async () => {
      const box = cliSandbox();
      const at = (...args: string[]) => runCli(['--now', '2026-11-22T10:00:00Z', ...args], box.env);
      try {
        expect((await runCli(['init', '--example', 'kosovo', '--now', '2026-11-22T09:00:00Z'], box.env)).code).toBe(0);
        expect((await at(`/members language me ${language}`)).code).toBe(0);
        expect(await at('/members add-org MFA Ministry of Foreign Affairs pmg')).toMatchObject({ code: 0, stdout: `${said.orgAdded}\n` });
        expect(await at('/members add-org KAS Kosovo Agency')).toMatchObject({ code: 1, stdout: `${said.orgAlready}\n` });
        const missing = await at('/members add-focal KAS');
        expect(missing.code).toBe(1);
        expect(missing.stdout).toContain(ARGUMENTS_USAGE[language as keyof typeof ARGUMENTS_USAGE]);
      } finally {
        rmSync(box.dir, { recursive: true, force: true });
      }
    });
  }
});

/** The usage a missing argument of /members add-focal shows. */
const ARGUMENTS_USAGE = {
  sq: '/members add-focal <akronimi> <e-mail> <emri...>',
  'sr-Latn': '/members add-focal <akronim> <adresa> <ime...>',
  'sr-Cyrl': '/members add-focal <акроним> <адреса> <име...>',
};

/** /help members add-org: its usage and summary in the reader's words. */
const ADD_ORG_HELP = {
  sq: ['/members add-org <akronimi> <emri...> [pmg]', 'Shton një organizatë anëtare në PWG; me "pmg" ajo është edhe në Grupin e Menaxhimit të Profilizimit.'],
  'sr-Latn': ['/members add-org <akronim> <ime...> [pmg]', 'Dodaje organizaciju članicu u PWG; sa „pmg“ ona je i u Upravljačkoj grupi za profilisanje.'],
  'sr-Cyrl': ['/members add-org <акроним> <име...> [pmg]', 'Додаје организацију чланицу у PWG; са „pmg“ она је и у Управљачкој групи за профилисање.'],
};
