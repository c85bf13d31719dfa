import { afterEach, describe, expect, it } from 'vitest';
import { COORDINATOR, createTestApp, snapshot, type TestApp } from '../helpers/app';
import { no, ok } from '../helpers/meetings';
import { translate } from '../../src/i18n/catalogue';
import type { Language } from '../../src/domain/vocabulary';

let app: TestApp;
afterEach(() => app?.close());

/** A few words of each reply of /endorse open and close: enough to fail when one falls back to English. */
type Said = Record<
  | 'quorum' | 'tooFar' | 'noTime' | 'tooSoon' | 'urgentNotNeeded' | 'opened' | 'went' | 'unreachable' | 'duplicate' | 'replaces' | 'closed' | 'alreadyClosed'
  | 'link' | 'quorumWord' | 'versionEmpty' | 'ruleWord',
  string
>;

const SAID: Record<Exclude<Language, 'en'>, Said> = {
  sq: {
    versionEmpty: 'Versioni është bosh.',
    ruleWord: 'Për rule: jepni njërën nga: consensus, majority.',
    link: 'Lidhja duhet të jetë adresë uebi që fillon me https:// ose http://',
    quorumWord: 'Kuorumi është një numër organizatash, p.sh. quorum:6.',
    quorum: 'Kuorumi duhet të jetë nga 1 deri 10, sa është numri i organizatave të PWG.',
    tooFar: 'Afati 2028-01-01 është më shumë se 366 ditë larg; kontrolloni vitin dhe muajin.',
    noTime: 'Një afat më 2026-11-22 10:00 Europe/Belgrade nuk lë kohë për të votuar.',
    tooSoon: 'Një afat më 2026-11-24 10:00 Europe/Belgrade është 48 orë larg; anëtarët kanë të paktën 72 orë për të votuar. Afati më i hershëm është 2026-11-25 (në 10:00).',
    urgentNotNeeded: 'urgent:"..." është për një afat nën 72 orë, ndërsa 2026-11-29 10:00 Europe/Belgrade është 168 orë larg.',
    opened: 'U hap E1: kërkesë për miratim nga PWG për "Terms of Reference" (versioni v1), me shumicë, kuorum 6 nga 10 organizata, deri më 2026-11-29 10:00 Europe/Belgrade.',
    went: 'Kërkesa u dërgua te 13 anëtarë, 13 mesazhe (13 e-maile).',
    unreachable: 'KAS nuk ka pikë kontakti me e-mail që funksionon: mund të votojë vetëm përmes /endorse proxy',
    duplicate: 'E1 kërkon tashmë miratimin e PWG për "Terms of Reference" (versioni v1), deri më 2026-11-29 10:00 Europe/Belgrade.',
    replaces: 'Ajo zëvendëson E1, tani të mbyllur si të zëvendësuar.',
    closed: 'U mbyll E2: pa kuorum. Rezultati, me votën e çdo organizate, u shkon 13 anëtarëve të PWG dhe kanaleve të tij.',
    alreadyClosed: 'E2 është tashmë mbyllur nga koordinatori më 2026-11-22 10:00 Europe/Belgrade: pa kuorum.',
  },
  'sr-Latn': {
    versionEmpty: 'Verzija je prazna.',
    ruleWord: 'Za rule: navedite jedno od: consensus, majority.',
    link: 'Link mora biti veb adresa koja počinje sa https:// ili http://',
    quorumWord: 'Kvorum je broj organizacija, na primer quorum:6.',
    quorum: 'Kvorum mora biti između 1 i 10, koliko organizacija ima grupa PWG.',
    tooFar: 'Rok 2028-01-01 je za više od 366 dana; proverite godinu i mesec.',
    noTime: 'Rok 2026-11-22 10:00 Europe/Belgrade ne ostavlja vreme za glasanje.',
    tooSoon: 'Rok 2026-11-24 10:00 Europe/Belgrade je za 48 sati; članovi imaju najmanje 72 sata za glasanje. Najraniji rok je 2026-11-25 (u 10:00).',
    urgentNotNeeded: 'urgent:"..." je za rok kraći od 72 sata, a 2026-11-29 10:00 Europe/Belgrade je za 168 sati.',
    opened: 'Otvoren je E1: zahtev za odobrenje grupe PWG za „Terms of Reference“ (verzija v1), pravilo: većina, kvorum 6 od 10 organizacija, rok 2026-11-29 10:00 Europe/Belgrade.',
    went: 'Zahtev je poslat: 13 članova, 13 poruka (13 e-poruka).',
    unreachable: 'KAS nema kontakt osobu sa ispravnom adresom e-pošte: može da glasa samo preko /endorse proxy',
    duplicate: 'E1 već traži odobrenje grupe PWG za „Terms of Reference“ (verzija v1), do 2026-11-29 10:00 Europe/Belgrade.',
    replaces: 'Zamenjuje: E1 (sada zatvoreno kao zamenjeno).',
    closed: 'Zatvoren je E2: nema kvoruma. Rezultat, sa glasom svake organizacije, dobijaju članovi grupe PWG (13) i njeni kanali.',
    alreadyClosed: 'E2 je već zatvoren od strane koordinatora 2026-11-22 10:00 Europe/Belgrade: nema kvoruma.',
  },
  'sr-Cyrl': {
    versionEmpty: 'Верзија је празна.',
    ruleWord: 'За rule: наведите једно од: consensus, majority.',
    link: 'Линк мора бити веб адреса која почиње са https:// или http://',
    quorumWord: 'Кворум је број организација, на пример quorum:6.',
    quorum: 'Кворум мора бити између 1 и 10, колико организација има група PWG.',
    tooFar: 'Рок 2028-01-01 је за више од 366 дана; проверите годину и месец.',
    noTime: 'Рок 2026-11-22 10:00 Europe/Belgrade не оставља време за гласање.',
    tooSoon: 'Рок 2026-11-24 10:00 Europe/Belgrade је за 48 сати; чланови имају најмање 72 сата за гласање. Најранији рок је 2026-11-25 (у 10:00).',
    urgentNotNeeded: 'urgent:"..." је за рок краћи од 72 сата, а 2026-11-29 10:00 Europe/Belgrade је за 168 сати.',
    opened: 'Отворен је E1: захтев за одобрење групе PWG за „Terms of Reference“ (верзија v1), правило: већина, кворум 6 од 10 организација, рок 2026-11-29 10:00 Europe/Belgrade.',
    went: 'Захтев је послат: 13 чланова, 13 порука (13 е-порука).',
    unreachable: 'KAS нема контакт особу са исправном адресом е-поште: може да гласа само преко /endorse proxy',
    duplicate: 'E1 већ тражи одобрење групе PWG за „Terms of Reference“ (верзија v1), до 2026-11-29 10:00 Europe/Belgrade.',
    replaces: 'Замењује: E1 (сада затворено као замењено).',
    closed: 'Затворен је E2: нема кворума. Резултат, са гласом сваке организације, добијају чланови групе PWG (13) и њени канали.',
    alreadyClosed: 'E2 је већ затворен од стране координатора 2026-11-22 10:00 Europe/Belgrade: нема кворума.',
  },
};

describe("the coordinator's /endorse open and close in the coordinator's language", () => {
  for (const [language, said] of Object.entries(SAID)) {
    it(`opens, replaces and closes a request in ${language}; a refusal changes nothing`, () => {
      app = createTestApp();
      ok(app, `/members language ${COORDINATOR} ${language}`);
      ok(app, '/members remove-focal KAS focal@kas.example.org');
      let before = snapshot(app.db);
      const refusals: [string, string][] = [
        ['/endorse open PWG Terms of Reference version:v1 quorum:11', said.quorum],
        ['/endorse open PWG Terms of Reference version:v1 quorum:many', said.quorumWord],
        ['/endorse open PWG Terms of Reference version:""', said.versionEmpty],
        ['/endorse open PWG Terms of Reference rule:unanimity', said.ruleWord],
        ['/endorse open PWG Terms of Reference link:ftp://files.example.org/tor', said.link],
        ['/endorse open PWG Terms of Reference version:v1 deadline:2028-01-01', said.tooFar],
        ['/endorse open PWG Terms of Reference version:v1 deadline:2026-11-22', said.noTime],
        ['/endorse open PWG Terms of Reference version:v1 deadline:2026-11-24', said.tooSoon],
        ['/endorse open PWG Terms of Reference version:v1 urgent:"the ministry asked"', said.urgentNotNeeded],
      ];
      for (const [text, sentence] of refusals) expect(no(app, text).reply, text).toContain(sentence);
      expect(snapshot(app.db)).toBe(before);

      const opened = ok(app, '/endorse open PWG Terms of Reference version:v1 rule:majority');
      expect(opened).toContain(said.opened);
      expect(opened).toContain(said.went);
      expect(opened).toContain(said.unreachable);
      before = snapshot(app.db);
      expect(no(app, '/endorse open PWG Terms of Reference version:v1').reply).toContain(said.duplicate);
      expect(snapshot(app.db)).toBe(before);
      expect(ok(app, '/endorse open PWG Terms of Reference version:v2')).toContain(said.replaces);
      expect(ok(app, '/endorse close E2')).toBe(said.closed);
      before = snapshot(app.db);
      expect(no(app, '/endorse close E2').reply).toBe(said.alreadyClosed);
      expect(snapshot(app.db)).toBe(before);
    });
  }

  it('counts hours, members and organisations in Serbian one/few/other and Albanian one/other', () => {
    app = createTestApp();
    ok(app, `/members language ${COORDINATOR} sr-Latn`);
    // A deadline is at the time of day the request is opened: a day ahead is 24 hours ("few"), two days 48 ("other").
    expect(no(app, '/endorse open PWG Terms of Reference deadline:2026-11-23').reply).toContain('je za 24 sata; članovi imaju najmanje 72 sata');
    expect(no(app, '/endorse open PWG Terms of Reference deadline:2026-11-24').reply).toContain('je za 48 sati;');
    const say = (language: Language, key: string, count: number) => translate(language, `reply-endorse-admin.${key}`, { count });
    expect([1, 2, 5, 11, 21].map((n) => say('sr-Cyrl', 'members', n))).toEqual(['1 члан', '2 члана', '5 чланова', '11 чланова', '21 члан']);
    expect([1, 3, 5, 21].map((n) => say('sr-Latn', 'hours', n))).toEqual(['1 sat', '3 sata', '5 sati', '21 sat']);
    expect([1, 2].map((n) => say('sq', 'members', n))).toEqual(['1 anëtar', '2 anëtarë']);
    expect(translate('sr-Latn', 'reply-endorse-admin.opened', { id: 'E1', group: 'PMG', document: '„TOR“', rule: 'konsenzus', quorum: 1, count: 1, deadline: 'x' })).toContain('kvorum 1 od 1 organizacije');
    expect(translate('sr-Latn', 'reply-endorse-admin.opened', { id: 'E1', group: 'PWG', document: '„TOR“', rule: 'konsenzus', quorum: 6, count: 10, deadline: 'x' })).toContain('kvorum 6 od 10 organizacija');
  });

  it('keeps English as it was for an English reader', () => {
    app = createTestApp();
    expect(ok(app, '/endorse open PWG Terms of Reference version:v1')).toBe(
      'Opened E1: the PWG\'s endorsement of "Terms of Reference" (version v1), by consensus, quorum 6 of 10 organisations, until 2026-11-29 10:00 Europe/Belgrade. ' +
        'The request went to 14 members, 14 messages (14 e-mail).',
    );
    expect(ok(app, '/endorse close E1')).toBe("Closed E1: no quorum. The result, with each organisation's vote, goes to the PWG's 14 members and its channels.");
  });
});
