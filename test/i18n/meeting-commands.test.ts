import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { COORDINATOR, createTestApp, snapshot, type TestApp } from '../helpers/app';
import { no, ok } from '../helpers/meetings';
import { cliSandbox, runCli } from '../helpers/cli';
import { translate } from '../../src/i18n/catalogue';
import type { Language } from '../../src/domain/vocabulary';

let app: TestApp;
afterEach(() => app?.close());

/** A few words of each reply of the coordinator's meeting commands: enough to fail when one falls back to English. */
type Said = Record<
  | 'scheduled' | 'deadline' | 'next' | 'past' | 'deadlinePassed' | 'pmgMilestone' | 'noAgenda'
  | 'added' | 'moved' | 'noItem' | 'sent' | 'unreachable' | 'alreadySent'
  | 'noticesHead' | 'noticesSent' | 'noticesLine' | 'noticesOthers' | 'alreadyOn' | 'postponed' | 'told' | 'cancelled' | 'notSent' | 'closed'
  | 'removeUsage' | 'newPosition' | 'placeEmpty' | 'milestoneWord' | 'reach',
  string
>;

const SAID: Record<Exclude<Language, 'en'>, Said> = {
  sq: {
    reach: '9 nga 10 organizata u njoftuan brenda afatit.',
    placeEmpty: 'Vendi është bosh.',
    milestoneWord: 'Për milestone: jepni njërën nga: tor, methodology, findings, report.',
    removeUsage: 'Përdorimi: /meeting agenda M1 remove <n>.',
    newPosition: 'Vendi i ri është një numër pike siç i rendit /meeting agenda <id> show, p.sh. 2.',
    scheduled: 'U caktua M1: takim i PWG "Agree the TOR" më Martë, 1 Dhjetor 2026, 10:00 (Europe/Belgrade), 21 minuta, në UNHCR office, takim kyç: tor.',
    deadline: 'Afati i njoftimit: Martë, 24 Nëntor 2026, 10:00 (Europe/Belgrade): rendi i ditës dhe ftesa duhet',
    next: 'Hapi tjetër: /meeting agenda M1 add <pika>, pastaj /meeting send M1.',
    past: 'është në të kaluarën (tani është 2026-11-10 10:00 Europe/Belgrade).',
    deadlinePassed: 'Takimi i PWG më 2026-11-12 duhet ta ketë rendin e ditës të dërguar deri më 2026-11-05 10:00 Europe/Belgrade; ky afat ka kaluar.',
    pmgMilestone: 'Takimet kyçe të TOR-it (tor) janë takime të të gjithë PWG',
    noAgenda: 'M1 ende nuk ka rend dite',
    added: 'Pika 2 u shtua në rendin e ditës të M1.\nRendi i ditës i M1 (PWG, Martë, 1 Dhjetor 2026, 10:00 (Europe/Belgrade)):',
    moved: 'Pika 2 ("Roles") u zhvendos në vendin 1.',
    noItem: 'Nuk ka pikë 7. Rendi i ditës i M1 ka pikat 1 deri 2.',
    sent: 'Ftesa dhe rendi i ditës i M1 (PWG, Martë, 1 Dhjetor 2026, 10:00 (Europe/Belgrade)) u dërguan te 13 persona (11 pika kontakti, 1 koordinator, 1 vëzhgues), 13 mesazhe (13 e-maile), në kohë për afatin e njoftimit',
    unreachable: 'Pa u arritur: KAS nuk ka pikë kontakti; shtoni një me /members add-focal KAS <email> <name>',
    alreadySent: 'Njoftimi i M1 u dërgua më Martë, 10 Nëntor 2026, 10:00 (Europe/Belgrade) dhe që atëherë asgjë nuk ka ndryshuar.',
    noticesHead: 'Njoftimet e takimit të PWG M1 "Agree the TOR" më Martë, 1 Dhjetor 2026, 10:00 (Europe/Belgrade).',
    noticesSent: 'Dërguar: v1 ftesë 2026-11-10 10:00 Europe/Belgrade.',
    noticesLine: '    v1 ftesë, e-mail focal@mcr.example.org: dorëzuar 2026-11-10 10:00 Europe/Belgrade, në kohë, id ',
    noticesOthers: '  JIPS Technical Profiling Coordinator <support@jips.example.org> (vëzhgues)',
    alreadyOn: 'M1 është tashmë më Martë, 1 Dhjetor 2026, 10:00 (Europe/Belgrade).',
    postponed: 'M1 u zhvendos nga Martë, 1 Dhjetor 2026, 10:00 (Europe/Belgrade) në Enjte, 3 Dhjetor 2026, 10:00 (Europe/Belgrade) (venue).',
    told: 'Anëtarët u njoftuan dhe kalendarët e tyre u përditësuan: 13 persona',
    cancelled: 'U anulua M1, takimi i PWG "Agree the TOR" më Enjte, 3 Dhjetor 2026, 10:00 (Europe/Belgrade) (not ready). Anëtarët u njoftuan dhe ngjarja u anulua në kalendarët e tyre: 13 persona',
    notSent: 'Njoftimi i tij nuk ishte dërguar, prandaj askush tjetër nuk njoftohet.',
    closed: 'M1 u anulua (not ready); nuk mund të ndryshohet.',
  },
  'sr-Latn': {
    reach: 'Do roka obavešteno 9 od 10 organizacija.',
    placeEmpty: 'Mesto je prazno.',
    milestoneWord: 'Za milestone: navedite jedno od: tor, methodology, findings, report.',
    removeUsage: 'Upotreba: /meeting agenda M1 remove <n>.',
    newPosition: 'Novo mesto je broj tačke kako ih navodi /meeting agenda <id> show, na primer 2.',
    scheduled: 'Zakazan je M1: sastanak grupe PWG „Agree the TOR“ za utorak, 1. decembar 2026, 10:00 (Europe/Belgrade), 21 minut, mesto: UNHCR office, ključni sastanak: tor.',
    deadline: 'Rok za obaveštenje: utorak, 24. novembar 2026, 10:00 (Europe/Belgrade): dnevni red i poziv moraju',
    next: 'Sledeće: /meeting agenda M1 add <tačka>, zatim /meeting send M1.',
    past: 'je u prošlosti (sada je 2026-11-10 10:00 Europe/Belgrade).',
    deadlinePassed: 'Dnevni red sastanka grupe PWG zakazanog za 2026-11-12 mora biti poslat do 2026-11-05 10:00 Europe/Belgrade; taj rok je prošao.',
    pmgMilestone: 'Ključni sastanci iz TOR-a (tor) su sastanci cele grupe PWG',
    noAgenda: 'M1 još nema dnevni red',
    added: 'Tačka 2 je dodata u dnevni red sastanka M1.\nDnevni red sastanka M1 (PWG, utorak, 1. decembar 2026, 10:00 (Europe/Belgrade)):',
    moved: 'Tačka 2 („Roles“) je premeštena na mesto 1.',
    noItem: 'Ne postoji tačka 7. Dnevni red sastanka M1 ima tačke od 1 do 2.',
    sent: 'Poslati su poziv i dnevni red sastanka M1 (PWG, utorak, 1. decembar 2026, 10:00 (Europe/Belgrade)), primaoci: 13 osoba (11 kontakt osoba, 1 koordinator, 1 posmatrač), 13 poruka (13 e-poruka); na vreme za rok za obaveštenje',
    unreachable: 'Nije obaveštena: KAS nema kontakt osobu; dodajte je komandom /members add-focal KAS <email> <name>',
    alreadySent: 'Obaveštenje o sastanku M1 poslato je utorak, 10. novembar 2026, 10:00 (Europe/Belgrade) i od tada se ništa nije promenilo.',
    noticesHead: 'Obaveštenja o sastanku grupe PWG M1 „Agree the TOR“, utorak, 1. decembar 2026, 10:00 (Europe/Belgrade).',
    noticesSent: 'Poslato: v1 poziv 2026-11-10 10:00 Europe/Belgrade.',
    noticesLine: '    v1 poziv, e-pošta focal@mcr.example.org: predato 2026-11-10 10:00 Europe/Belgrade, na vreme, id ',
    noticesOthers: '  JIPS Technical Profiling Coordinator <support@jips.example.org> (posmatrač)',
    alreadyOn: 'M1 je već zakazan za utorak, 1. decembar 2026, 10:00 (Europe/Belgrade).',
    postponed: 'M1 je pomeren (venue). Bilo je: utorak, 1. decembar 2026, 10:00 (Europe/Belgrade); sada je: četvrtak, 3. decembar 2026, 10:00 (Europe/Belgrade).',
    told: 'Članovi su obavešteni, a njihovi kalendari ažurirani: 13 osoba',
    cancelled: 'Otkazan je M1, sastanak grupe PWG „Agree the TOR“ zakazan za četvrtak, 3. decembar 2026, 10:00 (Europe/Belgrade) (not ready). Članovi su obavešteni, a događaj je otkazan u njihovim kalendarima: 13 osoba',
    notSent: 'Obaveštenje o njemu nije bilo poslato, pa niko drugi ne dobija obaveštenje.',
    closed: 'M1 je otkazan (not ready); ne može da se menja.',
  },
  'sr-Cyrl': {
    reach: 'До рока обавештено 9 од 10 организација.',
    placeEmpty: 'Место је празно.',
    milestoneWord: 'За milestone: наведите једно од: tor, methodology, findings, report.',
    removeUsage: 'Употреба: /meeting agenda M1 remove <n>.',
    newPosition: 'Ново место је број тачке како их наводи /meeting agenda <id> show, на пример 2.',
    scheduled: 'Заказан је M1: састанак групе PWG „Agree the TOR“ за уторак, 1. децембар 2026, 10:00 (Europe/Belgrade), 21 минут, место: UNHCR office, кључни састанак: tor.',
    deadline: 'Рок за обавештење: уторак, 24. новембар 2026, 10:00 (Europe/Belgrade): дневни ред и позив морају',
    next: 'Следеће: /meeting agenda M1 add <тачка>, затим /meeting send M1.',
    past: 'је у прошлости (сада је 2026-11-10 10:00 Europe/Belgrade).',
    deadlinePassed: 'Дневни ред састанка групе PWG заказаног за 2026-11-12 мора бити послат до 2026-11-05 10:00 Europe/Belgrade; тај рок је прошао.',
    pmgMilestone: 'Кључни састанци из TOR-а (tor) су састанци целе групе PWG',
    noAgenda: 'M1 још нема дневни ред',
    added: 'Тачка 2 је додата у дневни ред састанка M1.\nДневни ред састанка M1 (PWG, уторак, 1. децембар 2026, 10:00 (Europe/Belgrade)):',
    moved: 'Тачка 2 („Roles“) је премештена на место 1.',
    noItem: 'Не постоји тачка 7. Дневни ред састанка M1 има тачке од 1 до 2.',
    sent: 'Послати су позив и дневни ред састанка M1 (PWG, уторак, 1. децембар 2026, 10:00 (Europe/Belgrade)), примаоци: 13 особа (11 контакт особа, 1 координатор, 1 посматрач), 13 порука (13 е-порука); на време за рок за обавештење',
    unreachable: 'Није обавештена: KAS нема контакт особу; додајте је командом /members add-focal KAS <email> <name>',
    alreadySent: 'Обавештење о састанку M1 послато је уторак, 10. новембар 2026, 10:00 (Europe/Belgrade) и од тада се ништа није променило.',
    noticesHead: 'Обавештења о састанку групе PWG M1 „Agree the TOR“, уторак, 1. децембар 2026, 10:00 (Europe/Belgrade).',
    noticesSent: 'Послато: v1 позив 2026-11-10 10:00 Europe/Belgrade.',
    noticesLine: '    v1 позив, е-пошта focal@mcr.example.org: предато 2026-11-10 10:00 Europe/Belgrade, на време, id ',
    noticesOthers: '  JIPS Technical Profiling Coordinator <support@jips.example.org> (посматрач)',
    alreadyOn: 'M1 је већ заказан за уторак, 1. децембар 2026, 10:00 (Europe/Belgrade).',
    postponed: 'M1 је померен (venue). Било је: уторак, 1. децембар 2026, 10:00 (Europe/Belgrade); сада је: четвртак, 3. децембар 2026, 10:00 (Europe/Belgrade).',
    told: 'Чланови су обавештени, а њихови календари ажурирани: 13 особа',
    cancelled: 'Отказан је M1, састанак групе PWG „Agree the TOR“ заказан за четвртак, 3. децембар 2026, 10:00 (Europe/Belgrade) (not ready). Чланови су обавештени, а догађај је отказан у њиховим календарима: 13 особа',
    notSent: 'Обавештење о њему није било послато, па нико други не добија обавештење.',
    closed: 'M1 је отказан (not ready); не може да се мења.',
  },
};

describe("the coordinator's meeting commands in the coordinator's language", () => {
  for (const [language, said] of Object.entries(SAID)) {
    it(`schedules, edits the agenda, sends, reports, postpones and cancels in ${language}; a refusal changes nothing`, async () => {
      app = createTestApp({ now: '2026-11-10T09:00:00Z' });
      ok(app, `/members language ${COORDINATOR} ${language}`);
      ok(app, '/members remove-focal KAS focal@kas.example.org');

      let before = snapshot(app.db);
      expect(no(app, '/meeting schedule PWG 2026-11-01 10:00 Past').reply).toContain(said.past);
      expect(no(app, '/meeting schedule PWG 2026-11-12 10:00 Soon').reply).toContain(said.deadlinePassed);
      expect(no(app, '/meeting schedule PMG 2026-12-02 10:00 Workplan milestone:tor').reply).toContain(said.pmgMilestone);
      expect(no(app, '/meeting schedule PWG 2026-12-02 10:00 Workplan where:""').reply).toBe(said.placeEmpty);
      expect(no(app, '/meeting schedule PWG 2026-12-02 10:00 Workplan milestone:kickoff').reply).toBe(said.milestoneWord);
      expect(snapshot(app.db)).toBe(before);

      const scheduled = ok(app, '/meeting schedule PWG 2026-12-01 10:00 Agree the TOR milestone:tor where:"UNHCR office" duration:21');
      expect(scheduled).toContain(said.scheduled);
      expect(scheduled).toContain(said.deadline);
      expect(scheduled).toContain(said.next);
      before = snapshot(app.db);
      expect(no(app, '/meeting send M1').reply).toContain(said.noAgenda);
      expect(snapshot(app.db)).toBe(before);

      ok(app, '/meeting agenda M1 add Review of the draft TOR');
      expect(ok(app, '/meeting agenda M1 add Roles')).toContain(said.added);
      expect(ok(app, '/meeting agenda M1 move 2 1')).toContain(said.moved);
      before = snapshot(app.db);
      expect(no(app, '/meeting agenda M1 remove 7').reply).toBe(said.noItem);
      expect(no(app, '/meeting agenda M1 remove').reply).toBe(said.removeUsage);
      expect(no(app, '/meeting agenda M1 move 1 first').reply).toBe(said.newPosition);
      expect(snapshot(app.db)).toBe(before);

      const sent = ok(app, '/meeting send M1');
      expect(sent).toContain(said.sent);
      expect(sent).toContain(said.unreachable);
      before = snapshot(app.db);
      expect(no(app, '/meeting send M1').reply).toContain(said.alreadySent);
      expect(snapshot(app.db)).toBe(before);
      await app.sender.drain();
      const notices = ok(app, '/meeting notices M1').split('\n');
      expect(notices[0]).toBe(said.noticesHead);
      expect(notices).toContain(said.noticesSent);
      expect(notices).toContain(said.reach);
      expect(notices.some((l) => l.startsWith(said.noticesLine))).toBe(true);
      expect(notices).toContain(said.noticesOthers);

      expect(no(app, '/meeting postpone M1 2026-12-01 10:00').reply).toBe(said.alreadyOn);
      const postponed = ok(app, '/meeting postpone M1 2026-12-03 10:00 venue');
      expect(postponed).toContain(said.postponed);
      expect(postponed).toContain(said.told);
      expect(ok(app, '/meeting cancel M1 not ready')).toContain(said.cancelled);
      ok(app, '/meeting schedule PWG 2026-12-20 10:00 Later');
      expect(ok(app, '/meeting cancel M2 not ready')).toContain(said.notSent);
      before = snapshot(app.db);
      expect(no(app, '/meeting agenda M1 add Another item').reply).toContain(said.closed);
      expect(snapshot(app.db)).toBe(before);
      // Only the words change: nothing of the reply falls back to English.
      for (const reply of [scheduled, sent, postponed]) expect(reply).not.toMatch(/Scheduled|Sent the|were told|Notice deadline| is moved /);
    });
  }

  it("writes the coordinator's own time beside the exercise's, and counts minutes in Serbian one/few/other", () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    ok(app, `/members language ${COORDINATOR} sr-Cyrl`);
    ok(app, '/members timezone me America/New_York');
    const minutes = (n: number, date: string) => ok(app, `/meeting schedule PWG ${date} 10:00 Workshop duration:${n}`).split('\n')[0]!;
    // A meeting lasts 5 minutes at least: 21 and 101 take the "one" form, 22 "few", 5 and 11 "other".
    expect(minutes(5, '2026-12-01')).toContain(', 5 минута.');
    expect(minutes(11, '2026-12-02')).toContain(', 11 минута.');
    expect(minutes(21, '2026-12-03')).toContain(', 21 минут.');
    expect(minutes(22, '2026-12-04')).toContain(', 22 минута.');
    expect(minutes(101, '2026-12-07')).toContain(', 101 минут.');
    expect(minutes(90, '2026-12-09')).toContain(
      'за среда, 9. децембар 2026, 10:00 (Europe/Belgrade) (среда, 9. децембар 2026, 04:00 (America/New_York) код вас)',
    );
  });

  it('refuses a duration out of range or not a number in the coordinator\'s language, changing nothing', () => {
    app = createTestApp({ now: '2026-11-10T09:00:00Z' });
    const schedule = (duration: string) => no(app, `/meeting schedule PWG 2026-12-01 10:00 Workshop duration:${duration}`).reply;
    expect(schedule('4')).toBe('A duration of 4 minutes is out of range: a meeting lasts 5 to 1440 minutes (24 hours), e.g. duration:90.');
    for (const [language, [outOfRange, notNumber]] of Object.entries(DURATION)) {
      ok(app, `/members language ${COORDINATOR} ${language}`);
      const before = snapshot(app.db);
      expect(schedule('1441')).toBe(outOfRange);
      expect(schedule('1.5h')).toBe(notNumber);
      expect(snapshot(app.db)).toBe(before);
    }
    // A long number is cut in the sentence, as in English.
    expect(schedule('9'.repeat(30))).toBe('Трајање од 999999999999... минута је ван опсега: састанак траје од 5 до 1440 минута (24 сата), на пример duration:90.');
  });

  it('counts people, focal points, messages and agenda items in each language', () => {
    const say = (language: Language, key: string, count: number) => translate(language, `reply-meeting-admin.${key}`, { count });
    const counts = [1, 2, 5, 11, 21, 101];
    expect(counts.map((n) => say('sr-Latn', 'people', n))).toEqual(['1 osoba', '2 osobe', '5 osoba', '11 osoba', '21 osoba', '101 osoba']);
    expect(counts.map((n) => say('sr-Cyrl', 'roleCount.former member', n))).toEqual(['1 бивши члан', '2 бивша члана', '5 бивших чланова', '11 бивших чланова', '21 бивши члан', '101 бивши члан']);
    expect(counts.map((n) => say('sr-Latn', 'email', n))).toEqual(['1 e-poruka', '2 e-poruke', '5 e-poruka', '11 e-poruka', '21 e-poruka', '101 e-poruka']);
    expect([1, 2].map((n) => say('sq', 'roleCount.focal', n))).toEqual(['1 pikë kontakti', '2 pika kontakti']);
    expect([1, 2].map((n) => say('sq', 'messages', n))).toEqual(['1 mesazh', '2 mesazhe']);
    expect([1, 2].map((n) => say('en', 'people', n))).toEqual(['1 person', '2 people']);
    expect(translate('sr-Cyrl', 'reply-meeting-admin.agendaFull', { id: 'M1', count: 50 })).toContain('већ има 50 тачака');
    expect(translate('sr-Cyrl', 'reply-meeting-admin.agendaFull', { id: 'M1', count: 22 })).toContain('већ има 22 тачке');
  });
});

describe("the coordinator's commands from the one-shot CLI, in the coordinator's language", () => {
  for (const [language, said] of Object.entries(SAID)) {
    it(`answers the coordinator who reads ${language}: a meeting scheduled (exit 0), refusals (exit 1)`, async () => {
      const box = cliSandbox();
      const at = (...args: string[]) => runCli(['--now', '2026-11-10T09:00:00Z', ...args], box.env);
      try {
        expect((await runCli(['init', '--example', 'kosovo', '--now', '2026-11-10T08:00:00Z'], box.env)).code).toBe(0);
        expect((await at(`/members language ${COORDINATOR} ${language}`)).code).toBe(0);
        const scheduled = await at('/meeting schedule PWG 2026-12-01 10:00 Agree the TOR milestone:tor where:"UNHCR office" duration:21');
        expect(scheduled).toMatchObject({ code: 0, stdout: expect.stringContaining(said.scheduled) });
        expect(await at('/meeting send M1')).toMatchObject({ code: 1, stdout: expect.stringContaining(said.noAgenda) });
        expect(await at('/meeting agenda M1 remove')).toMatchObject({ code: 1, stdout: `${said.removeUsage}\n` });
      } finally {
        rmSync(box.dir, { recursive: true, force: true });
      }
    });
  }
});

/** /meeting schedule … duration:1441 and duration:1.5h, refused in the coordinator's language. */
const DURATION: Record<Exclude<Language, 'en'>, [string, string]> = {
  sq: [
    'Kohëzgjatja duration:1441 është jashtë kufijve: një takim zgjat nga 5 deri në 1440 minuta (24 orë), p.sh. duration:90.',
    'Kohëzgjatja është një numër i plotë minutash nga 5 deri në 1440 (24 orë), p.sh. duration:90.',
  ],
  'sr-Latn': [
    'Trajanje od 1441 minuta je van opsega: sastanak traje od 5 do 1440 minuta (24 sata), na primer duration:90.',
    'Trajanje je ceo broj minuta od 5 do 1440 (24 sata), na primer duration:90.',
  ],
  'sr-Cyrl': [
    'Трајање од 1441 минута је ван опсега: састанак траје од 5 до 1440 минута (24 сата), на пример duration:90.',
    'Трајање је цео број минута од 5 до 1440 (24 сата), на пример duration:90.',
  ],
};
