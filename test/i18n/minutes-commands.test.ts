import { afterEach, describe, expect, it } from 'vitest';
import { COORDINATOR, createTestApp, snapshot, type TestApp } from '../helpers/app';
import { no, ok } from '../helpers/meetings';
import { meetingUnderWay } from '../helpers/minutes';
import type { Language } from '../../src/domain/vocabulary';

let app: TestApp;
afterEach(() => app?.close());

/** A few words of each reply of the coordinator's minutes commands: enough to fail when one falls back to English. */
type Said = Record<
  | 'notStarted' | 'nothingCaptured' | 'note' | 'decision' | 'action' | 'duePassed' | 'attendance1' | 'attendance3' | 'attendance5'
  | 'published' | 'alreadyPublished' | 'corrected' | 'alreadyCorrected' | 'noNote' | 'afterPublication' | 'added' | 'correctedTwice' | 'noOrganisations' | 'correctionTooLong',
  string
>;

const SAID: Record<Exclude<Language, 'en'>, Said> = {
  sq: {
    correctionTooLong: 'Korrigjimi ka 2001 shenja; kufiri është 2000.',
    noOrganisations: 'Emërtoni organizatat e pranishme, p.sh. MCR UNHCR KAS.',
    notStarted: 'M1 fillon më Dielë, 20 Dhjetor 2026, 10:00 (Europe/Belgrade); procesverbali mbahet që nga fillimi i tij.',
    nothingCaptured: 'Ende nuk është regjistruar asgjë në procesverbalin e M2.',
    note: 'Shënimi 1 u regjistrua në procesverbalin e M2.',
    decision: 'Vendimi 1 u regjistrua në procesverbalin e M2.',
    action: 'Detyra A1 për KAS, me afat 2026-12-15, u regjistrua në procesverbalin e M2. Pikave të kontaktit të KAS u dërgohet kujtesë dy ditë përpara dhe në ditën e afatit',
    duePassed: '2026-11-15 ka kaluar; afati i një detyre është sot ose më vonë (në Europe/Belgrade).',
    attendance1: 'Pjesëmarrja në M2 u regjistrua: 1 organizatë e pranishme (MCR).',
    attendance3: 'Pjesëmarrja në M2 u regjistrua: 3 organizata të pranishme (MCR, UNHCR, KAS).',
    attendance5: 'Pjesëmarrja në M2 u regjistrua: 5 organizata të pranishme (MCR, UNHCR, KAS, DRC, UNDP).',
    published: 'Procesverbali i M2 (versioni 1) u publikua për PWG, në kohë (afati 2026-12-08): 14 persona, 14 mesazhe (14 e-maile).',
    alreadyPublished: 'Procesverbali i M2 u publikua më 2026-12-01 10:30 Europe/Belgrade; procesverbali i publikuar nuk ndryshohet kurrë.',
    corrected: 'U publikua versioni 2 i procesverbalit të M2, që korrigjon versionin 1 (u korrigjua shënimi 1): 14 persona, 14 mesazhe (14 e-maile).',
    alreadyCorrected: 'Versioni 2 i procesverbalit të M2 e bëri tashmë këtë korrigjim; nuk bëhet sërish.',
    noNote: 'Procesverbali i M2 nuk ka shënimin 9: ka vetëm shënimin 1.',
    afterPublication: 'Shënimi 2 u regjistrua në procesverbalin e M2. Procesverbali i M2 u publikua (v2) dhe nuk ndryshohet kurrë',
    added: 'U publikua versioni 3 i procesverbalit të M2, që korrigjon versionin 2 (u shtuan: 1 shënim)',
    correctedTwice: 'Procesverbali i M2 u publikua më 2026-12-01 10:30 Europe/Belgrade dhe u korrigjua 2 herë;',
  },
  'sr-Latn': {
    correctionTooLong: 'Ispravka je preduga (2001 znakova); najviše je 2000.',
    noOrganisations: 'Navedite prisutne organizacije, na primer MCR UNHCR KAS.',
    notStarted: 'M1 počinje nedelja, 20. decembar 2026, 10:00 (Europe/Belgrade); zapisnik se vodi od njegovog početka.',
    nothingCaptured: 'U zapisnik sa sastanka M2 još ništa nije uneto.',
    note: 'Beleška 1 je uneta u zapisnik sa sastanka M2.',
    decision: 'Odluka 1 je uneta u zapisnik sa sastanka M2.',
    action: 'Zadatak A1 za organizaciju KAS, rok 2026-12-15, unet je u zapisnik sa sastanka M2. Kontakt osobe organizacije KAS dobijaju podsetnik dva dana pre roka i na dan roka',
    duePassed: '2026-11-15 je prošao; rok zadatka je danas ili kasnije (u zoni Europe/Belgrade).',
    attendance1: 'Prisustvo na sastanku M2 je zabeleženo: prisutna je 1 organizacija (MCR).',
    attendance3: 'Prisustvo na sastanku M2 je zabeleženo: prisutne su 3 organizacije (MCR, UNHCR, KAS).',
    attendance5: 'Prisustvo na sastanku M2 je zabeleženo: prisutno je 5 organizacija (MCR, UNHCR, KAS, DRC, UNDP).',
    published: 'Objavljen je zapisnik sa sastanka M2 (verzija 1) za grupu PWG, na vreme (rok 2026-12-08): 14 osoba, 14 poruka (14 e-poruka).',
    alreadyPublished: 'Zapisnik sa sastanka M2 objavljen je 2026-12-01 10:30 Europe/Belgrade; objavljen zapisnik se nikad ne menja.',
    corrected: 'Objavljena je verzija 2 zapisnika sa sastanka M2, kao ispravka verzije 1 (ispravljeno: beleška 1): 14 osoba, 14 poruka (14 e-poruka).',
    alreadyCorrected: 'Verzija 2 zapisnika sa sastanka M2 već je unela ovu ispravku; ona se ne unosi ponovo.',
    noNote: 'Zapisnik sa sastanka M2 nema belešku 9: sadrži samo belešku 1.',
    afterPublication: 'Beleška 2 je uneta u zapisnik sa sastanka M2. Zapisnik sa sastanka M2 objavljen je (v2) i nikad se ne menja',
    added: 'Objavljena je verzija 3 zapisnika sa sastanka M2, kao ispravka verzije 2 (dodato: 1 beleška)',
    correctedTwice: 'Zapisnik sa sastanka M2 objavljen je 2026-12-01 10:30 Europe/Belgrade i ispravljen 2 puta;',
  },
  'sr-Cyrl': {
    correctionTooLong: 'Исправка је предуга (2001 знакова); највише је 2000.',
    noOrganisations: 'Наведите присутне организације, на пример MCR UNHCR KAS.',
    notStarted: 'M1 почиње недеља, 20. децембар 2026, 10:00 (Europe/Belgrade); записник се води од његовог почетка.',
    nothingCaptured: 'У записник са састанка M2 још ништа није унето.',
    note: 'Белешка 1 је унета у записник са састанка M2.',
    decision: 'Одлука 1 је унета у записник са састанка M2.',
    action: 'Задатак A1 за организацију KAS, рок 2026-12-15, унет је у записник са састанка M2. Контакт особе организације KAS добијају подсетник два дана пре рока и на дан рока',
    duePassed: '2026-11-15 је прошао; рок задатка је данас или касније (у зони Europe/Belgrade).',
    attendance1: 'Присуство на састанку M2 је забележено: присутна је 1 организација (MCR).',
    attendance3: 'Присуство на састанку M2 је забележено: присутне су 3 организације (MCR, UNHCR, KAS).',
    attendance5: 'Присуство на састанку M2 је забележено: присутно је 5 организација (MCR, UNHCR, KAS, DRC, UNDP).',
    published: 'Објављен је записник са састанка M2 (верзија 1) за групу PWG, на време (рок 2026-12-08): 14 особа, 14 порука (14 е-порука).',
    alreadyPublished: 'Записник са састанка M2 објављен је 2026-12-01 10:30 Europe/Belgrade; објављен записник се никад не мења.',
    corrected: 'Објављена је верзија 2 записника са састанка M2, као исправка верзије 1 (исправљено: белешка 1): 14 особа, 14 порука (14 е-порука).',
    alreadyCorrected: 'Верзија 2 записника са састанка M2 већ је унела ову исправку; она се не уноси поново.',
    noNote: 'Записник са састанка M2 нема белешку 9: садржи само белешку 1.',
    afterPublication: 'Белешка 2 је унета у записник са састанка M2. Записник са састанка M2 објављен је (v2) и никад се не мења',
    added: 'Објављена је верзија 3 записника са састанка M2, као исправка верзије 2 (додато: 1 белешка)',
    correctedTwice: 'Записник са састанка M2 објављен је 2026-12-01 10:30 Europe/Belgrade и исправљен 2 пута;',
  },
};

describe("the coordinator's minutes commands in the coordinator's language", () => {
  for (const [language, said] of Object.entries(SAID)) {
    it(`captures, publishes and corrects minutes in ${language}; a refusal changes nothing`, async () => {
      app = createTestApp({ now: '2026-11-10T09:00:00Z' });
      ok(app, `/members language ${COORDINATOR} ${language}`);
      ok(app, '/meeting schedule PWG 2026-12-20 10:00 Later');
      let before = snapshot(app.db);
      expect(no(app, '/minutes note M1 Too early').reply).toContain(said.notStarted);
      expect(snapshot(app.db)).toBe(before);

      const id = await meetingUnderWay(app);
      expect(id).toBe('M2');
      before = snapshot(app.db);
      expect(no(app, '/minutes publish M2').reply).toContain(said.nothingCaptured);
      expect(no(app, '/minutes correct M2 Note 1: x').code).toBe('rule');
      expect(no(app, '/minutes action M2 KAS 2026-11-15 Too late').reply).toBe(said.duePassed);
      expect(no(app, '/minutes attendance M2 ,').reply).toBe(said.noOrganisations);
      expect(snapshot(app.db)).toBe(before);

      expect(ok(app, '/minutes note M2 UNHCR presented the draft TOR')).toBe(said.note);
      expect(ok(app, '/minutes decision M2 The TOR is agreed')).toBe(said.decision);
      expect(ok(app, '/minutes action M2 KAS 2026-12-15 Share the sampling frame')).toContain(said.action);
      // Counted organisations: one, few (Serbian) and other.
      expect(ok(app, '/minutes attendance M2 MCR')).toBe(said.attendance1);
      expect(ok(app, '/minutes attendance M2 MCR UNHCR KAS DRC UNDP')).toBe(said.attendance5);
      expect(ok(app, '/minutes attendance M2 MCR UNHCR KAS')).toBe(said.attendance3);

      expect(ok(app, '/minutes publish M2')).toBe(said.published);
      before = snapshot(app.db);
      expect(no(app, '/minutes publish M2').reply).toContain(said.alreadyPublished);
      expect(no(app, '/minutes correct M2 Note 9: x').reply).toContain(said.noNote);
      expect(no(app, `/minutes correct M2 ${'x'.repeat(2001)}`).reply).toBe(said.correctionTooLong);
      expect(snapshot(app.db)).toBe(before);
      expect(ok(app, '/minutes correct M2 Note 1: UNHCR presented the second draft')).toContain(said.corrected);
      before = snapshot(app.db);
      expect(no(app, '/minutes correct M2 Note 1: UNHCR presented the second draft').reply).toContain(said.alreadyCorrected);
      expect(snapshot(app.db)).toBe(before);
      expect(ok(app, '/minutes note M2 Another point')).toContain(said.afterPublication);
      expect(ok(app, '/minutes correct M2 the date was wrong')).toContain(said.added);
      expect(no(app, '/minutes publish M2').reply).toContain(said.correctedTwice);
    });
  }
});
